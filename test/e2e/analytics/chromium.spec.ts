import path from 'node:path';
import { expect, test } from '@playwright/test';
import { type Collector, startCollector } from './collector.mjs';

// The plugin's behaviour that only a real browser shows (keepalive quota,
// navigation), on the built packages and the collector fixture.

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

// In Chromium, fetch(…, { keepalive: true }) with a body over 64 KB throws. A
// single event that big must be dropped (and counted), not retried forever in
// front of every event behind it.
test('an event over the 64 KB keepalive limit is dropped and counted; the events behind it are delivered', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${collector.url}/page.html`);
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
  await page.evaluate(() => {
    const w = window as unknown as {
      cartlift: { cart: { get(): unknown }; events: { emit(n: string, p: unknown): void } };
      core: { funnelEvent(name: string, c: unknown, i: unknown[], x?: object): unknown };
    };
    const item = [{ item_id: 'TEA-LJ-100', quantity: 1, price: 2400 }];
    w.cartlift.events.emit('view_item', w.core.funnelEvent('view_item', w.cartlift.cart.get(), item, { note: 'x'.repeat(70_000), seq: 'huge' }));
    for (const seq of ['a', 'b', 'c']) w.cartlift.events.emit('add_to_cart', w.core.funnelEvent('add_to_cart', w.cartlift.cart.get(), item, { seq }));
  });
  const counters = () =>
    page.evaluate(() => ({ ...(window as unknown as { analyticsPlugin: { counters: { sent: number; dropped: number } } }).analyticsPlugin.counters }));
  await expect.poll(async () => (await counters()).sent, { timeout: 10_000 }).toBe(3);
  expect((await counters()).dropped).toBe(1);
  expect(collector.stored().map((e) => e.seq)).toEqual(['a', 'b', 'c']);
  expect(errors).toEqual([]);
});

test('GA4 events waiting for consent survive a navigation and reach GA4 on the next page once consent is granted', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${collector.url}/page.html?consent=pending&ga4`);
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
  await page.evaluate(() => (window as unknown as { track(s: string[]): void }).track(['p1', 'p2', 'p3']));
  // Leave at once: the shopper decides on the next page.
  await page.goto(`${collector.url}/page.html?ga4`);
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
  const seqs = () =>
    page.evaluate(() =>
      (window as unknown as { ga4Events: { event?: string; ecommerce?: { seq?: string } }[] }).ga4Events
        .filter((e) => e.event === 'add_to_cart')
        .map((e) => e.ecommerce!.seq),
    );
  await expect.poll(seqs, { timeout: 10_000 }).toEqual(['p1', 'p2', 'p3']);
  await expect.poll(() => collector.stored().filter((e) => String(e.seq).startsWith('p')).length, { timeout: 10_000 }).toBe(3);
  expect(errors).toEqual([]);
});
