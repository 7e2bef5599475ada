import { bucket, createCartlift, funnelEvent, memoryStorage, type StoragePort } from '@cartlift/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Collector, startCollector } from '../../../test/e2e/analytics/collector.mjs';
import { analytics, type AnalyticsOptions } from './analytics.js';
import { ga4 } from './ga4.js';
import { segment } from './segment.js';
import { collector as collectorDestination } from './destinations.js';
import { webStorage } from '../test/web-storage.js';

// The plugin against the real collector fixture over real HTTP (Node's fetch).
let server: Collector | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.unstubAllGlobals();
});

const gtagConsentCommand = (state: 'granted' | 'denied') => ['consent', state === 'denied' ? 'default' : 'update', { analytics_storage: state }];

async function setup(options: AnalyticsOptions = {}, collectorOptions = {}) {
  server = await startCollector(collectorOptions);
  const cartlift = createCartlift({ currency: 'USD', endpoint: server.url });
  const plugin = analytics({ retry: { base: 5, cap: 50 }, batch: { wait: 5 }, ...options });
  const teardown = cartlift.use(plugin);
  const track = (n: number, extra: Record<string, unknown> = {}) => {
    for (let i = 0; i < n; i++)
      cartlift.events.emit(
        'add_to_cart',
        funnelEvent('add_to_cart', cartlift.cart.get(), [{ item_id: `SKU-${i}`, quantity: 1, price: 2400 }], extra as object),
      );
  };
  return { cartlift, plugin, track, teardown, server };
}

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`Gave up waiting for ${what}.`);
}

