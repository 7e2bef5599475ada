import { describe, expect, test } from 'vitest';
import type { OrderRecord } from '../store/types.js';
import { checkEvent } from './event-schema.js';
import { orderItems, purchaseEventId, serverPurchaseEvent } from './server-purchase.js';

const order: OrderRecord = {
  paymentIntentId: 'pi_3Q0abc',
  checkoutId: 'co_1',
  amount: 3100,
  currency: 'USD',
  email: null,
  emailNormalized: null,
  stripeCustomerId: null,
  lines: [
    { sku: 'CUP-CELADON', quantity: 2, unitPrice: 1800, subtotal: 3600, discount: 500, total: 3100, allocations: [] },
    { sku: 'TEA-LJ-100', variant: '250g', quantity: 1, unitPrice: 2400 },
  ],
  promotions: ['first-order'],
  createdAt: Date.parse('2030-03-01T09:00:00Z'),
  cartId: 'cart_9',
  anonymousId: '0B6E0000-0000-4000-8000-00000000000A',
};

describe('the server purchase event', () => {
  test('its event id is the RFC 9562 version 5 UUID of the transaction id (vectors from Python uuid.uuid5)', async () => {
    expect(await purchaseEventId('pi_3Q0abc')).toBe('7f22d9ea-9614-5b5b-aba7-554f29c754b2');
    expect(await purchaseEventId('pi_支付')).toBe('929213b3-f0bb-5bb8-b0bc-c1ccc169dc62');
    expect(await purchaseEventId('pi_3Q0abd')).not.toBe(await purchaseEventId('pi_3Q0abc'));
  });

  test('items are GA4 items with the unit price in minor units, as the browser sends them', () => {
    expect(orderItems(order.lines)).toEqual([
      { item_id: 'CUP-CELADON', quantity: 2, price: 1800 },
      { item_id: 'TEA-LJ-100', item_variant: '250g', quantity: 1, price: 2400 },
    ]);
    expect(orderItems([{ sku: 'X' }, null, 'y'])).toEqual([]);
    expect(orderItems(null)).toEqual([]);
  });

  test('carries the order: transaction, amount, currency, items and the shopper, and passes the collector schema', async () => {
    const event = await serverPurchaseEvent(order);
    expect(event).toMatchObject({
      eventId: '7f22d9ea-9614-5b5b-aba7-554f29c754b2',
      name: 'purchase',
      time: order.createdAt,
      cartId: 'cart_9',
      anonymousId: '0b6e0000-0000-4000-8000-00000000000a',
      currency: 'USD',
      value: 3100,
      transactionId: 'pi_3Q0abc',
    });
    expect(event.payload).toMatchObject({ event_id: event.eventId, transaction_id: 'pi_3Q0abc', anonymous_id: event.anonymousId, source: 'server' });
    expect(checkEvent(event.payload, 0)).toMatchObject({ ok: true });
  });

  test('an order without shopper ids stands as a shopper of its own', async () => {
    const event = await serverPurchaseEvent({ ...order, cartId: null, anonymousId: null });
    expect(event).toMatchObject({ cartId: 'order:pi_3Q0abc', anonymousId: null });
    expect(event.payload).not.toHaveProperty('anonymous_id');
    expect(checkEvent(event.payload, 0)).toMatchObject({ ok: true });
  });
});
