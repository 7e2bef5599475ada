import { beforeAll, describe, expect, test } from 'vitest';
import { storeVariants, useStore } from '../../test/harness.js';
import { analyticsHandler, postEvents, send, wireEvent } from '../../test/analytics-harness.js';
import type { CartliftHandler } from '../handler.js';

const ALL = ['view_item', 'add_to_cart', 'view_cart', 'begin_checkout', 'add_shipping_info', 'add_payment_info', 'purchase'];
const local = { ip: '127.0.0.1' };

/** 100 made-up shoppers in variant "one-click", each posting the whole funnel: 700 events, no paid order behind any. */
function fabricated() {
  return Array.from({ length: 100 }, (_, n) => {
    const shopper = crypto.randomUUID();
    return ALL.map((name, i) =>
      wireEvent(name, { anonymous_id: shopper, cart_id: `fake-${n}`, time: Date.parse('2030-01-01T10:00:00Z') + i, experiments: { checkout: 'one-click' } }),
    );
  }).flat();
}

describe.each(storeVariants())('funnel sources on $name', ({ open }) => {
  const store = useStore(open);
  let handler: CartliftHandler;
  beforeAll(async () => {
    handler = analyticsHandler(store);
    const events = fabricated();
    for (let i = 0; i < events.length; i += 100) expect((await postEvents(handler, events.slice(i, i + 100))).body.accepted).toBe(100);
  }, 60_000);

  test('700 posted events cannot fabricate purchases: the variant shows 0 purchases and 0 orders; browser-only steps say so', async () => {
    const res = await send(handler, 'GET', '/funnel?from=2030-01-01&to=2030-01-02&by=variant&experiment=checkout', local);
    expect(res.status).toBe(200);
    const [group] = res.body.groups;
    expect(group.key).toBe('one-click');
    expect(group.steps.map((s: { shoppers: number }) => s.shoppers)).toEqual([100, 100, 100, 100, 100, 100, 0]);
    expect(group).toMatchObject({ orders: 0, revenue: {} });
    expect(group.steps.map((s: { source: string }) => s.source)).toEqual([...Array(6).fill('browser'), 'paid_orders']);
    expect(res.body.sources).toEqual({ steps: 'browser', purchase: 'paid_orders', orders: 'paid_orders' });
  });

  test('the report marks browser-only counts as reported by browsers, not verified', async () => {
    const res = await send(handler, 'GET', '/funnel/report?from=2030-01-01&to=2030-01-02&by=variant&experiment=checkout', local);
    expect(res.status).toBe(200);
    // Six browser-only steps in the one group, each marked; the purchase row is not.
    expect(res.text.match(/reported by browsers, not verified/g)).toHaveLength(6);
    const zh = await send(handler, 'GET', '/funnel/report?locale=zh-CN&from=2030-01-01&to=2030-01-02&by=variant&experiment=checkout', local);
    expect(zh.text.match(/由浏览器上报，未经核实/g)).toHaveLength(6);
  });
});
