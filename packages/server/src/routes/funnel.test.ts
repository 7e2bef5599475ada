import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CartliftHandler } from '../handler.js';
import type { Store } from '../store/types.js';
import { storeVariants } from '../../test/harness.js';
import { analyticsHandler, postEvents, recordPaidOrder, send, wireEvent } from '../../test/analytics-harness.js';

const DAY1 = Date.parse('2030-01-01T10:00:00Z');
const DAY2 = Date.parse('2030-01-02T10:00:00Z');
const DAY3 = Date.parse('2030-01-03T10:00:00Z');
const B = '<b>"one"&click</b>';
const ALL = ['view_item', 'add_to_cart', 'view_cart', 'begin_checkout', 'add_shipping_info', 'add_payment_info', 'purchase'];

/** Seven shoppers over two days in experiment "btn" (see the expected counts below). */
function dataset() {
  const id = () => crypto.randomUUID();
  const [s1, s2, s3, s4, s5, s6, s8] = [id(), id(), id(), id(), id(), id(), id()];
  const ev = (shopper: string | null, time: number, names: string[], extra: Record<string, unknown> = {}) =>
    names.map((name, i) => wireEvent(name, { anonymous_id: shopper ?? undefined, time: time + i, cart_id: `cart-${shopper ?? 'x'}`, ...extra }));
  const control = { experiments: { btn: 'control', other: 'z' } };
  return [
    ...ev(s1, DAY1, ALL, control),
    ...ev(s2, DAY1, ['view_item', 'add_to_cart'], control),
    ...ev(s3, DAY1, ['view_item'], control),
    // Exposed on day 1 (the exposure names the variant), buys with "buy now" on day 2, skipping steps.
    ...ev(s4, DAY1, ['experiment_exposure'], { experiment: 'btn', variant: B }),
    ...ev(s4, DAY2, ['view_item', 'purchase'], { experiments: { btn: B } }),
    ...ev(s5, DAY2, ['view_item', 'add_to_cart', 'begin_checkout', 'coupon_applied'], { experiments: { btn: B } }),
    ...ev(s6, DAY2, ['view_item']),
    // No anonymous id: counted by its cart.
    ...ev(null, DAY2, ['view_item', 'add_to_cart']),
    ...ev(s8, DAY3, ['view_item', 'purchase']),
    // A conversion posted from outside: no paid order has this transaction id, so it counts nowhere.
    ...ev(id(), DAY1, ['purchase'], { transaction_id: 'pi_made_up' }),
  ];
}

const counts = (group: { steps: { shoppers: number }[] }) => group.steps.map((s) => s.shoppers);

