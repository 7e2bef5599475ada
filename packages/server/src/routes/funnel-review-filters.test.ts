import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CartliftHandler } from '../handler.js';
import type { Store } from '../store/types.js';
import { storeVariants } from '../../test/harness.js';
import { analyticsHandler, postEvents, recordPaidOrder, send, wireEvent } from '../../test/analytics-harness.js';

const DAY1 = Date.parse('2030-01-01T10:00:00Z');
const DAY2 = Date.parse('2030-01-02T10:00:00Z');

type Event = Record<string, unknown>;

/** One shopper's events on `day`, one millisecond apart, on their own cart. */
function shopper(day: number, names: string[], extra: Event = {}): Event[] {
  const id = crypto.randomUUID();
  return names.map((name, i) => wireEvent(name, { anonymous_id: id, cart_id: `cart-${id}`, time: day + i, ...extra }));
}

const filter = (events: Event[]) => {
  const first = events[0]!;
  const filtered = wireEvent('review_filter_applied', {
    anonymous_id: first.anonymous_id,
    cart_id: first.cart_id,
    time: Number(first.time) + 100,
    value: 0,
    items: [],
    product: 'TEA-LJ-100',
    filter: 'rating',
    filter_value: '1',
    total: 4,
  });
  return [...events, filtered];
};

/**
 * Day 1: 30 shoppers filtered reviews (12 bought, 3 more added to cart), 40 didn't (2 bought, 5 more added
 * to cart). One filterer's purchase is the webhook's, with only the cart: it must count for the filterer.
 * One non-filterer posts a purchase no paid order backs: it counts nowhere. Day 2: 3 filterers, 3 not.
 */
function dataset(): { events: Event[]; paid: Event[] } {
  const events: Event[] = [];
  const buy = ['view_item', 'add_to_cart', 'begin_checkout', 'purchase'];
  for (let i = 0; i < 11; i++) events.push(...filter(shopper(DAY1, buy)));
  // The webhook's purchase of a filterer: no anonymous_id, the filterer's cart.
  const [view, filtered] = filter(shopper(DAY1, ['view_item']));
  events.push(view!, filtered!, wireEvent('purchase', { anonymous_id: undefined, cart_id: view!.cart_id, time: DAY1 + 500 }));
  for (let i = 0; i < 3; i++) events.push(...filter(shopper(DAY1, ['view_item', 'add_to_cart'])));
  for (let i = 0; i < 15; i++) events.push(...filter(shopper(DAY1, ['view_item'])));
  for (let i = 0; i < 2; i++) events.push(...shopper(DAY1, buy));
  for (let i = 0; i < 5; i++) events.push(...shopper(DAY1, ['view_item', 'add_to_cart']));
  events.push(...shopper(DAY1, ['view_item', 'purchase'], { transaction_id: 'pi_made_up' }));
  for (let i = 0; i < 32; i++) events.push(...shopper(DAY1, ['view_item']));
  for (let i = 0; i < 3; i++) events.push(...filter(shopper(DAY2, buy)), ...shopper(DAY2, ['view_item']));
  const paid = events.filter((e) => e.name === 'purchase' && e.transaction_id !== 'pi_made_up');
  return { events, paid };
}

describe.each(storeVariants())('the reviews-filter comparison of GET /funnel and the report on $name', ({ open }) => {
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

  test('splits the shoppers by review filter, joining a cart-only purchase to its shopper, and compares their rates', async () => {
    const res = await send(handler, 'GET', '/funnel?from=2030-01-01&to=2030-01-01', local);
    expect(res.status).toBe(200);
    expect(res.body.reviewFilters).toMatchObject({ filteredShoppers: 30, unfilteredShoppers: 40, minShoppers: 30 });
    const [cart, checkout, purchase] = res.body.reviewFilters.rates;
    // The cart-only purchase is its filterer's furthest step, so that shopper counts at every step before it too.
    expect(cart).toMatchObject({ step: 'add_to_cart', filteredReached: 15, unfilteredReached: 7, filteredBp: 5000, unfilteredBp: 1750 });
    expect(checkout).toMatchObject({ step: 'begin_checkout', filteredReached: 12, unfilteredReached: 2 });
    expect(purchase).toMatchObject({
      step: 'purchase',
      filteredReached: 12,
      unfilteredReached: 2,
      filteredBp: 4000,
      unfilteredBp: 500,
      differenceBp: 3500,
      verdict: 'higher',
    });
    expect(purchase.interval95Bp.low).toBeGreaterThan(0);
    expect(purchase.interval95Bp.high).toBeGreaterThan(purchase.interval95Bp.low);
  });

  test('says not enough data for a range with few shoppers', async () => {
    const res = await send(handler, 'GET', '/funnel?from=2030-01-02&to=2030-01-02', local);
    expect(res.body.reviewFilters).toMatchObject({ filteredShoppers: 3, unfilteredShoppers: 3 });
    expect(res.body.reviewFilters.rates.map((rate: { verdict: string }) => rate.verdict)).toEqual(['not_enough_data', 'not_enough_data', 'not_enough_data']);
    expect(res.body.reviewFilters.rates[2]).toMatchObject({ filteredBp: 10_000, unfilteredBp: 0, differenceBp: null, interval95Bp: null });
  });

  test('the report page shows the comparison as a captioned table, in English and Chinese', async () => {
    const en = await send(handler, 'GET', '/funnel/report?from=2030-01-01&to=2030-01-01', local);
    expect(en.status).toBe(200);
    expect(en.text).toContain('<h2 id="review-filters">Shoppers who filtered reviews</h2>');
    expect(en.text).toContain('30 shoppers used a reviews filter or sort in this range; 40 didn&#39;t.');
    expect(en.text).toMatch(
      /<th scope="row">Purchase conversion<\/th><td class="num">40% \(12\)<\/td><td class="num">5% \(2\)<\/td><td class="num">\+35\.0 points \(\d+\.\d to \d+\.\d\)<\/td><td>Higher among those who filtered<\/td>/,
    );
    const zh = await send(handler, 'GET', '/funnel/report?from=2030-01-02&to=2030-01-02&locale=zh-CN', local);
    expect(zh.text).toContain('<h2 id="review-filters">使用评价筛选的购物者</h2>');
    expect(zh.text).toContain('数据不足，无法比较：每组至少需要 30 位购物者。');
    expect(zh.text).toMatch(
      /<th scope="row">购买转化率<\/th><td class="num">100% \(3\)<\/td><td class="num">0% \(0\)<\/td><td class="num">—<\/td><td>数据不足<\/td>/,
    );
  });
});
