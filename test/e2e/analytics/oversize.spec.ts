import path from 'node:path';
import { expect, test } from '@playwright/test';
import { type Collector, startCollector } from './collector.mjs';

// In Chromium, fetch(…, { keepalive: true }) with a body over 64 KB throws. A
// single event that big must be dropped (and counted), not retried forever in
// front of every event behind it. Runs on the built packages.

const root = path.resolve(import.meta.dirname, '../../..');
let collector: Collector;

test.beforeAll(async () => {
  collector = await startCollector({
    files: { '/page.html': path.join(import.meta.dirname, 'page.html'), '/page.mjs': path.join(import.meta.dirname, 'page.mjs') },
    dirs: {
      '/dist/core/': path.join(root, 'packages/core/dist'),
      '/dist/analytics/': path.join(root, 'packages/analytics/dist'),
      '/dist/idb-keyval/': path.join(root, 'node_modules/idb-keyval/dist'),
    },
  });
});
test.afterAll(() => collector?.close());

test('an event over the 64 KB keepalive limit is dropped and counted; the events behind it are delivered', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${collector.url}/page.html`);
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
  await page.evaluate(() => {
    const w = window as unknown as { cartlift: { cart: { get(): unknown }; events: { emit(n: string, p: unknown): void } }; core: { funnelEvent(c: unknown, i: unknown[], x?: object): unknown } };
    const item = [{ item_id: 'TEA-LJ-100', quantity: 1, price: 2400 }];
    w.cartlift.events.emit('view_item', w.core.funnelEvent(w.cartlift.cart.get(), item, { note: 'x'.repeat(70_000), seq: 'huge' }));
    for (const seq of ['a', 'b', 'c']) w.cartlift.events.emit('add_to_cart', w.core.funnelEvent(w.cartlift.cart.get(), item, { seq }));
  });
  const counters = () => page.evaluate(() => ({ ...(window as unknown as { analyticsPlugin: { counters: { sent: number; dropped: number } } }).analyticsPlugin.counters }));
  await expect.poll(async () => (await counters()).sent, { timeout: 10_000 }).toBe(3);
  expect((await counters()).dropped).toBe(1);
  expect(collector.stored().map((e) => e.seq)).toEqual(['a', 'b', 'c']);
  expect(errors).toEqual([]);
});
