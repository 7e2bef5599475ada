import { createCartlift, memoryStorage } from '@cartlift/core';
import { describe, expect, it } from 'vitest';
import { checkoutEvent, couponOf, recordPurchase } from './purchase.js';

const cart = { id: 'cart-1', currency: 'USD', rev: 1, codes: ['WELCOME10', 'TEA5'], lines: [{ key: 'TEA', sku: 'TEA', quantity: 2, price: 2400 }] };

describe('checkout funnel events', () => {
  it("keeps checkout's value (the server's price) instead of the items' display value", () => {
    expect(checkoutEvent(cart, { value: 4820 })).toMatchObject({ value: 4820, cart_id: 'cart-1', items: [{ item_id: 'TEA', quantity: 2, price: 2400 }] });
    expect(checkoutEvent(cart).value).toBe(4800);
  });

  it("gives GA4's coupon only when the cart has codes", () => {
    expect(couponOf(cart)).toEqual({ coupon: 'WELCOME10,TEA5' });
    expect(couponOf({ ...cart, codes: [] })).toEqual({});
    expect(couponOf({ ...cart, codes: undefined })).toEqual({});
  });

  it('reports purchase with the transaction id, the charged amount and the coupon', () => {
    const instance = createCartlift({ currency: 'USD', storage: memoryStorage() });
    const seen: unknown[] = [];
    instance.events.on('purchase', (e) => seen.push(e));
    recordPurchase(instance, memoryStorage(), { paymentIntentId: 'pi_1', status: 'succeeded', amount: 4820, currency: 'usd' }, cart, { clearCart: false });
    expect(seen).toEqual([expect.objectContaining({ transaction_id: 'pi_1', value: 4820, currency: 'USD', coupon: 'WELCOME10,TEA5' })]);
  });
});
