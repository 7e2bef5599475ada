import { expect, it } from 'vitest';
import { localizedName } from './localized-name.js';

it("picks the shopper's locale, then English, then the first name given", () => {
  const names = { en: 'Celadon tea cup', 'zh-CN': '青瓷茶杯' };
  expect(localizedName(names, 'zh-CN')).toBe('青瓷茶杯');
  expect(localizedName(names, 'en')).toBe('Celadon tea cup');
  expect(localizedName({ en: 'Tea' }, 'zh-CN')).toBe('Tea');
  expect(localizedName({ 'zh-CN': '茶' }, 'en')).toBe('茶');
  expect(localizedName('Tea', 'zh-CN')).toBe('Tea');
  expect(localizedName(undefined)).toBe('');
});
