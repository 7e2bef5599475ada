import { formatMoney } from '@cartlift/core';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { describeReason } from './reasons.js';
import { percentOf } from './rounding.js';
import { cart, line, promo } from './test-helpers.js';

describe('half-even rounding to the minor unit', () => {
  it.each([
    [1005, 1000, 100], // 100.5 -> 100
    [1015, 1000, 102], // 101.5 -> 102
    [1006, 1000, 101],
    [1, 5000, 0], // 0.5 -> 0
    [3, 5000, 2], // 1.5 -> 2
    [9007199254740991, 1000, 900719925474099], // BigInt path: ...099.1
    [9007199254740990, 5, 4503599627370], // 4503599627370.495 -> down
  ])('%i x %i bp = %i', (amount, bp, want) => expect(percentOf(amount, bp)).toBe(want));
});

describe('multi-currency', () => {
  const tenPct = promo('P', { type: 'percent_off', percent: 10 });
  it.each([
    ['JPY', 1005, 100, '¥1,005'], // yen have no minor unit
    ['CNY', 1005, 100, 'CN¥10.05'],
    ['USD', 1015, 102, '$10.15'],
    ['KWD', 1005, 100, 'KWD 1.005'], // 1.005 KWD: three decimals (fils)
  ])('%s: 10%% of %i minor units is %i', (currency, price, off, shown) => {
    const r = evaluate(cart([line('A', price)], [tenPct], { currency }));
    expect(r.discountTotal).toBe(off);
    expect(r.total).toBe(price - off);
    // The same minor units read back in the currency's own exponent.
    expect(formatMoney({ amount: price, currency }, 'en').replace(/\u00a0/g, ' ')).toBe(shown);
  });

  it('amount promotions apply only in their currency', () => {
    const yen = promo('Y', { type: 'amount_off', amount: 500 }, { currency: 'JPY' });
    expect(evaluate(cart([line('A', 3000)], [yen], { currency: 'JPY' })).total).toBe(2500);
    expect(evaluate(cart([line('A', 3000)], [yen], { currency: 'USD' })).notApplied[0]!.reason).toEqual({
      code: 'currency',
      params: { required: ['JPY'], received: 'USD' },
    });
  });

  it('KWD thresholds and unlocks in fils', () => {
    const t = promo('T', { type: 'amount_off', amount: 1250 }, { currency: 'KWD', conditions: { minSubtotal: 20000 } });
    const r = evaluate(cart([line('A', 19995)], [t], { currency: 'KWD' }));
    expect(r.notApplied[0]!.unlock).toMatchObject({ kind: 'spend_more', amount: 5, currency: 'KWD' });
    expect(describeReason(r.notApplied[0]!)).toMatch(/^Add KWD\s0\.005 more for KWD\s1\.250 off from KWD\s20\.000 after discounts\.$/);
  });
});

describe('allocation by largest remainder', () => {
  it('an order discount splits exactly over lines, whatever their order', () => {
    const p = promo('O', { type: 'amount_off', amount: 100 }, { currency: 'USD' });
    const lines = [line('A', 1000), line('B', 1000), line('C', 1000)];
    const r = evaluate(cart(lines, [p], { currency: 'USD' }));
    expect(r.lines.map((l) => l.discount)).toEqual([34, 33, 33]);
    const reversed = evaluate(cart([...lines].reverse(), [p], { currency: 'USD' }));
    expect(reversed.lines.map((l) => `${l.sku}:${l.discount}`)).toEqual(['C:33', 'B:33', 'A:34']);
  });
});
