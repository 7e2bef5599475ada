import { describe, expect, it } from 'vitest';
import { cartReducer, checkAction, checkAddInput, emptyCart } from './cart.js';
import { isCartState } from './cart-guard.js';
import { createCartStore } from './store.js';
import { memoryStorage } from './storage.js';

const withWarranty = () => {
  let cart = emptyCart('c1', 'USD');
  for (const line of [{ sku: 'POT-YIXING' }, { sku: 'TEA-LJ-100' }, { sku: 'ADDON-WARRANTY-1Y', parent: 'POT-YIXING' }]) {
    cart = cartReducer(cart, checkAction({ type: 'add', line }));
  }
  return cart;
};

describe('add-on lines go with the product they were added for', () => {
  it('removing the product removes its add-on, and only its add-on', () => {
    const cart = cartReducer(withWarranty(), { type: 'remove', key: 'POT-YIXING' });
    expect(cart.lines.map((l) => l.key)).toEqual(['TEA-LJ-100']);
  });

  it('setting the product to 0 removes its add-on too', () => {
    const cart = cartReducer(withWarranty(), { type: 'set_quantity', key: 'POT-YIXING', quantity: 0 });
    expect(cart.lines.map((l) => l.key)).toEqual(['TEA-LJ-100']);
  });

  it('removing the add-on or another product leaves the rest alone', () => {
    expect(cartReducer(withWarranty(), { type: 'remove', key: 'ADDON-WARRANTY-1Y' }).lines.map((l) => l.key)).toEqual(['POT-YIXING', 'TEA-LJ-100']);
    expect(cartReducer(withWarranty(), { type: 'remove', key: 'TEA-LJ-100' }).lines.map((l) => l.key)).toEqual(['POT-YIXING', 'ADDON-WARRANTY-1Y']);
  });

  it('refuses a parent that is not a line key, naming the field', () => {
    expect(() => checkAddInput({ sku: 'ADDON', parent: 5 as unknown as string })).toThrow(/^parent must be text of at most 129 characters; received 5\./);
  });

  it('reads carts saved before lines had a parent, and carts with one', () => {
    const old = { id: 'c1', currency: 'USD', rev: 3, lines: [{ key: 'POT-YIXING', sku: 'POT-YIXING', quantity: 1 }], codes: [] };
    expect(isCartState(old)).toBe(true);
    expect(isCartState(withWarranty())).toBe(true);
    expect(isCartState({ ...old, lines: [{ ...old.lines[0], parent: 7 }] })).toBe(false);
  });

  it('a store removes the add-on of a saved product when the shopper removes it', async () => {
    const storage = memoryStorage({ cart: { ...withWarranty(), rev: 1 } });
    const store = createCartStore({ currency: 'USD', storage });
    await store.ready;
    await store.remove('POT-YIXING');
    expect(store.get().lines.map((l) => l.key)).toEqual(['TEA-LJ-100']);
    expect(((await storage.get('cart')) as { lines: { key: string }[] }).lines.map((l) => l.key)).toEqual(['TEA-LJ-100']);
  });
});

describe('carts saved when a key was sku "::" variant', () => {
  const saved = {
    id: 'c1',
    currency: 'USD',
    rev: 4,
    lines: [
      { key: 'CUP::blue', sku: 'CUP', variant: 'blue', quantity: 1 },
      { key: 'ADDON-GIFT-WRAP', sku: 'ADDON-GIFT-WRAP', quantity: 1, parent: 'CUP::blue' },
    ],
  };

  it('still read: a new add of the variant merges into its line, a sku spelled "CUP::blue" gets its own, and removing the variant takes its add-on', async () => {
    const storage = memoryStorage({ cart: saved });
    const store = createCartStore({ currency: 'USD', storage });
    await store.ready;
    await store.add({ sku: 'CUP', variant: 'blue' });
    await store.add({ sku: 'CUP::blue' });
    expect(store.get().lines.map((l) => [l.sku, l.variant, l.quantity])).toEqual([
      ['CUP', 'blue', 2],
      ['ADDON-GIFT-WRAP', undefined, 1],
      ['CUP::blue', undefined, 1],
    ]);
    await store.remove(store.get().lines[0]!.key);
    expect(store.get().lines.map((l) => l.sku)).toEqual(['CUP::blue']);
  });
});
