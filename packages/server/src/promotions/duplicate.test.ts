import type { PromotionsConfig } from '@cartlift/discounts';
import { parsePromotionsConfig } from '@cartlift/discounts/schema';
import { expect, it } from 'vitest';
import { duplicatePromotion } from './duplicate.js';

const config: PromotionsConfig = {
  version: 1,
  promotions: [
    { id: 'spring', name: { en: 'Spring', 'zh-CN': '春季' }, code: 'SPRING10', rule: { type: 'percent_off', percent: 10 } },
    { id: 'spring-copy', name: 'An earlier copy', rule: { type: 'percent_off', percent: 5 } },
  ],
};

it('adds a switched-off copy after the original, with a free id and a new code, and the file stays valid', () => {
  const { config: next, copy } = duplicatePromotion(config, 'spring');
  expect(next.promotions.map((promotion) => promotion.id)).toEqual(['spring', 'spring-copy-2', 'spring-copy']);
  expect(copy).toMatchObject({ id: 'spring-copy-2', enabled: false, name: { en: 'Spring', 'zh-CN': '春季' }, rule: { type: 'percent_off', percent: 10 } });
  expect(copy.code).toMatch(/^SPRING10[A-Z0-9]{4}$/);
  expect(() => parsePromotionsConfig(next)).not.toThrow();
  // The original is untouched.
  expect(config.promotions).toHaveLength(2);
});

it('names an unknown promotion', () => {
  expect(() => duplicatePromotion(config, 'autumn')).toThrow('No promotion "autumn" in the draft.');
});
