import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CartAction, DEFAULT_LIMITS, cartReducer, cartSubtotal, checkAction, checkAddInput, emptyCart, lineKey } from './cart.js';

const sku = fc.constantFrom('TEA', 'CUP', 'POT', 'SET', 'GIFT');
const variant = fc.option(fc.constantFrom('red', 'blue'), { nil: undefined });
const action: fc.Arbitrary<CartAction> = fc.oneof(
  fc.record({
    type: fc.constant('add' as const),
    line: fc.record({ sku, variant, quantity: fc.integer({ min: 1, max: 999 }), price: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }) }),
  }),
  fc.record({
    type: fc.constant('set_quantity' as const),
    key: fc.oneof(
      sku,
      sku.map((s) => lineKey(s, 'red')),
    ),
    quantity: fc.integer({ min: 0, max: 5000 }),
  }),
  fc.record({ type: fc.constant('remove' as const), key: sku }),
  fc.constant({ type: 'clear' as const }),
);

/**
 * The cart rules written out plainly, independent of the reducer: adds merge
 * and clamp at 999 (a new line beyond 100 lines is ignored; an add without
 * a price keeps the line's known one), setting 0 removes, unknown keys
 * change nothing, clear empties.
 */
function model(actions: CartAction[]): Map<string, { quantity: number; price: number | undefined }> {
  const lines = new Map<string, { quantity: number; price: number | undefined }>();
  for (const a of actions) {
    if (a.type === 'clear') lines.clear();
    if (a.type === 'remove') lines.delete(a.key);
    if (a.type === 'set_quantity' && lines.has(a.key)) {
      if (a.quantity <= 0) lines.delete(a.key);
      else lines.get(a.key)!.quantity = Math.min(999, a.quantity);
    }
    if (a.type === 'add') {
      const key = a.line.variant === undefined ? a.line.sku : lineKey(a.line.sku, a.line.variant);
      const old = lines.get(key);
      if (!old && lines.size >= 100) continue;
      lines.set(key, { quantity: Math.min(999, (old?.quantity ?? 0) + (a.line.quantity ?? 1)), price: a.line.price ?? old?.price });
    }
  }
  return lines;
}

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

  it('matches a reference model, and its subtotal is the sum of the model lines', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 60 }), (actions) => {
        const want = model(actions);
        const cart = run(actions);
        expect(cart.lines.map((l) => [l.key, l.quantity, l.price])).toEqual([...want].map(([key, l]) => [key, l.quantity, l.price]));
        expect(cartSubtotal(cart)).toBe([...want.values()].reduce((sum, l) => sum + (l.price ?? 0) * l.quantity, 0));
      }),
    );
  });

  it('gives the same cart when the actions are replayed on a cart saved and read back midway', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), fc.array(action, { maxLength: 40 }), (before, after) => {
        const saved = JSON.parse(JSON.stringify(run(before))) as ReturnType<typeof run>;
        const resumed = after.reduce((s, a) => cartReducer(s, checkAction(a)), saved);
        expect(resumed).toEqual(run([...before, ...after]));
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
    expect(cart.lines.map((l) => l.key)).toEqual([lineKey('CUP', 'red'), 'CUP']);
    cart = cartReducer(cart, { type: 'set_quantity', key: lineKey('CUP', 'red'), quantity: 0 });
    expect(cart.lines.map((l) => l.key)).toEqual(['CUP']);
  });

  it('keeps a variant and a sku that reads like sku "::" variant as two lines', () => {
    let cart = cartReducer(start, checkAction({ type: 'add', line: { sku: 'CUP', variant: 'blue' } }));
    cart = cartReducer(cart, checkAction({ type: 'add', line: { sku: 'CUP::blue' } }));
    expect(cart.lines.map((l) => [l.sku, l.variant, l.quantity])).toEqual([
      ['CUP', 'blue', 1],
      ['CUP::blue', undefined, 1],
    ]);
    expect(new Set(cart.lines.map((l) => l.key)).size).toBe(2);
    cart = cartReducer(cart, { type: 'remove', key: 'CUP::blue' });
    expect(cart.lines.map((l) => [l.sku, l.variant])).toEqual([['CUP', 'blue']]);
  });

  it('refuses bad input with a sentence naming the field', () => {
    expect(() => checkAddInput({ sku: 'TEA', quantity: 0 })).toThrow('quantity must be a whole number from 1 to 999; received 0.');
    expect(() => checkAddInput({ sku: 'TEA', quantity: 1.5 })).toThrow(/quantity must be a whole number/);
    expect(() => checkAddInput({ sku: '' })).toThrow(/^sku must be a SKU of 1 to 64 characters/);
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
