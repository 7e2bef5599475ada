import { createCartlift, memoryStorage } from '@cartlift/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCheckoutSession, sessionFor } from './checkout-session.js';
import { loadProfile, saveProfile } from './profile.js';
import { shownOrder } from './purchase.js';

const cart = { id: 'cart-1', currency: 'USD', rev: 1, codes: ['WELCOME10'], lines: [{ key: 'TEA', sku: 'TEA', quantity: 1, price: 2400 }] };
const outcome = { paymentIntentId: 'pi_1', status: 'succeeded', amount: 2400, currency: 'usd' };

describe("a checkout session's storage", () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is the one passed to createCartlift: the profile, the pending payment and the shown order go there, and IndexedDB is never opened', async () => {
    const opened: string[] = [];
    vi.stubGlobal('indexedDB', { open: (name: string) => opened.push(name) && undefined });
    const storage = memoryStorage({ 'pending-payment': { cart } });
    const session = createCheckoutSession(createCartlift({ currency: 'USD', storage }), 'en');
    await saveProfile(session.storage, { email: 'li.wei@example.com' });
    expect(await storage.get('profile')).toEqual({ email: 'li.wei@example.com' });
    await session.paid(outcome, cart, { clearCart: false });
    expect(await storage.get('pending-payment')).toBeUndefined();
    expect(await shownOrder(storage, 'pi_1')).toEqual(outcome);
    expect(opened).toEqual([]);
  });

  it("is shared by every view of the instance (and the copies plugins get); without one passed, it is the session's own memory", async () => {
    const instance = createCartlift({ currency: 'USD', storage: memoryStorage() });
    expect(sessionFor({ ...instance, events: instance.events }, 'en')).toBe(sessionFor(instance, 'en'));
    const bare = createCartlift({ currency: 'USD' });
    await saveProfile(sessionFor(bare, 'en').storage, { email: 'li.wei@example.com' });
    expect(await loadProfile(sessionFor(bare, 'zh-CN').storage)).toEqual({ email: 'li.wei@example.com' });
    expect(await loadProfile(sessionFor(createCartlift({ currency: 'USD' }), 'en').storage)).toBeUndefined();
  });
});

describe("a checkout session's funnel events", () => {
  it("reports checkout steps for the whole cart at the server's price", () => {
    const instance = createCartlift({ currency: 'USD', storage: memoryStorage() });
    const seen: unknown[] = [];
    instance.events.on('add_payment_info', (event) => seen.push(event));
    createCheckoutSession(instance, 'en').report('add_payment_info', cart, { value: 2199, coupon: 'WELCOME10', payment_type: 'alipay' });
    expect(seen).toEqual([
      expect.objectContaining({
        cart_id: 'cart-1',
        value: 2199,
        coupon: 'WELCOME10',
        payment_type: 'alipay',
        items: [{ item_id: 'TEA', quantity: 1, price: 2400 }],
      }),
    ]);
  });

  it('reports the purchase once paid, and clears the cart only when it was the one bought', async () => {
    const instance = createCartlift({ currency: 'USD', storage: memoryStorage() });
    await instance.cart.add({ sku: 'TEA', price: 2400 });
    const purchases: unknown[] = [];
    instance.events.on('purchase', (event) => purchases.push(event));
    const session = createCheckoutSession(instance, 'en');
    await session.paid(outcome, instance.cart.get(), { clearCart: false });
    expect(instance.cart.get().lines).toHaveLength(1);
    await session.paid({ ...outcome, paymentIntentId: 'pi_2' }, instance.cart.get(), { clearCart: true });
    expect(instance.cart.get().lines).toEqual([]);
    expect(purchases).toEqual([expect.objectContaining({ transaction_id: 'pi_1' }), expect.objectContaining({ transaction_id: 'pi_2' })]);
  });
});
