import { describe, expect, test } from 'vitest';
import { wireEvent } from '../test/analytics-harness.js';
import { storeVariants, unique, useHarness, type Harness } from '../test/harness.js';

interface Shopper {
  cartId?: string;
  anonymousId?: string;
}

/**
 * The one place these tests make an order, the way the webhook tests do
 * today (POST /checkout, then pay); the shopper's ids go on the checkout row
 * as the checkout request will set them. `pay()` confirms and waits for the webhook.
 */
async function openOrder(h: Harness, shopper: Shopper = {}) {
  const checkoutId = unique('co');
  // WeChat Pay waits for the shopper's scan: the order exists only once `pay()` completes it.
  const res = await h.checkout(
    {
      checkoutId,
      lines: [{ sku: 'CUP-CELADON', quantity: 2 }],
      contact: { email: `${unique('buyer')}@example.com` },
      ...(shopper.cartId ? { cartId: shopper.cartId } : {}),
      ...(shopper.anonymousId ? { anonymousId: shopper.anonymousId } : {}),
    },
    { paymentMethod: 'wechat_pay' },
  );
  expect(res.status).toBe(200);
  const paymentIntentId: string = res.body.paymentIntentId;
  const pay = async () => {
    h.sandbox.completeAction(paymentIntentId, 'succeed');
    await h.sandbox.webhooksIdle();
  };
  return { checkoutId, paymentIntentId, amount: res.body.amount as number, pay };
}

const local = { 'x-test-ip': '127.0.0.1' };

describe.each(storeVariants())('the purchase reported by the payment ledger on $name', ({ open }) => {
  const h = useHarness(open);
  const funnel = async (from: number) => (await h.call('GET', `/funnel?from=${from}&to=${Date.now() + 1}`, undefined, local)).body;
  const post = async (events: unknown[]) => (await h.call('POST', '/events', { events })).body;
  const purchases = (body: { groups: { steps: { name: string; shoppers: number }[] }[] }) => body.groups[0]!.steps.find((s) => s.name === 'purchase')!.shoppers;

  test('a paid order with no browser event at all is a purchase, an order and revenue', async () => {
    const from = Date.now();
    const order = await openOrder(h);
    const before = await h.store.countAnalyticsEvents();
    await order.pay();
    expect(await h.store.countAnalyticsEvents()).toBe(before + 1);
    const body = await funnel(from);
    expect(purchases(body)).toBe(1);
    expect(body).toMatchObject({ orders: 1, revenue: { USD: order.amount }, collectionCoverageBp: 0 });
    expect(order.amount).toBe(3100);
  });

  test("the shopper's ids reach the order, and their browser funnel ends in the server's purchase", async () => {
    const from = Date.now();
    const shopper = { cartId: unique('cart'), anonymousId: crypto.randomUUID() };
    const order = await openOrder(h, shopper);
    const browser = (name: string) => wireEvent(name, { cart_id: shopper.cartId, anonymous_id: shopper.anonymousId, time: Date.now() });
    expect((await post([browser('view_item'), browser('add_to_cart'), browser('begin_checkout')])).accepted).toBe(3);
    await order.pay();
    const [paid] = (await h.store.listOrders()).filter((o) => o.paymentIntentId === order.paymentIntentId);
    expect(paid).toMatchObject({ cartId: shopper.cartId, anonymousId: shopper.anonymousId });
    const body = await funnel(from);
    // One shopper, from the first step to the purchase: the server's event joined the browser's.
    expect(body.groups[0].shoppers).toBe(1);
    expect(body.groups[0].steps.map((s: { shoppers: number }) => s.shoppers)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(body).toMatchObject({ orders: 1, collectionCoverageBp: 10000 });
  });

  test("an order that knows only the cart (the drawer sends no anonymous id) still ends that shopper's browser funnel: one shopper, not two", async () => {
    const from = Date.now();
    const shopper = { cartId: unique('cart'), anonymousId: crypto.randomUUID() };
    const order = await openOrder(h, { cartId: shopper.cartId });
    const browser = (name: string) => wireEvent(name, { cart_id: shopper.cartId, anonymous_id: shopper.anonymousId, time: Date.now() });
    expect((await post([browser('view_item'), browser('add_to_cart'), browser('begin_checkout')])).accepted).toBe(3);
    // The webhook's purchase lands before the browser's, which is then the duplicate.
    await order.pay();
    const body = await funnel(from);
    expect(body.groups[0].shoppers).toBe(1);
    expect(body.groups[0].steps.map((s: { shoppers: number }) => s.shoppers)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  test("the browser's purchase first: the server's is the duplicate", async () => {
    const order = await openOrder(h);
    const reply = await post([wireEvent('purchase', { transaction_id: order.paymentIntentId, value: order.amount, time: Date.now() })]);
    expect(reply).toEqual({ accepted: 1, duplicates: 0, invalid: [] });
    const before = await h.store.countAnalyticsEvents();
    await order.pay();
    expect(await h.store.countAnalyticsEvents()).toBe(before);
    expect((await h.store.listOrders()).filter((o) => o.paymentIntentId === order.paymentIntentId)).toHaveLength(1);
  });

  test("the server's purchase first: the browser's is the duplicate, counted as one", async () => {
    const order = await openOrder(h);
    const before = await h.store.countAnalyticsEvents();
    await order.pay();
    const stats = (await h.call('GET', '/events/stats', undefined, local)).body;
    const reply = await post([wireEvent('purchase', { transaction_id: order.paymentIntentId, value: order.amount, time: Date.now() })]);
    expect(reply).toEqual({ accepted: 0, duplicates: 1, invalid: [] });
    expect(await h.store.countAnalyticsEvents()).toBe(before + 1);
    expect((await h.call('GET', '/events/stats', undefined, local)).body.duplicates).toBe(stats.duplicates + 1);
  });

  test('a redelivered webhook stores one event', async () => {
    const order = await openOrder(h);
    const before = await h.store.countAnalyticsEvents();
    await order.pay();
    const event = h.sandbox.events().find((e) => e.type === 'payment_intent.succeeded' && (e.data.object as { id: string }).id === order.paymentIntentId)!;
    await h.sandbox.redeliver(event.id);
    await h.sandbox.redeliver(event.id);
    await h.sandbox.webhooksIdle();
    expect(h.sandbox.deliveries().filter((d) => d.eventId === event.id).length).toBeGreaterThanOrEqual(3);
    expect(await h.store.countAnalyticsEvents()).toBe(before + 1);
  });

  test('a browser purchase of a made-up transaction counts nowhere', async () => {
    const from = Date.now();
    const fake = wireEvent('purchase', { transaction_id: `pi_${unique('fake')}`, value: 99_900, time: Date.now() });
    expect((await post([fake])).accepted).toBe(1);
    const body = await funnel(from);
    expect(body.groups[0].shoppers).toBe(0);
    expect(purchases(body)).toBe(0);
    expect(body).toMatchObject({ orders: 0, revenue: {}, collectionCoverageBp: null });
  });
});
