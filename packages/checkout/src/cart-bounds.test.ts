import { DEFAULT_LIMITS, createCartlift } from '@cartlift/core';
import { expect, it } from 'vitest';
import { cartBounds } from './cart-bounds.js';

it("offers the cart's bounds, lowered to the server's where it takes less", () => {
  const instance = createCartlift({ currency: 'USD' });
  expect(cartBounds(instance, undefined)).toEqual(DEFAULT_LIMITS);
  expect(cartBounds(instance, { limits: { maxQuantity: 10, maxLines: 500 } })).toEqual({ maxQuantity: 10, maxLines: 100 });
  const small = createCartlift({ currency: 'USD', limits: { maxQuantity: 5, maxLines: 3 } });
  expect(cartBounds(small, { limits: DEFAULT_LIMITS })).toEqual({ maxQuantity: 5, maxLines: 3 });
});
