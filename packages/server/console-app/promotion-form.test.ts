import type { PromotionsConfig } from '@cartlift/core/contract';
import { describe, expect, it } from 'vitest';
import { checkPromotion } from './promotion-check.js';
import { blankForm, type ConsolePromotion, formOf, promotionOf } from './promotion-form.js';

const spend300Save30: ConsolePromotion = {
  id: 'spend-300-save-30',
  name: { en: 'Spend ¥300, save ¥30', 'zh-CN': '满300减30' },
  currency: 'CNY',
  rule: { type: 'tiered', tiers: [{ spend: 30000, amount: 3000 }] },
  conditions: { minQuantity: 2, currencies: ['CNY'] },
  code: 'MAN300',
  limits: { total: 100, budget: 500000 },
  combinesWith: { order: true },
  priority: 5,
};

describe('the promotion form', () => {
  it('reads a promotion into the form and back without changing it', () => {
    const form = formOf(spend300Save30, 'USD', 'Asia/Shanghai');
    expect(form.tiers).toEqual([{ spend: '300.00', amount: '30.00', percent: '' }]);
    expect(form.nameZh).toBe('满300减30');
    expect(form.codeMode).toBe('code');
    expect(promotionOf(form)).toEqual({ promotion: { ...spend300Save30, enabled: true, timeZone: 'Asia/Shanghai' }, problems: [] });
  });

  it('round-trips every rule kind', () => {
    const rules: ConsolePromotion['rule'][] = [
      { type: 'percent_off', percent: 12.5, appliesTo: { tags: ['tea'] }, maxDiscount: 1000 },
      { type: 'amount_off', amount: 500, appliesTo: { skus: ['A', 'B'] }, perItem: true },
      { type: 'every', every: 10000, amount: 1000, maxDiscount: 5000 },
      { type: 'percent_off', percent: 100, appliesTo: 'shipping' },
      { type: 'buy_x_get_y', buy: { skus: ['A'], quantity: 2 }, get: { tags: ['cup'], quantity: 1, percent: 50 }, maxApplications: 3 },
    ];
    for (const rule of rules) {
      const promotion: ConsolePromotion = { id: 'p', name: 'P', currency: 'CNY', rule, enabled: false, uniqueCodes: true, timeZone: 'UTC' };
      expect(promotionOf(formOf(promotion, 'CNY', 'UTC')).promotion).toEqual(promotion);
    }
    expect(formOf({ id: 'p', name: 'P', rule: rules[3]! }, 'CNY', 'UTC').kind).toBe('free_shipping');
  });

  it('names the field of text it cannot read, with an example', () => {
    const form = { ...blankForm('CNY', 'UTC'), id: 'x', nameEn: 'X', percent: '10%', minSubtotal: '9.999', limitTotal: 'ten' };
    expect(promotionOf(form).problems).toEqual([
      { field: 'rule.percent', message: 'rule.percent must be a number such as 15 or 12.5, without "%"; received "10%"' },
      { field: 'conditions.minSubtotal', message: 'conditions.minSubtotal must be an amount such as 100.50, with at most 2 decimals; received "9.999"' },
      { field: 'limits.total', message: 'limits.total must be a whole number such as 3; received "ten"' },
    ]);
  });

  it('reads amounts in the currency minor units: yen has none', () => {
    const form = { ...blankForm('JPY', 'UTC'), id: 'x', nameEn: 'X', kind: 'amount_off' as const, amount: '500' };
    expect(promotionOf(form).promotion.rule).toEqual({ type: 'amount_off', amount: 500 });
    expect(promotionOf({ ...form, amount: '5.5' }).problems[0]?.message).toContain('such as 100, with at most 0 decimals');
  });
});

describe('checking a promotion against the draft', () => {
  const draft: PromotionsConfig = { version: 1, promotions: [spend300Save30] };

  it('gives the engine sentences at paths relative to the edited promotion', () => {
    const { promotion } = promotionOf({ ...blankForm('CNY', 'UTC'), id: 'new', nameEn: 'New', percent: '120' });
    expect(checkPromotion(draft, promotion, null).problems).toEqual([{ field: 'rule.percent', message: 'rule.percent must be at most 100; received 120' }]);
  });

  it('catches a clash with another promotion: the same code twice', () => {
    const { promotion } = promotionOf({ ...blankForm('CNY', 'UTC'), id: 'other', nameEn: 'Other', percent: '5', codeMode: 'code', code: 'man300' });
    expect(checkPromotion(draft, promotion, null).problems).toEqual([
      { field: 'code', message: 'code "man300" is used by another promotion; codes must be unique (ignoring case)' },
    ]);
  });

  it('replaces the promotion being edited, even when its id changes', () => {
    const { promotion } = promotionOf({ ...formOf(spend300Save30, 'CNY', 'UTC'), id: 'renamed' });
    const { config, problems } = checkPromotion(draft, promotion, 'spend-300-save-30');
    expect(problems).toEqual([]);
    expect(config.promotions.map((p) => p.id)).toEqual(['renamed']);
  });
});
