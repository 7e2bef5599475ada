import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CartAction, DEFAULT_LIMITS, cartReducer, cartSubtotal, checkAction, checkAddInput, emptyCart, lineKey } from './cart';

const sku = fc.constantFrom('TEA', 'CUP', 'POT', 'SET', 'GIFT');
const variant = fc.option(fc.constantFrom('red', 'blue'), { nil: undefined });
const action: fc.Arbitrary<CartAction> = fc.oneof(
  fc.record({
    type: fc.constant('add' as const),
    line: fc.record({ sku, variant, quantity: fc.integer({ min: 1, max: 999 }), price: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }) }),
  }),
  fc.record({ type: fc.constant('set_quantity' as const), key: fc.oneof(sku, sku.map((s) => lineKey(s, 'red'))), quantity: fc.integer({ min: 0, max: 5000 }) }),
  fc.record({ type: fc.constant('remove' as const), key: sku }),
  fc.constant({ type: 'clear' as const }),
);

const run = (actions: CartAction[]) => actions.reduce((s, a) => cartReducer(s, checkAction(a)), emptyCart('c1', 'USD'));

describe('cartReducer properties', () => {
  it('keeps every quantity within 1..999', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 60 }), (actions) => {
        for (const line of run(actions).lines) {
          expect(line.quantity).toBeGreaterThanOrEqual(1);
          expect(line.quantity).toBeLessThanOrEqual(DEFAULT_LIMITS.maxQuantity);
        }
      }),
    );
  });

  it('has a subtotal equal to the sum of its lines', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 60 }), (actions) => {
        const cart = run(actions);
        const sum = cart.lines.map((l) => (l.price ?? 0) * l.quantity).reduce((a, b) => a + b, 0);
        expect(cartSubtotal(cart)).toBe(sum);
      }),
    );
  });

  it('gives the same cart when the same actions are replayed', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 60 }), (actions) => {
        expect(run(actions)).toEqual(run(actions));
      }),
    );
  });

  it('keeps one line per sku and variant', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 60 }), (actions) => {
        const keys = run(actions).lines.map((l) => l.key);
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });
});

describe('cartReducer cases', () => {
  const start = emptyCart('c1', 'USD');
  it('merges adds of the same sku and clamps at the maximum', () => {
    let cart = cartReducer(start, { type: 'add', line: { sku: 'TEA', quantity: 998 } });
    cart = cartReducer(cart, { type: 'add', line: { sku: 'TEA', quantity: 5, name: 'Tea' } });
    expect(cart.lines).toEqual([{ key: 'TEA', sku: 'TEA', quantity: 999, name: 'Tea' }]);
  });

  it('keeps variants apart and removes a line set to 0', () => {
    let cart = cartReducer(start, { type: 'add', line: { sku: 'CUP', variant: 'red', quantity: 1 } });
    cart = cartReducer(cart, { type: 'add', line: { sku: 'CUP', quantity: 1 } });
    expect(cart.lines.map((l) => l.key)).toEqual(['CUP::red', 'CUP']);
    cart = cartReducer(cart, { type: 'set_quantity', key: 'CUP::red', quantity: 0 });
    expect(cart.lines.map((l) => l.key)).toEqual(['CUP']);
  });

  it('refuses bad input with a sentence naming the field', () => {
    expect(() => checkAddInput({ sku: 'TEA', quantity: 0 })).toThrow('quantity must be a whole number from 1 to 999; received 0.');
    expect(() => checkAddInput({ sku: 'TEA', quantity: 1.5 })).toThrow(/quantity must be a whole number/);
    expect(() => checkAddInput({ sku: '' })).toThrow(/^sku must be text of 1 to 64/);
    expect(() => checkAddInput({ sku: 'TEA', price: 19.99 })).toThrow(/^price must be a whole, non-negative number of minor units; received 19.99/);
    expect(() => checkAction({ type: 'set_quantity', key: 'TEA', quantity: Number.NaN })).toThrow(/received NaN/);
  });
});

describe('coupon codes', () => {
  const start = emptyCart('c1', 'USD');
  it('normalises, de-duplicates and keeps at most five', () => {
    let cart = start;
    for (const code of [' welcome10', 'WELCOME10', 'a', 'b', 'c', 'd', 'e']) cart = cartReducer(cart, checkAction({ type: 'add_code', code }));
    expect(cart.codes).toEqual(['A', 'B', 'C', 'D', 'E']);
    cart = cartReducer(cart, checkAction({ type: 'remove_code', code: 'c' }));
    expect(cart.codes).toEqual(['A', 'B', 'D', 'E']);
    expect(cartReducer(cart, { type: 'clear' }).codes).toEqual([]);
  });

  it('refuses codes with spaces or symbols', () => {
    expect(() => checkAction({ type: 'add_code', code: 'DROP TABLE' })).toThrow(/^code must be a coupon code of 1 to 64/);
    expect(() => checkAction({ type: 'add_code', code: 5 as unknown as string })).toThrow(/received 5/);
  });
});
