import type { PromotionsConfig } from '@cartlift/discounts';
import { expect, it } from 'vitest';
import { diffPromotions } from './diff.js';

const spring = { id: 'spring', name: { en: 'Spring', 'zh-CN': '春季' }, rule: { type: 'percent_off' as const, percent: 10 } };
const summer = { id: 'summer', name: 'Summer', currency: 'CNY', rule: { type: 'amount_off' as const, amount: 3000 }, conditions: { minSubtotal: 20000 } };
const gift = { id: 'gift', name: 'Gift', rule: { type: 'percent_off' as const, percent: 5 } };
const config = (...promotions: PromotionsConfig['promotions']): PromotionsConfig => ({ version: 1, promotions });

it('lists each promotion added, removed or changed, with the changed fields by path', () => {
  const before = config(spring, summer, gift);
  const after = config({ ...spring, name: { en: 'Spring', 'zh-CN': '春季特惠' }, rule: { ...spring.rule, percent: 15 } }, gift, { ...summer, id: 'autumn' });
  expect(diffPromotions(before, after)).toEqual([
    {
      id: 'spring',
      change: 'changed',
      fields: [
        { path: 'name.zh-CN', before: '春季', after: '春季特惠' },
        { path: 'rule.percent', before: 10, after: 15 },
      ],
    },
    { id: 'autumn', change: 'added', after: { ...summer, id: 'autumn' } },
    { id: 'summer', change: 'removed', before: summer },
  ]);
});

it('says nothing of promotions that did not change, and names a field that appeared or went', () => {
  expect(diffPromotions(config(spring), config(spring))).toEqual([]);
  expect(diffPromotions(config(spring), config({ ...spring, enabled: false }))).toEqual([
    { id: 'spring', change: 'changed', fields: [{ path: 'enabled', before: undefined, after: false }] },
  ]);
});
