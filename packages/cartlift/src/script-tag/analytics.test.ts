import { createCartlift, funnelEvent } from '@cartlift/core';
import { describe, expect, it } from 'vitest';
import { loadAnalytics } from './analytics.js';

describe("Cartlift.use('analytics') destinations by name", () => {
  it('builds GA4 and Segment from names or [name, options] pairs, and keeps destination objects', async () => {
    const dataLayer: unknown[] = [];
    const tracked: string[] = [];
    const own = { kind: 'page' as const, name: 'own', track: (event: { name: string }) => void tracked.push(event.name) };
    const plugin = await loadAnalytics({
      consent: 'granted',
      destinations: [['ga4', { dataLayer }], ['segment', { analytics: { track: (name: string) => tracked.push(`segment:${name}`) } }], own],
    });
    const cartlift = createCartlift({ currency: 'USD' });
    cartlift.use(plugin);
    cartlift.events.emit('add_to_cart', funnelEvent('add_to_cart', cartlift.cart.get(), [{ item_id: 'TEA', quantity: 1, price: 2400 }]));
    await expect.poll(() => tracked).toEqual(['segment:Product Added', 'add_to_cart']);
    expect(dataLayer[1]).toMatchObject({ event: 'add_to_cart', ecommerce: { currency: 'USD', value: 24 } });
  });

  it('refuses an unknown name with a sentence naming the entry', async () => {
    await expect(loadAnalytics({ destinations: ['collector', 'gtm' as never] })).rejects.toThrow(
      `Cartlift.use('analytics'): destinations[1] must be "collector", "ga4", "segment", a [name, options] pair or a destination object; received "gtm".`,
    );
    await expect(loadAnalytics({ destinations: [['toString', {}] as never] })).rejects.toThrow(/destinations\[0\] must be .*; received \["toString",\{\}\]\./);
  });
});