describe.each(storeVariants())('GET /funnel and the report on $name', ({ open }) => {
  let store: Store;
  let handler: CartliftHandler;
  const local = { ip: '127.0.0.1' };
  beforeAll(async () => {
    store = await open();
    handler = analyticsHandler(store);
    const events = dataset();
    const reply = await postEvents(handler, events);
    expect(reply.body.invalid).toEqual([]);
    for (const purchase of events.filter((e) => e.name === 'purchase' && e.transaction_id !== 'pi_made_up')) await recordPaidOrder(store, purchase);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  test('counts shoppers at their furthest step, with drop-off and conversion in basis points', async () => {
    const res = await send(handler, 'GET', '/funnel?from=2030-01-01&to=2030-01-02', local);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2030-01-01T00:00:00.000Z', to: '2030-01-03T00:00:00.000Z', by: null, unit: 'shopper', steps: ALL });
    const [all] = res.body.groups;
    expect(all.key).toBe('all');
    expect(all.shoppers).toBe(7);
    expect(counts(all)).toEqual([7, 5, 3, 3, 2, 2, 2]);
    expect(all.steps.map((s: { conversionBp: number | null }) => s.conversionBp)).toEqual([null, 7143, 6000, 10000, 6667, 10000, 10000]);
    expect(all.steps.map((s: { dropOff: number }) => s.dropOff)).toEqual([0, 2, 2, 0, 1, 0, 0]);
    expect(all.steps[6].fromFirstBp).toBe(2857);
    expect(res.body.counters).toMatchObject({ accepted: 23, invalid: 0 });
    // From the ledger: s1's and s4's orders; s1 began checkout in the browser, s4 ("buy now") did not.
    expect(res.body).toMatchObject({ orders: 2, revenue: { USD: 4800 }, collectionCoverageBp: 5000 });
    expect(all).toMatchObject({ orders: 2, revenue: { USD: 4800 }, collectionCoverageBp: 5000 });
  });

  test('a range without paid orders has no revenue and no coverage', async () => {
    const res = await send(handler, 'GET', '/funnel?from=2030-01-05&to=2030-01-06', local);
    expect(res.body).toMatchObject({ orders: 0, revenue: {}, collectionCoverageBp: null });
  });

  test('per experiment variant (shoppers outside it left out)', async () => {
    const res = await send(handler, 'GET', `/funnel?from=2030-01-01&to=2030-01-02&by=variant&experiment=btn`, local);
    expect(res.body.groups.map((g: { key: string; shoppers: number }) => [g.key, g.shoppers, counts(g as never)])).toEqual([
      [B, 2, [2, 2, 2, 2, 1, 1, 1]],
      ['control', 3, [3, 2, 1, 1, 1, 1, 1]],
    ]);
    const none = await send(handler, 'GET', `/funnel?from=2030-01-01&to=2030-01-02&by=variant&experiment=nope`, local);
    expect(none.body.groups).toEqual([]);
  });

  test('per UTC day', async () => {
    const res = await send(handler, 'GET', '/funnel?from=2030-01-01&to=2030-01-03&by=day', local);
    expect(res.body.groups.map((g: { key: string; shoppers: number }) => [g.key, g.shoppers, counts(g as never)])).toEqual([
      ['2030-01-01', 4, [3, 2, 1, 1, 1, 1, 1]],
      ['2030-01-02', 4, [4, 3, 2, 2, 1, 1, 1]],
      ['2030-01-03', 1, [1, 1, 1, 1, 1, 1, 1]],
    ]);
    expect(
      res.body.groups.map((g: { orders: number; revenue: object; collectionCoverageBp: number | null }) => [g.orders, g.revenue, g.collectionCoverageBp]),
    ).toEqual([
      [1, { USD: 2400 }, 10000],
      [1, { USD: 2400 }, 0],
      [1, { USD: 2400 }, 0],
    ]);
  });

  test("per variant, orders follow their shopper's variant; the range's total keeps orders outside the experiment", async () => {
    const res = await send(handler, 'GET', '/funnel?from=2030-01-01&to=2030-01-03&by=variant&experiment=btn', local);
    expect(res.body).toMatchObject({ orders: 3, revenue: { USD: 7200 }, collectionCoverageBp: 3333 });
    // s4 bought with "buy now" (no begin_checkout); s1 (control) went through checkout; s8 was never exposed.
    expect(
      res.body.groups.map((g: { key: string; orders: number; revenue: object; collectionCoverageBp: number | null }) => [
        g.key,
        g.orders,
        g.revenue,
        g.collectionCoverageBp,
      ]),
    ).toEqual([
      [B, 1, { USD: 2400 }, 0],
      ['control', 1, { USD: 2400 }, 10000],
    ]);
  });

  test.each([
    ['/funnel?by=week', 'by'],
    ['/funnel?by=variant', 'experiment'],
    ['/funnel?from=2030-01-05&to=2030-01-01', 'from'],
    ['/funnel?to=soon', 'to'],
  ])('%s is a 400 naming %s', async (path, field) => {
    const res = await send(handler, 'GET', path, local);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', field, message: expect.stringMatching(new RegExp(`^${field} .*\\.$`)) });
  });

  test('needs a token, or a request from this machine when none is set', async () => {
    const remote = await send(handler, 'GET', '/funnel');
    expect(remote.status).toBe(403);
    expect(remote.body.error.message).toMatch(/analytics\.reportToken .* CARTLIFT_REPORT_TOKEN .*Authorization: Bearer/);
    // A proxy on the same machine is not "this machine".
    expect((await send(handler, 'GET', '/funnel', { ip: '127.0.0.1', headers: { 'x-forwarded-for': '198.51.100.1' } })).status).toBe(403);
    expect((await send(handler, 'GET', '/funnel', { ip: '::ffff:127.0.0.1' })).status).toBe(200);

    const token = 'r3port-t0ken-0123456789';
    const guarded = analyticsHandler(store, { reportToken: token });
    const missing = await send(guarded, 'GET', '/funnel', local);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);
    expect((await send(guarded, 'GET', '/funnel', { headers: { authorization: 'Bearer wrong-token-000000000' } })).status).toBe(401);
    expect((await send(guarded, 'GET', '/funnel', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const page = await send(guarded, 'GET', '/funnel/report');
    expect(page.status).toBe(401);
    expect(page.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    expect(page.text).toContain('report token');
    expect((await send(guarded, 'GET', '/funnel/report', { headers: { authorization: `Basic ${btoa(`admin:${token}`)}` } })).status).toBe(200);
    expect(() => analyticsHandler(store, { reportToken: 'short' })).toThrow(
      /reportToken must be a secret of at least 16 characters .*; received 5 characters\./,
    );
  });

  test('the report page: bars per step and variant, escaped, no inline script or style', async () => {
    const res = await send(handler, 'GET', '/funnel/report?from=2030-01-01&to=2030-01-02&by=variant&experiment=btn', local);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'; style-src 'self'");
    const html = res.text;
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(html).toContain('<link rel="stylesheet" href="report.css">');
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son\w+=/i);
    expect(html).not.toContain('<b>"one"');
    expect(html).toContain('Variant “&lt;b&gt;&quot;one&quot;&amp;click&lt;/b&gt;”');
    expect(html).toContain('Variant “control”');
    expect(html).toMatch(/<p>3 shoppers with events<\/p>/);
    expect(html).toContain(
      '<p>3 shoppers with events</p><p class="ledger">1 paid order in the payment ledger, revenue $24.00. Browser analytics saw the shopper begin checkout for 100% of them.</p>',
    );
    expect(html).toMatch(/<p>2 shoppers with events<\/p>/);
    expect(html).toContain(
      '<p class="ledger">2 paid orders in the payment ledger, revenue $48.00. Browser analytics saw the shopper begin checkout for 50% of them.</p>',
    );
    // control: 3 viewed (full bar), 2 added (67% reached, 33% lost).
    expect(html).toContain(
      '<th scope="row">Added to cart <small class="source">(reported by browsers, not verified)</small></th><td class="num">2</td><td class="chart"><span class="bar w67"></span><span class="lost w33"></span></td><td class="num">66.7%</td><td class="num">−1</td>',
    );
    const css = await send(handler, 'GET', '/funnel/report.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(css.text).toContain('.w67{width:67%}');
  });

  test('the report in Simplified Chinese, by ?locale or Accept-Language', async () => {
    const byParam = await send(handler, 'GET', '/funnel/report?from=2030-01-01&to=2030-01-02&locale=zh-CN', local);
    expect(byParam.text).toMatch(/^<!doctype html><html lang="zh-CN">/);
    expect(byParam.text).toContain('<title>结账漏斗</title>');
    expect(byParam.text).toContain('<th scope="row">加入购物车 <small class="source">(由浏览器上报，未经核实)</small></th><td class="num">5</td>');
    expect(byParam.text).toContain(
      '<p class="ledger">支付记录中已付款订单 2 笔，收入 US$48.00。其中 50% 的订单，浏览器统计也收到了该购物者的“开始结账”事件。</p>',
    );
    const byHeader = await send(handler, 'GET', '/funnel/report?from=2030-01-01&to=2030-01-02', {
      ...local,
      headers: { 'accept-language': 'fr;q=1, zh-TW;q=0.8, en;q=0.5' },
    });
    expect(byHeader.headers.get('content-language')).toBe('zh-CN');
    expect(byHeader.text).toContain('完成购买');
    const english = await send(handler, 'GET', '/funnel/report', { ...local, headers: { 'accept-language': 'en-GB,zh;q=0.9' } });
    expect(english.text).toContain('<title>Checkout funnel</title>');
  });

  test('a bad report query is a 400 page with the sentence, escaped', async () => {
    const res = await send(handler, 'GET', `/funnel/report?by=${encodeURIComponent('<img src=x>')}`, local);
    expect(res.status).toBe(400);
    expect(res.text).toContain('by must be &quot;variant&quot; or &quot;day&quot;; received &quot;&lt;img src=x&gt;&quot;.');
    expect(res.text).not.toContain('<img');
  });
});
