import { type AddInput, type CartState, type CartliftInstance, uuid } from '@cartlift/core';

/**
 * A one-line cart for "buy now", kept apart from the shopper's cart.
 *
 * @example
 * const cart = buyNowCart(cartlift, { sku: 'POT-YIXING', quantity: 1 });
 */
export function buyNowCart(instance: CartliftInstance, item: AddInput): CartState {
  const base = instance.cart.get();
  return { id: uuid(), currency: base.currency, rev: 0, codes: base.codes ?? [], lines: [{ ...item, key: item.sku, quantity: item.quantity ?? 1 }] };
}
