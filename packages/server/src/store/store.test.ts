import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { storeVariants, unique } from '../../test/harness.js';
import type { OrderRecord, Store } from './types.js';

describe.each(storeVariants())('Store on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
  }, 60_000);
  afterAll(() => store?.close());

  test('migrations are recorded and applied once', async () => {
    expect(await store.migrate()).toEqual([]);
    expect(await Promise.all([store.migrate(), store.migrate()])).toEqual([[], []]);
  });

  test('a reservation counts until it expires, per promotion and per customer', async () => {
    const promotion = unique('promo');
    const claim = [{ id: promotion, limit: 2, perCustomerLimit: 1 }];
    const reserve = (checkoutId: string, customerKey: string, now: number) =>
      store.reservePromotions({ checkoutId, customerKey, promotions: claim, now, expiresAt: now + 1000 });
    expect((await reserve('a', 'ann', 0)).reserved).toEqual([promotion]);
    // Same customer, another checkout: per-customer limit.
    expect((await reserve('b', 'ann', 10)).denied).toEqual([promotion]);
    expect((await reserve('c', 'bob', 10)).reserved).toEqual([promotion]);
    // Global limit reached.
    expect((await reserve('d', 'cat', 20)).denied).toEqual([promotion]);
    // Re-reserving the same checkout does not count itself.
    expect((await reserve('a', 'ann', 30)).reserved).toEqual([promotion]);
    expect(await store.promotionUsage([promotion], 'ann', 40)).toEqual({ [promotion]: { used: 2, usedByCustomer: 1, discount: 0 } });
    // c's hold expired at 1010 but still counts: its payment may yet come, until its attempt is settled.
    expect(await store.promotionUsage([promotion], 'ann', 1020)).toEqual({ [promotion]: { used: 2, usedByCustomer: 1, discount: 0 } });
    expect((await reserve('d', 'cat', 1020)).denied).toEqual([promotion]);
    // Settling c's attempt (its intent canceled at Stripe) releases it: then it stops counting.
    expect(await store.releaseReservations('c', 1021)).toBe(1);
    expect((await reserve('d', 'cat', 1022)).reserved).toEqual([promotion]);
    expect(await store.releaseReservations('d', 1023)).toBe(1);
    expect((await store.promotionUsage([promotion], null, 1024))[promotion]!.used).toBe(1);
  });

  test('dropping a promotion from a checkout releases its hold', async () => {
    const [p1, p2] = [unique('p1'), unique('p2')];
    const checkoutId = unique('co');
    await store.reservePromotions({
      checkoutId,
      customerKey: null,
      promotions: [
        { id: p1, limit: 5 },
        { id: p2, limit: 5 },
      ],
      now: 0,
      expiresAt: 1e12,
    });
    await store.reservePromotions({ checkoutId, customerKey: null, promotions: [{ id: p2, limit: 5 }], now: 1, expiresAt: 1e12 });
    const usage = await store.promotionUsage([p1, p2], null, 2);
    expect([usage[p1]!.used, usage[p2]!.used]).toEqual([0, 1]);
  });

  test('a checkout lease is exclusive until released or expired', async () => {
    const id = unique('co');
    expect(await store.acquireCheckout(id, 't1', 0, 100)).not.toBeNull();
    expect(await store.acquireCheckout(id, 't2', 50, 100)).toBeNull();
    expect(await store.acquireCheckout(id, 't2', 100, 100)).not.toBeNull();
    await expect(store.updateCheckout(id, 't1', { amount: 1 }, 101)).rejects.toThrow('lost its lease');
    await store.updateCheckout(id, 't2', { amount: 5, lines: [{ sku: 'x' }] }, 101, { release: true });
    const row = await store.acquireCheckout(id, 't3', 102, 100);
    expect(row?.amount).toBe(5);
    expect(row?.lines).toEqual([{ sku: 'x' }]);
  });

  test('a paid intent makes one order, commits its promotions, and ends first purchase', async () => {
    const id = unique('co');
    const promotion = unique('promo');
    const email = `${unique('ledger')}@example.com`;
    await store.acquireCheckout(id, 't', 0, 100);
    await store.reservePromotions({ checkoutId: id, customerKey: email, promotions: [{ id: promotion, limit: 1 }], now: 0, expiresAt: 10 });
    await store.updateCheckout(
      id,
      't',
      { paymentIntentId: `pi_${id}`, emailNormalized: email, email, amount: 123, currency: 'USD', lines: [{ sku: 'x' }], promotionIds: [promotion] },
      1,
      { release: true },
    );
    expect(await store.hasPaidOrder({ emailNormalized: email })).toBe(false);
    // Paid after the hold expired (at 10), before anyone settled it: the hold becomes the order's redemption.
    const facts = { eventType: 'payment_intent.succeeded', paymentIntentId: `pi_${id}`, amount: 123, currency: 'usd', stripeCustomerId: 'cus_1', now: 50 };
    const first = await store.recordPaymentSucceeded({ ...facts, eventId: `evt_${id}` });
    expect(first.order).toMatchObject({ amount: 123, currency: 'USD', promotions: [promotion], lines: [{ sku: 'x' }] });
    expect((await store.recordPaymentSucceeded({ ...facts, eventId: `evt_${id}` })).duplicate).toBe(true);
    expect((await store.recordPaymentSucceeded({ ...facts, eventId: `evt_${id}_resent` })).duplicate).toBe(true);
    expect((await store.listOrders()).filter((o) => o.checkoutId === id)).toHaveLength(1);
    expect(await store.hasPaidOrder({ emailNormalized: email })).toBe(true);
    expect(await store.hasPaidOrder({ stripeCustomerId: 'cus_1' })).toBe(true);
    expect(await store.customerLedger(email)).toEqual({ stripeCustomerId: null, paid: true });
    // Another email remembered for the same Stripe customer is not a first purchase either.
    const other = `${unique('other')}@example.com`;
    expect((await store.customerLedger(other)).paid).toBe(false);
    await store.rememberStripeCustomer(other, 'cus_1', 70);
    expect(await store.customerLedger(other)).toEqual({ stripeCustomerId: 'cus_1', paid: true });
    expect((await store.promotionUsage([promotion], null, 1e12))[promotion]!.used).toBe(1);
    // A later failure event for the paid intent releases nothing.
    await store.recordPaymentEnded({
      eventId: `evt_${id}_fail`,
      eventType: 'payment_intent.payment_failed',
      paymentIntentId: `pi_${id}`,
      canceled: false,
      now: 60,
    });
    expect((await store.promotionUsage([promotion], null, 1e12))[promotion]!.used).toBe(1);
  });

  test("an order copies the checkout's shopper ids, and its purchase event shares the order's transaction", async () => {
    const id = unique('co');
    await store.acquireCheckout(id, 't', 0, 100);
    await store.updateCheckout(
      id,
      't',
      { paymentIntentId: `pi_${id}`, amount: 500, currency: 'USD', lines: [], cartId: `cart_${id}`, anonymousId: 'a1b2c3d4-0000-4000-8000-000000000000' },
      1,
      { release: true },
    );
    expect(await store.getCheckout(id)).toMatchObject({ cartId: `cart_${id}`, anonymousId: 'a1b2c3d4-0000-4000-8000-000000000000' });
    const facts = { eventType: 'payment_intent.succeeded', paymentIntentId: `pi_${id}`, amount: 500, currency: 'usd', stripeCustomerId: null, now: 77 };
    // A purchase event that can't be built rolls the order back: the webhook fails and Stripe retries it.
    const broken = () => Promise.reject(new Error('no event'));
    await expect(store.recordPaymentSucceeded({ ...facts, eventId: `evt_${id}` }, { purchaseEvent: broken })).rejects.toThrow('no event');
    expect((await store.listOrders()).filter((o) => o.checkoutId === id)).toEqual([]);
    const before = await store.countAnalyticsEvents();
    const event = (order: OrderRecord) =>
      Promise.resolve({
        eventId: crypto.randomUUID(),
        name: 'purchase',
        time: order.createdAt,
        cartId: order.cartId!,
        anonymousId: order.anonymousId,
        currency: order.currency,
        value: order.amount,
        transactionId: order.paymentIntentId,
        experiments: null,
        payload: {},
      });
    const { order } = await store.recordPaymentSucceeded({ ...facts, eventId: `evt_${id}` }, { purchaseEvent: event });
    expect(order).toMatchObject({ cartId: `cart_${id}`, anonymousId: 'a1b2c3d4-0000-4000-8000-000000000000', createdAt: 77 });
    expect(await store.countAnalyticsEvents()).toBe(before + 1);
    expect(await store.orderTotals({ from: 77, to: 78, byDay: false })).toEqual([
      { day: null, variant: null, currency: 'USD', orders: 1, revenue: 500, collected: 0 },
    ]);
  });

  test('racing Stripe customer mappings agree on one id', async () => {
    const email = `${unique('race')}@example.com`;
    const ids = await Promise.all(['cus_a', 'cus_b', 'cus_c'].map((id) => store.rememberStripeCustomer(email, id, 0)));
    expect(new Set(ids).size).toBe(1);
    expect(await store.stripeCustomerFor(email)).toBe(ids[0]);
  });
});
