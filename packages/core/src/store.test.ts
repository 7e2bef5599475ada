import { describe, expect, it, vi } from 'vitest';
import { createEmitter } from './emitter.js';
import type { CartliftEvents } from './events.js';
import { type StoragePort, memoryStorage } from './storage.js';
import { createCartStore } from './store.js';
import { broadcastSync } from './sync.js';

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('createCartStore', () => {
  it('persists, and a new store (a reload) finds the cart again', async () => {
    const storage = memoryStorage();
    const first = createCartStore({ currency: 'USD', storage });
    await first.add({ sku: 'TEA', quantity: 2, price: 2400 });
    const reloaded = createCartStore({ currency: 'USD', storage });
    await reloaded.ready;
    expect(reloaded.get().lines).toMatchObject([{ sku: 'TEA', quantity: 2 }]);
    expect(reloaded.get().id).toBe(first.get().id);
  });

  it('shows a change at once, before storage answers', () => {
    const store = createCartStore({ currency: 'USD', storage: memoryStorage() });
    void store.add({ sku: 'TEA' });
    expect(store.get().lines).toHaveLength(1);
  });

  it('loses no update when two tabs edit at once', async () => {
    const storage = memoryStorage();
    const name = `t-${Math.random()}`;
    const a = createCartStore({ currency: 'USD', storage, sync: broadcastSync(name) });
    const b = createCartStore({ currency: 'USD', storage, sync: broadcastSync(name) });
    await Promise.all([a.ready, b.ready]);
    await Promise.all([
      ...Array.from({ length: 10 }, () => a.add({ sku: 'TEA' })),
      ...Array.from({ length: 10 }, () => b.add({ sku: 'TEA' })),
      b.add({ sku: 'CUP', quantity: 3 }),
    ]);
    await settle();
    for (const store of [a, b]) {
      expect(store.get().lines.map((l) => [l.sku, l.quantity])).toEqual([
        ['TEA', 20],
        ['CUP', 3],
      ]);
    }
  });

  it('falls back to memory once when storage fails, and keeps working', async () => {
    const failing: StoragePort = {
      get: () => Promise.reject(new DOMException('blocked', 'InvalidStateError')),
      update: () => Promise.reject(new DOMException('quota', 'QuotaExceededError')),
      del: () => Promise.reject(new Error('x')),
    };
    const events = createEmitter<CartliftEvents>();
    const unavailable = vi.fn();
    events.on('storage_unavailable', unavailable);
    const store = createCartStore({ currency: 'USD', storage: failing, events });
    await store.add({ sku: 'TEA' });
    await store.add({ sku: 'TEA' });
    expect(store.get().lines[0]?.quantity).toBe(2);
    expect(store.mode()).toBe('memory');
    expect(unavailable).toHaveBeenCalledTimes(1);
    expect(unavailable.mock.calls[0]?.[0].reason).toBe('blocked');
  });

  it('treats a storage that never answers as unavailable', async () => {
    const hanging: StoragePort = { get: () => new Promise(() => {}), update: () => new Promise(() => {}), del: () => new Promise(() => {}) };
    const store = createCartStore({ currency: 'USD', storage: hanging, storageTimeoutMs: 30 });
    await store.add({ sku: 'TEA' });
    expect(store.mode()).toBe('memory');
    expect(store.get().lines).toHaveLength(1);
  });

  it('ignores a malformed saved cart', async () => {
    const storage = memoryStorage({ cart: { id: 1, lines: 'nope' } });
    const store = createCartStore({ currency: 'USD', storage });
    await store.ready;
    await store.add({ sku: 'TEA' });
    expect(store.get().lines).toHaveLength(1);
  });

  it('emits add_to_cart and remove_from_cart with GA4 items for what changed', async () => {
    const events = createEmitter<CartliftEvents>();
    const seen: string[] = [];
    events.onAny((name, payload) => {
      if (name === 'add_to_cart' || name === 'remove_from_cart') {
        const e = payload as CartliftEvents['add_to_cart'];
        expect(e.event_id).toMatch(/^[0-9a-f-]{36}$/);
        seen.push(`${name}:${e.items[0]?.item_id}x${e.items[0]?.quantity}=${e.value} ${e.currency}`);
      }
    });
    const store = createCartStore({ currency: 'CNY', storage: memoryStorage(), events });
    await store.add({ sku: 'TEA', quantity: 2, price: 100, name: 'Tea' });
    await store.setQuantity('TEA', 5);
    await store.remove('TEA');
    expect(seen).toEqual(['add_to_cart:TEAx2=200 CNY', 'add_to_cart:TEAx3=300 CNY', 'remove_from_cart:TEAx5=500 CNY']);
  });

  it("carries an add's source on its add_to_cart event (an add from AR), and none on a plain add", async () => {
    const events = createEmitter<CartliftEvents>();
    const sources: unknown[] = [];
    events.on('add_to_cart', (e) => sources.push(e.source));
    const store = createCartStore({ currency: 'USD', storage: memoryStorage(), events });
    await store.add({ sku: 'POT', price: 8900 }, { source: 'ar' });
    await store.add({ sku: 'POT' });
    expect(sources).toEqual(['ar', undefined]);
  });

  it('reports a clear as removals, but emptying a bought cart (clear({ purchased: true })) reports nothing: the lines were sold, not removed', async () => {
    const events = createEmitter<CartliftEvents>();
    const seen: string[] = [];
    events.onAny((name) => name !== 'cart_updated' && seen.push(name));
    const store = createCartStore({ currency: 'USD', storage: memoryStorage(), events });
    await store.add({ sku: 'TEA', quantity: 2, price: 100 });
    await store.add({ sku: 'CUP', price: 50 });
    await store.clear();
    expect(seen).toEqual(['add_to_cart', 'add_to_cart', 'remove_from_cart', 'remove_from_cart']);
    seen.length = 0;
    await store.add({ sku: 'TEA', quantity: 2, price: 100 });
    await store.addCode('WELCOME10');
    await store.clear({ purchased: true });
    expect(store.get()).toMatchObject({ lines: [], codes: [] });
    expect(seen).toEqual(['add_to_cart']);
  });

  it('throws a CartliftError naming the field for invalid arguments', () => {
    const store = createCartStore({ currency: 'USD' });
    expect(() => store.add({ sku: 'TEA', quantity: -1 })).toThrow(/^quantity must be/);
    expect(store.get().lines).toHaveLength(0);
  });

  it('unsubscribes', async () => {
    const store = createCartStore({ currency: 'USD' });
    const listener = vi.fn();
    const off = store.subscribe(listener);
    off();
    await store.add({ sku: 'TEA' });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('plugins', () => {
  it('hear, through onAny, what happened before they were installed, then what follows', async () => {
    const { createCartlift } = await import('./cartlift.js');
    const cartlift = createCartlift({ currency: 'USD' });
    await cartlift.cart.add({ sku: 'TEA', price: 100 });
    const heard: string[] = [];
    cartlift.use({ name: 'late', setup: (i) => void i.events.onAny((name) => heard.push(name)) });
    await cartlift.cart.add({ sku: 'CUP' });
    expect(heard.filter((n) => n === 'add_to_cart')).toHaveLength(2);
    // The host page's own onAny is not replayed to.
    const own: string[] = [];
    cartlift.events.onAny((name) => own.push(name));
    expect(own).toEqual([]);
  });
});
