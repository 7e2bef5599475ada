import { evaluate } from '@cartlift/discounts';
import { describe, expect, test } from 'vitest';
import { priceChangeSentence } from './price-change.js';

const promotions = [
  {
    id: 'first-order',
    name: 'First order $5 off',
    currency: 'USD',
    rule: { type: 'amount_off' as const, amount: 500 },
    conditions: { firstPurchase: true },
    combinesWith: { product: true, order: true, shipping: true },
  },
  {
    id: 'once',
    name: 'ONCE',
    code: 'ONCE',
    currency: 'USD',
    rule: { type: 'amount_off' as const, amount: 200 },
    limits: { perCustomer: 1 },
    combinesWith: { product: true, order: true, shipping: true },
  },
];
const price = (firstPurchase: boolean, usedOnce: number) =>
  evaluate({
    currency: 'USD',
    lines: [{ sku: 'CUP', quantity: 2, unitPrice: 1800 }],
    customer: { firstPurchase, id: 'a@b.c' },
    codes: ['ONCE'],
    now: 0,
    promotions,
    usage: { once: { used: usedOnce, usedByCustomer: usedOnce } },
  });

describe('priceChangeSentence', () => {
  test('names each lost promotion with its reason, then the total to confirm, in both languages', () => {
    const shown = price(true, 0);
    const now = price(false, 1);
    expect(shown.total).toBe(2900);
    expect(priceChangeSentence(shown, now, 'en')).toBe(
      'Your first-order discount was used on an earlier order. You have already used Code ONCE. The total is now $36.00. Nothing was charged; press Pay to confirm the new total.',
    );
    expect(priceChangeSentence(shown, now, 'zh-CN')).toContain('您的首单优惠已在之前的订单中使用。');
    expect(priceChangeSentence(shown, now, 'zh-CN')).toContain('US$36.00');
  });

  test('without the shown quote it still gives the new total', () => {
    expect(priceChangeSentence(undefined, price(false, 0), 'en')).toMatch(/^The total is now \$34\.00\./);
  });
});
