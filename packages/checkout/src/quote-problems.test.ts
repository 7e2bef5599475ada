import { emptyCart } from '@cartlift/core';
import { evaluate } from '@cartlift/discounts';
import { describe, expect, it } from 'vitest';
import { finalRefusals, limitedCodes, unsoldLine } from './quote-problems.js';

const promotions = [
  { id: 'welcome10', name: 'WELCOME10', code: 'WELCOME10', rule: { type: 'percent_off' as const, percent: 10 } },
  { id: 'old', name: 'OLD5', code: 'OLD5', rule: { type: 'percent_off' as const, percent: 5 }, endsAt: '2020-01-01T00:00:00Z' },
  { id: 'big', name: 'BIG', code: 'BIG', rule: { type: 'amount_off' as const, amount: 500 }, conditions: { minSubtotal: 100_000 } },
];
const quote = (codes: string[]) =>
  evaluate({
    currency: 'USD',
    lines: [{ sku: 'TEA', quantity: 1, unitPrice: 2400 }],
    customer: { firstPurchase: false },
    codes,
    now: Date.parse('2026-06-01'),
    promotions,
  });

describe('codes the server refused for good', () => {
  it('are the unknown and expired ones; applied codes and codes the cart could still meet stay', () => {
    const codes = ['WELCOME10', 'NOPE10', 'OLD5', 'BIG'];
    expect(finalRefusals(quote(codes), codes).map((n) => [n.code, n.reason.code])).toEqual([
      ['NOPE10', 'unknown_code'],
      ['OLD5', 'expired'],
    ]);
  });

  it('only for codes the cart still holds', () => {
    expect(finalRefusals(quote(['NOPE10']), [])).toEqual([]);
  });
});

describe('a 429 for too many coupon guesses', () => {
  it('blames the code its field names', () => {
    expect(limitedCodes({ code: 'too_many_coupon_attempts', field: 'codes[1]' }, ['WELCOME10', 'GUESS'])).toEqual(['GUESS']);
  });

  it('blames every code when the field names none of them', () => {
    expect(limitedCodes({ code: 'too_many_coupon_attempts', field: 'codes' }, ['A', 'B'])).toEqual(['A', 'B']);
    expect(limitedCodes({ code: 'too_many_coupon_attempts', field: 'codes[7]' }, ['A'])).toEqual(['A']);
  });

  it('blames nothing for other errors', () => {
    expect(limitedCodes({ code: 'network' }, ['A'])).toEqual([]);
    expect(limitedCodes(undefined, ['A'])).toEqual([]);
  });
});

describe('a line the server does not sell', () => {
  const cart = {
    ...emptyCart('c', 'USD'),
    lines: [
      { key: 'TEA', sku: 'TEA', quantity: 1 },
      { key: 'ADDON', sku: 'ADDON', quantity: 1, name: 'Gift wrap' },
    ],
  };
  it('is the line its field names', () => {
    expect(unsoldLine({ code: 'unknown_sku', field: 'lines[1].sku' }, cart)?.name).toBe('Gift wrap');
  });
  it('is none for other errors or fields', () => {
    expect(unsoldLine({ code: 'unknown_sku', field: 'lines[5].sku' }, cart)).toBeUndefined();
    expect(unsoldLine({ code: 'invalid_request', field: 'lines[0].sku' }, cart)).toBeUndefined();
  });
});
