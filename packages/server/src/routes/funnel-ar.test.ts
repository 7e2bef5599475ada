import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CartliftHandler } from '../handler.js';
import type { Store } from '../store/types.js';
import { storeVariants } from '../../test/harness.js';
import { analyticsHandler, postEvents, recordPaidOrder, send, wireEvent } from '../../test/analytics-harness.js';

// Issue 16: the funnel report shows AR launches and the conversion of shoppers who used AR, on both stores.
const DAY1 = Date.parse('2030-03-01T10:00:00Z');
const DAY2 = Date.parse('2030-03-02T10:00:00Z');

type Event = Record<string, unknown>;

/** One shopper's events on `day`, one millisecond apart, on their own cart. */
function shopper(day: number, names: string[]): Event[] {
  const id = crypto.randomUUID();
  return names.map((name, i) => wireEvent(name, { anonymous_id: id, cart_id: `cart-${id}`, time: day + i }));
}

/** The shopper's events with AR launched (`mode`) after the first, twice for a second look. */
const withAr = (events: Event[], mode: string, times = 1) => {
  const first = events[0]!;
  const launch = (i: number) =>
    wireEvent('ar_launched', { anonymous_id: first.anonymous_id, cart_id: first.cart_id, time: Number(first.time) + 100 + i, sku: 'POT-YIXING', mode });
  return [...events, ...Array.from({ length: times }, (_, i) => launch(i))];
};

/**
 * Day 1: 30 shoppers used AR (20 Quick Look, one of them twice; 6 Scene Viewer; 4 QR), 9 of them bought and
 * 4 more added to cart; 40 didn't, 2 bought and 6 more added to cart. Day 2: 2 AR shoppers, 2 not.
 */
function dataset(): { events: Event[]; paid: Event[] } {
  const events: Event[] = [];
  const buy = ['view_item', 'add_to_cart', 'begin_checkout', 'purchase'];
  const modes = [...Array(20).fill('quick_look'), ...Array(6).fill('scene_viewer'), ...Array(4).fill('qr')] as string[];
  modes.forEach((mode, i) => {
    const steps = i % 10 < 3 ? buy : i % 10 < 5 ? ['view_item', 'add_to_cart'] : ['view_item'];
    events.push(...withAr(shopper(DAY1, steps), mode, i === 0 ? 2 : 1));
  });
  for (let i = 0; i < 2; i++) events.push(...shopper(DAY1, buy));
  for (let i = 0; i < 6; i++) events.push(...shopper(DAY1, ['view_item', 'add_to_cart']));
  for (let i = 0; i < 32; i++) events.push(...shopper(DAY1, ['view_item']));
  for (let i = 0; i < 2; i++) events.push(...withAr(shopper(DAY2, buy), 'qr'), ...shopper(DAY2, ['view_item']));
  return { events, paid: events.filter((e) => e.name === 'purchase') };
}

describe.each(storeVariants())('AR in GET /funnel and the report on $name', ({ open }) => {
  let store: Store;
  let handler: CartliftHandler;
  const local = { ip: '127.0.0.1' };
  beforeAll(async () => {
    store = await open();
    handler = analyticsHandler(store);
    const { events, paid } = dataset();
    for (let i = 0; i < events.length; i += 40) {
      const reply = await postEvents(handler, events.slice(i, i + 40));
      expect(reply.body.invalid).toEqual([]);
    }
    for (const purchase of paid) await recordPaidOrder(store, purchase);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  test('counts AR launches per mode and compares the conversion of shoppers who used AR with those who did not', async () => {
    const res = await send(handler, 'GET', '/funnel?from=2030-03-01&to=2030-03-01', local);
    expect(res.status).toBe(200);
    expect(res.body.ar.launches).toEqual([
      { mode: 'quick_look', launches: 21, shoppers: 20 },
      { mode: 'scene_viewer', launches: 6, shoppers: 6 },
      { mode: 'qr', launches: 4, shoppers: 4 },
    ]);
    expect(res.body.ar).toMatchObject({ arShoppers: 30, otherShoppers: 40, minShoppers: 30 });
    const [cart, , purchase] = res.body.ar.rates;
    expect(cart).toMatchObject({ step: 'add_to_cart', arReached: 15, otherReached: 8, arBp: 5000, otherBp: 2000 });
    expect(purchase).toMatchObject({ step: 'purchase', arReached: 9, otherReached: 2, arBp: 3000, otherBp: 500, differenceBp: 2500, verdict: 'higher' });
    expect(purchase.interval95Bp.low).toBeGreaterThan(0);
  });

  test('says not enough data for a range with few shoppers, and counts no launches outside the range', async () => {
    const res = await send(handler, 'GET', '/funnel?from=2030-03-02&to=2030-03-02', local);
    expect(res.body.ar).toMatchObject({ arShoppers: 2, otherShoppers: 2 });
    expect(res.body.ar.launches).toEqual([
      { mode: 'quick_look', launches: 0, shoppers: 0 },
      { mode: 'scene_viewer', launches: 0, shoppers: 0 },
      { mode: 'qr', launches: 2, shoppers: 2 },
    ]);
    expect(res.body.ar.rates.map((rate: { verdict: string }) => rate.verdict)).toEqual(['not_enough_data', 'not_enough_data', 'not_enough_data']);
  });

  test('the report page shows AR launches and the comparison as captioned tables, in English and Chinese', async () => {
    const en = await send(handler, 'GET', '/funnel/report?from=2030-03-01&to=2030-03-01', local);
    expect(en.status).toBe(200);
    expect(en.text).toContain('<h2 id="ar-use">Shoppers who used AR</h2>');
    expect(en.text).toContain('<tr><th scope="row">iOS AR Quick Look</th><td class="num">21</td><td class="num">20</td></tr>');
    expect(en.text).toContain('30 shoppers opened a product in AR or asked for its QR code in this range; 40 didn&#39;t.');
    expect(en.text).toMatch(
      /<th scope="row">Purchase conversion<\/th><td class="num">30% \(9\)<\/td><td class="num">5% \(2\)<\/td><td class="num">\+25\.0 points \(\d+\.\d to \d+\.\d\)<\/td><td>Higher among those who used AR<\/td>/,
    );
    const zh = await send(handler, 'GET', '/funnel/report?from=2030-03-02&to=2030-03-02&locale=zh-CN', local);
    expect(zh.text).toContain('<h2 id="ar-use">使用 AR 的购物者</h2>');
    expect(zh.text).toContain('<tr><th scope="row">扫码到手机</th><td class="num">2</td><td class="num">2</td></tr>');
  });
});
