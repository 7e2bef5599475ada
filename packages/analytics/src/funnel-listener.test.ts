import { BUCKETS, bucket, funnelEvent, emptyCart } from '@cartlift/core';
import { describe, expect, it, vi } from 'vitest';
import type { Consent } from './consent.js';
import { zeroCounters } from './counters.js';
import type { DeliveryLane } from './delivery-lane.js';
import { funnelListener } from './funnel-listener.js';
import type { PageIdentity } from './identity.js';
import type { WireEvent } from './wire.js';

function setup(options: { choice?: Consent; sample?: number; exposures?: Record<string, string>; validate?: (name: string, event: unknown) => string[] } = {}) {
  const heard: WireEvent[] = [];
  const counters = zeroCounters();
  const identity: PageIdentity = {
    current: () => ({ id: '00000000-0000-4000-8000-000000000002', exposures: options.exposures ?? {} }),
    keep() {},
    keepOnce() {},
  };
  const lane = { hear: (event: WireEvent) => heard.push(event) } as unknown as DeliveryLane;
  const listen = funnelListener({
    counters,
    choice: () => options.choice ?? 'granted',
    identity,
    lanes: [lane, lane],
    sample: options.sample ?? 1,
    validate: options.validate,
  });
  const payload = funnelEvent('view_item', emptyCart('cart-1', 'USD'), [{ item_id: 'TEA', quantity: 1 }]);
  return { heard, counters, listen, payload };
}

describe('funnel listener', () => {
  it('hands each funnel event to every lane, with its name, the anonymous id and the variants it is in', () => {
    const { heard, counters, listen, payload } = setup({ exposures: { 'checkout-button': 'one-click' } });
    listen('view_item', payload);
    listen('open', { source: 'api' });
    expect(counters.tracked).toBe(1);
    expect(heard).toHaveLength(2);
    expect(heard[0]).toEqual({
      ...payload,
      name: 'view_item',
      anonymous_id: '00000000-0000-4000-8000-000000000002',
      experiments: { 'checkout-button': 'one-click' },
    });
  });

  it('discards events while consent is denied, and leaves out ids outside the sample', () => {
    const denied = setup({ choice: 'denied' });
    denied.listen('view_item', denied.payload);
    expect(denied.counters).toMatchObject({ tracked: 1, discarded: 1 });
    expect(denied.heard).toEqual([]);
    // This id's bucket is 8378 of 10,000: outside a 50% sample.
    expect(bucket('cartlift-sample', '00000000-0000-4000-8000-000000000002')).toBeGreaterThan(0.5 * BUCKETS);
    const sampled = setup({ sample: 0.5 });
    sampled.listen('view_item', sampled.payload);
    expect(sampled.counters).toMatchObject({ tracked: 1, sampledOut: 1 });
  });

  it('warns about each schema problem in development', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { listen, payload } = setup({ validate: () => ['view_item.value must be a whole number'] });
    listen('view_item', payload);
    expect(warn).toHaveBeenCalledWith('Cartlift analytics: view_item.value must be a whole number');
    warn.mockRestore();
  });
});
