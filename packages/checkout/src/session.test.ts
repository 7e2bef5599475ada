import { createCartlift, memoryStorage } from '@cartlift/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadProfile, saveProfile } from './profile.js';
import { recordPurchase, shownOrder } from './purchase.js';
import { storageFor } from './session.js';

const cart = { id: 'cart-1', currency: 'USD', rev: 1, lines: [{ key: 'TEA', sku: 'TEA', quantity: 1, price: 2400 }] };
const outcome = { paymentIntentId: 'pi_1', status: 'succeeded', amount: 2400, currency: 'usd' };

describe("checkout's storage", () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is the one passed to createCartlift: the profile, the pending payment and the shown order go there, and IndexedDB is never opened', async () => {
    const opened: string[] = [];
    vi.stubGlobal('indexedDB', { open: (name: string) => opened.push(name) && undefined });
    const storage = memoryStorage({ 'pending-payment': { cart } });
    const instance = createCartlift({ currency: 'USD', storage });
    await saveProfile(storageFor(instance), { email: 'li.wei@example.com' });
    expect(await storage.get('profile')).toEqual({ email: 'li.wei@example.com' });
    recordPurchase(instance, storageFor(instance), outcome, cart, { clearCart: false });
    await expect.poll(() => storage.get('pending-payment')).toBeUndefined();
    expect(await shownOrder(storage, 'pi_1')).toEqual(outcome);
    expect(opened).toEqual([]);
  });

  it("is shared with the instance plugins see, and without one passed it is the instance's own memory, kept for the page's life", async () => {
    const instance = createCartlift({ currency: 'USD', storage: memoryStorage() });
    expect(storageFor({ ...instance, events: instance.events })).toBe(storageFor(instance));
    const bare = createCartlift({ currency: 'USD' });
    await saveProfile(storageFor(bare), { email: 'li.wei@example.com' });
    expect(await loadProfile(storageFor(bare))).toEqual({ email: 'li.wei@example.com' });
    expect(await loadProfile(storageFor(createCartlift({ currency: 'USD' })))).toBeUndefined();
  });
});
