import { createCartlift, memoryStorage } from '@cartlift/core';
import { describe, expect, it, vi } from 'vitest';
import { PURCHASE_STORAGE_WAIT_MS, checkoutEvent, couponOf, recordPurchase } from './purchase.js';

const cart = { id: 'cart-1', currency: 'USD', rev: 1, codes: ['WELCOME10', 'TEA5'], lines: [{ key: 'TEA', sku: 'TEA', quantity: 2, price: 2400 }] };

describe('checkout funnel events', () => {
  it("keeps checkout's value (the server's price) instead of the items' display value", () => {
    expect(checkoutEvent('begin_checkout', cart, { value: 4820 })).toMatchObject({
      value: 4820,
      cart_id: 'cart-1',
      items: [{ item_id: 'TEA', quantity: 2, price: 2400 }],
    });
    expect(checkoutEvent('begin_checkout', cart, {}).value).toBe(4800);
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

  it('settles only once the paid cart is cleared in storage, so leaving the thank-you screen at once cannot bring it back', async () => {
    const memory = memoryStorage();
    // A write that takes a while, as IndexedDB's can on a busy page.
    const storage = {
      ...memory,
      update: (async (key, apply) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return memory.update(key, apply);
      }) as typeof memory.update,
    };
    const instance = createCartlift({ currency: 'USD', storage });
    await instance.cart.add({ sku: 'TEA', price: 2400 });
    const stored = () => memory.get<{ lines: unknown[] }>('cart').then((saved) => saved?.lines.length ?? 0);
    expect(await stored()).toBe(1);
    const done = recordPurchase(
      instance,
      memoryStorage(),
      { paymentIntentId: 'pi_4', status: 'succeeded', amount: 2400, currency: 'usd' },
      instance.cart.get(),
      {
        clearCart: true,
      },
    );
    await done;
    expect(await stored()).toBe(0);
  });
});

describe('emptying the paid cart', () => {
  it('reports the purchase and no remove_from_cart for the lines it bought', async () => {
    const instance = createCartlift({ currency: 'USD', storage: memoryStorage() });
    await instance.cart.add({ sku: 'TEA', quantity: 2, price: 2400 });
    await instance.cart.add({ sku: 'CUP', price: 1800 });
    const seen: string[] = [];
    instance.events.onAny((name) => name !== 'cart_updated' && seen.push(name));
    const paid = { paymentIntentId: 'pi_6', status: 'succeeded' as const, amount: 6600, currency: 'usd' };
    await recordPurchase(instance, memoryStorage(), paid, instance.cart.get(), { clearCart: true });
    expect(instance.cart.get().lines).toEqual([]);
    expect(seen).toEqual(['purchase']);
  });
});

describe('a finished payment whose storage never answers', () => {
  it('still settles, so the thank-you screen shows (the payment is done either way)', async () => {
    vi.useFakeTimers();
    try {
      const never = new Promise<never>(() => {});
      const stuck = { ...memoryStorage(), update: () => never, del: () => never, get: () => never } as ReturnType<typeof memoryStorage>;
      const instance = createCartlift({ currency: 'USD', storage: memoryStorage() });
      let settled = false;
      void recordPurchase(instance, stuck, { paymentIntentId: 'pi_5', status: 'succeeded', amount: 2400, currency: 'usd' }, cart, { clearCart: false }).then(
        () => {
          settled = true;
        },
      );
      await vi.advanceTimersByTimeAsync(PURCHASE_STORAGE_WAIT_MS);
      expect(settled).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('purchase items', () => {
  const order = {
    orderNumber: 'CL-1',
    transactionId: 'pi_2',
    amount: 4740,
    currency: 'USD',
    email: null,
    createdAt: 0,
    items: [
      { sku: 'TEA', quantity: 2, unitPrice: 2200, total: 4400 },
      { sku: 'CUP', variant: 'blue', name: { en: 'Cup' }, quantity: 1, unitPrice: 340, total: 340 },
    ],
  };
  const pageCart = { ...cart, lines: [cart.lines[0]!, { key: 'CUP\u001fblue', sku: 'CUP', variant: 'blue', name: 'Blue cup', quantity: 1, price: 999 }] };
  const purchaseOf = (outcome: Parameters<typeof recordPurchase>[2]) => {
    const instance = createCartlift({ currency: 'USD', storage: memoryStorage() });
    const seen: { items: unknown[]; value: number }[] = [];
    instance.events.on('purchase', (e) => seen.push(e as never));
    recordPurchase(instance, memoryStorage(), outcome, pageCart, { clearCart: false });
    return seen[0]!;
  };

  it("carry the server's unit prices, as its value does, not the page's display prices", () => {
    const event = purchaseOf({ paymentIntentId: 'pi_2', status: 'succeeded', amount: 4740, currency: 'usd', order });
    expect(event.value).toBe(4740);
    expect(event.items).toEqual([
      { item_id: 'TEA', quantity: 2, price: 2200 },
      { item_id: 'CUP', item_variant: 'blue', item_name: 'Blue cup', quantity: 1, price: 340 },
    ]);
  });

  it('carry no price at all when the server has not said its order yet (a payment still processing)', () => {
    const event = purchaseOf({ paymentIntentId: 'pi_3', status: 'processing', amount: 4740, currency: 'usd', order: null });
    expect(event.items).toEqual([
      { item_id: 'TEA', quantity: 2 },
      { item_id: 'CUP', item_variant: 'blue', item_name: 'Blue cup', quantity: 1 },
    ]);
  });
});
