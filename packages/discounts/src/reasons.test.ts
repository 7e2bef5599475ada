import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { describeReason, describeUnlock } from './reasons.js';
import { cart, line, promo } from './test-helpers.js';
import type { Unlock } from './types.js';

const freeShipping = (thresholdBase: 'before_discounts' | 'after_order_discounts'): Unlock => ({
  kind: 'spend_more',
  amount: 1670,
  currency: 'USD',
  reward: { kind: 'free_shipping' },
  threshold: 5000,
  thresholdBase,
});

describe('describeUnlock', () => {
  it('names the threshold, and says when it is measured after discounts', () => {
    expect(describeUnlock(freeShipping('after_order_discounts'), 'en')).toBe('Add $16.70 more for free shipping from $50.00 after discounts.');
    expect(describeUnlock(freeShipping('after_order_discounts'), 'zh-CN')).toBe('再买 US$16.70 免运费（折后满 US$50.00）');
  });

  it('says nothing of discounts for a threshold on the gross subtotal', () => {
    expect(describeUnlock(freeShipping('before_discounts'), 'en')).toBe('Add $16.70 more for free shipping from $50.00.');
    expect(describeUnlock(freeShipping('before_discounts'), 'zh-CN')).toBe('再买 US$16.70 免运费（满 US$50.00）');
  });

  it('gets the threshold and its base from the engine: shipping promotions count after discounts by default', () => {
    const free = promo('F', { type: 'percent_off', percent: 100, appliesTo: 'shipping' }, { currency: 'USD', conditions: { minSubtotal: 5000 } });
    const first = promo('FIRST', { type: 'amount_off', amount: 500 }, { currency: 'USD', conditions: { firstPurchase: true } });
    // $50.00 of goods, $5 off the first order (it saves more than $4 shipping): $45.00 counts toward the $50.00.
    const result = evaluate(cart([line('A', 5000)], [free, first], { currency: 'USD', customer: { firstPurchase: true }, shipping: { amount: 400 } }));
    const entry = result.notApplied.find((n) => n.promotionId === 'F')!;
    expect(entry.unlock).toEqual({ ...freeShipping('after_order_discounts'), amount: 500 });
    expect(describeReason(entry, 'en')).toBe('Add $5.00 more for free shipping from $50.00 after discounts.');
    const gross = promo('G', free.rule, { ...free, id: 'G', conditions: { minSubtotal: 5000, thresholdBase: 'before_discounts' } });
    const before = evaluate(cart([line('A', 4000)], [gross], { currency: 'USD', shipping: { amount: 600 } }));
    expect(describeReason(before.notApplied[0]!, 'zh-CN')).toBe('再买 US$10.00 免运费（满 US$50.00）');
  });
});

describe('describeReason', () => {
  it('formats money placeholders in the promotion names it quotes, in the cart currency', () => {
    const first = promo(
      'FIRST',
      { type: 'amount_off', amount: 500 },
      {
        name: { en: '{money:500} off your first order', 'zh-CN': '首单立减 {money:500}' },
        currency: 'USD',
        conditions: { firstPurchase: true },
      },
    );
    const entry = evaluate(cart([line('A', 5000)], [first], { currency: 'USD' })).notApplied[0]!;
    expect(describeReason(entry, 'en', 'USD')).toBe('$5.00 off your first order is for first orders only.');
    expect(describeReason(entry, 'zh-CN', 'USD')).toBe('「首单立减 US$5.00」 仅限首单。');
  });
});
