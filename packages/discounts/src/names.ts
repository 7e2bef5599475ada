import type { PromotionName } from './types.js';

/**
 * A promotion name in `locale`, falling back to English.
 *
 * @example
 * promotionName({ en: 'First order ¥30 off', 'zh-CN': '首单立减30元' }, 'zh-CN') // "首单立减30元"
 */
export function promotionName(name: PromotionName | undefined, locale = 'en'): string {
  if (name === undefined) return '';
  return typeof name === 'string' ? name : locale === 'zh-CN' ? (name['zh-CN'] ?? name.en) : name.en;
}