describe('analytics plugin', () => {
  it('batches by count: 45 events go in batches of at most 20', async () => {
    const { plugin, track, server } = await setup({ batch: { count: 20, wait: 5 } });
    track(45);
    await until(() => plugin.counters.sent === 45, '45 events sent');
    expect(server.stats.requests).toBeGreaterThanOrEqual(3);
    expect(server.stored()).toHaveLength(45);
    expect(server.stored()[0]).toMatchObject({ name: 'add_to_cart', currency: 'USD', value: 2400, anonymous_id: plugin.anonymousId() });
  });

  it('ignores events that are not funnel steps', async () => {
    const { cartlift, plugin } = await setup();
    cartlift.events.emit('open', { source: 'api' });
    cartlift.events.emit('error', { code: 'x', message: 'y' });
    expect(plugin.counters.tracked).toBe(0);
  });

  it('buffers while consent is pending (neither sent nor dropped), sends on grant, discards on deny', async () => {
    const { plugin, track, server } = await setup({ consent: 'pending' });
    track(5);
    await new Promise((r) => setTimeout(r, 100));
    expect(server.stats.requests).toBe(0);
    expect(plugin.counters).toMatchObject({ tracked: 5, sent: 0, dropped: 0, discarded: 0 });
    plugin.consent('granted');
    await until(() => plugin.counters.sent === 5, 'buffered events sent after grant');
    plugin.consent('denied');
    track(3);
    expect(plugin.counters.discarded).toBe(3);
    expect(() => plugin.consent('yes' as never)).toThrow('consent must be "pending", "granted" or "denied"; received "yes".');
  });

  it('retries 5xx and 429 with backoff until the collector accepts, without duplicates', async () => {
    const { plugin, track, server } = await setup({}, { failRate: 0.6, retryAfter: 0, seed: 7 });
    track(60);
    await until(() => plugin.counters.sent === 60, '60 events through a failing collector');
    expect(server.stats.failed).toBeGreaterThan(0);
    expect(plugin.counters.retried).toBeGreaterThan(0);
    expect(server.stored()).toHaveLength(60);
    expect(server.stats.duplicates).toBe(0);
  });

  it('sends no retry before Retry-After (a 429 asking for 1 s), though its own backoff would retry within 50 ms', async () => {
    const { plugin, track, server } = await setup({}, { failFirst: 1, failStatus: 429, retryAfter: 1 });
    track(3);
    await until(() => plugin.counters.sent === 3, 'the batch accepted after the 429');
    const [first, second, ...rest] = server.log;
    expect([first!.status, second!.status, rest]).toEqual([429, 200, []]);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
    expect(plugin.counters.retried).toBe(3);
  });

  it('drops and counts a batch refused with a 4xx other than 408/429', async () => {
    server = await startCollector();
    const cartlift = createCartlift({ currency: 'USD' });
    const plugin = analytics({ destinations: [collectorDestination({ url: `${server.url}/nowhere` })], batch: { wait: 5 } });
    cartlift.use(plugin);
    cartlift.events.emit('view_item', funnelEvent('view_item', cartlift.cart.get(), [{ item_id: 'TEA', quantity: 1 }]));
    await until(() => plugin.counters.dropped === 1, 'the 404 batch dropped');
    expect(plugin.counters.sent).toBe(0);
  });

  it('drops and counts one event too big for a beacon or keepalive fetch (Chromium throws on it), so the rest flows', async () => {
    // 61 KB: under the collector's 64 KiB limit, so Node's fetch (no keepalive quota) would deliver it; Chromium's
    // keepalive fetch fails on bodies over 64 KB (test/e2e/analytics/oversize.spec.ts), so the plugin refuses it before sending.
    const { cartlift, plugin, track, server } = await setup();
    cartlift.events.emit('view_item', funnelEvent('view_item', cartlift.cart.get(), [{ item_id: 'TEA', quantity: 1 }], { note: 'x'.repeat(61_000) } as object));
    track(3);
    await until(() => plugin.counters.sent === 3 && plugin.counters.dropped === 1, 'the big event dropped and the 3 others sent');
    expect(server.stored().map((e) => e.name)).toEqual(['add_to_cart', 'add_to_cart', 'add_to_cart']);
  });

  it('bounds the queue: the oldest events are dropped first and counted', async () => {
    const { plugin, track, server } = await setup({ consent: 'pending', maxQueue: 5 });
    track(8, { step: 'x' });
    await plugin.flush();
    expect(plugin.counters.dropped).toBe(3);
    plugin.consent('granted');
    await until(() => plugin.counters.sent === 5, 'the 5 newest sent');
    expect(server.stored().map((e) => (e.items as { item_id: string }[])[0]!.item_id)).toEqual(['SKU-3', 'SKU-4', 'SKU-5', 'SKU-6', 'SKU-7']);
  });

  it('survives storage quota errors by carrying on in memory', async () => {
    const quota: StoragePort = {
      ...memoryStorage(),
      update: () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
    };
    const { plugin, track } = await setup({ storage: quota });
    track(10);
    await until(() => plugin.counters.sent === 10, 'events sent despite the quota error');
    expect(plugin.counters.storageErrors).toBe(1);
  });

  it('sends experiment_exposure once per experiment and tags later events with the assignments', async () => {
    const { plugin, track, server } = await setup();
    const variant = plugin.experiment('checkout-button', ['control', 'one-click']);
    expect(plugin.experiment('checkout-button', ['control', 'one-click'])).toBe(variant);
    track(1);
    await until(() => plugin.counters.sent === 2, 'exposure and event sent');
    const [exposure, event] = server.stored();
    expect(exposure).toMatchObject({ name: 'experiment_exposure', experiment: 'checkout-button', variant });
    expect(event).toMatchObject({ name: 'add_to_cart', experiments: { 'checkout-button': variant } });
  });

  it("sends experiment_exposure once per id across tabs, and neither tab overwrites the other's assignments", async () => {
    const local = webStorage();
    vi.stubGlobal('localStorage', local);
    server = await startCollector();
    const tab = () => {
      const cartlift = createCartlift({ currency: 'USD', endpoint: server!.url });
      const plugin = analytics({ batch: { wait: 5 } });
      cartlift.use(plugin);
      return plugin;
    };
    const [a, b] = [tab(), tab()]; // both read the stored identity before either exposure
    expect(b.anonymousId()).toBe(a.anonymousId());
    const variant = a.experiment('checkout-button', ['control', 'one-click']);
    expect(b.experiment('checkout-button', ['control', 'one-click'])).toBe(variant);
    a.experiment('first-order-offer', ['none', 'offer']);
    b.experiment('free-shipping', ['off', 'on']);
    await Promise.all([a.flush(), b.flush()]);
    const exposures = server
      .stored()
      .filter((e) => e.name === 'experiment_exposure')
      .map((e) => e.experiment);
    expect(exposures.sort()).toEqual(['checkout-button', 'first-order-offer', 'free-shipping']);
    expect(Object.keys(JSON.parse(local.getItem('cartlift-analytics')!).x).sort()).toEqual(['checkout-button', 'first-order-offer', 'free-shipping']);
  });

  it('samples by anonymous id: an id inside the sample always reports, one outside never does', async () => {
    // bucket('cartlift-sample', id) of these ids: …0001 → 31, …0003 → 4276, …0002 → 8378 (of 10,000).
    const cases = [
      { id: '00000000-0000-4000-8000-000000000001', sample: 0.01, inside: true },
      { id: '00000000-0000-4000-8000-000000000002', sample: 0.01, inside: false },
      { id: '00000000-0000-4000-8000-000000000003', sample: 0.5, inside: true },
      { id: '00000000-0000-4000-8000-000000000002', sample: 0.5, inside: false },
      { id: '00000000-0000-4000-8000-000000000002', sample: 0.8379, inside: true },
    ];
    expect(cases.map((c) => bucket('cartlift-sample', c.id))).toEqual([31, 8378, 4276, 8378, 8378]);
    for (const { id, sample, inside } of cases) {
      const local = webStorage();
      local.setItem('cartlift-analytics', JSON.stringify({ id, x: {} }));
      vi.stubGlobal('localStorage', local);
      const { plugin, track } = await setup({ sample });
      expect(plugin.anonymousId()).toBe(id);
      track(2);
      await plugin.flush();
      track(2);
      await plugin.flush();
      expect(plugin.counters).toMatchObject({ tracked: 4, sampledOut: inside ? 0 : 4, sent: inside ? 4 : 0 });
      expect(server!.stored().map((e) => e.anonymous_id)).toEqual(inside ? [id, id, id, id] : []);
      await server!.close();
      server = undefined;
    }
  });

  it('warns in development about events that break the schema', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { validateEvent } = await import('./schema.js');
    const { cartlift } = await setup({ validate: validateEvent });
    cartlift.events.emit('purchase', funnelEvent('purchase', cartlift.cart.get(), [], { transaction_id: '' }));
    expect(warn).toHaveBeenCalledWith('Cartlift analytics: purchase.transaction_id must be a non-empty string (the order id); received "".');
    warn.mockRestore();
  });

  it('logs one clear error for a bad option and keeps working with the default', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    analytics({ batch: { count: 0 } });
    expect(error).toHaveBeenCalledWith('Cartlift analytics: batch.count must be a number above 0 and at most 1000000000; received 0. Using the default.');
    error.mockRestore();
  });

  it('keeps GA4/Segment events waiting for consent in the persisted queue: bounded with the oldest dropped and counted', async () => {
    const storage = memoryStorage();
    const dataLayer: unknown[] = [];
    const { plugin, track } = await setup({ consent: 'pending', maxQueue: 5, storage, destinations: [ga4({ dataLayer })] });
    track(8);
    await plugin.flush();
    expect(plugin.counters.dropped).toBe(3);
    expect((await storage.get<{ q: unknown[] }>('q:page'))!.q).toHaveLength(5);
    expect(dataLayer).toEqual([]);
    plugin.consent('granted');
    await plugin.flush();
    const sent = dataLayer.filter((e): e is { ecommerce: { items: { item_id: string }[] } } => !!(e as { event?: string }).event);
    expect(sent.map((e) => e.ecommerce.items[0]!.item_id)).toEqual(['SKU-3', 'SKU-4', 'SKU-5', 'SKU-6', 'SKU-7']);
    expect((await storage.get<{ q: unknown[] }>('q:page'))!.q).toEqual([]);
  });

  it('stores nothing while GA4 Consent Mode denies analytics storage, and sends and stores once it grants it', async () => {
    const local = webStorage();
    vi.stubGlobal('localStorage', local);
    const consentLayer: unknown[] = [gtagConsentCommand('denied')];
    vi.stubGlobal('dataLayer', consentLayer);
    const storage = memoryStorage();
    const out: unknown[] = [];
    const { plugin, track, server } = await setup({ storage, destinations: [collectorDestination(), ga4({ dataLayer: out })] });
    track(2);
    await plugin.flush();
    expect(out).toEqual([]);
    expect(server.stats.requests).toBe(0);
    expect(local.getItem('cartlift-analytics')).toBeNull();
    expect(await storage.get('q:collector')).toBeUndefined();
    expect(await storage.get('q:page')).toBeUndefined();
    // The banner's "accept" updates Consent Mode only: plugin.consent() is never called.
    consentLayer.push(gtagConsentCommand('granted'));
    await until(() => out.length === 4 && plugin.counters.sent === 2, 'both events released to GA4 and the collector');
    await plugin.flush();
    expect(plugin.counters.sent).toBe(2); // GA4's deliveries are not counted as sent
    expect(server.stored()).toHaveLength(2);
    expect(JSON.parse(local.getItem('cartlift-analytics')!).id).toBe(plugin.anonymousId());
  });

  it('forwards to GA4 (dataLayer) and Segment (analytics.js) in major units once consent is granted', async () => {
    const dataLayer: unknown[] = [];
    const calls: unknown[][] = [];
    const js = { track: (...args: unknown[]) => void calls.push(args) };
    const { cartlift, plugin } = await setup({ consent: 'pending', destinations: [ga4({ dataLayer }), segment({ analytics: js })] });
    cartlift.events.emit('purchase', funnelEvent('purchase', cartlift.cart.get(), [{ item_id: 'TEA', quantity: 2, price: 1999 }], { transaction_id: 'ord_1' }));
    expect(dataLayer).toEqual([]);
    plugin.consent('granted');
    await plugin.flush();
    expect(dataLayer[1]).toMatchObject({
      event: 'purchase',
      ecommerce: { currency: 'USD', value: 39.98, transaction_id: 'ord_1', items: [{ item_id: 'TEA', price: 19.99, quantity: 2 }] },
    });
    expect(calls[0]![0]).toBe('Order Completed');
    expect(calls[0]![1]).toMatchObject({
      order_id: 'ord_1',
      total: 39.98,
      revenue: 39.98,
      currency: 'USD',
      products: [{ product_id: 'TEA', price: 19.99, quantity: 2 }],
    });
    expect(calls[0]![2]).toMatchObject({ messageId: expect.any(String) });
  });
});
