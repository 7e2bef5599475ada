import type { LocalizedName } from './contract/endpoints.js';

/**
 * The one rule for showing a name given per locale (products, add-ons,
 * promotions, shipping options): the shopper's locale, else English, else
 * the first one given. A plain string is the name in every locale.
 *
 * @example
 * localizedName({ en: 'Celadon tea cup', 'zh-CN': '青瓷茶杯' }, 'zh-CN') // "青瓷茶杯"
 * localizedName({ en: 'Celadon tea cup' }, 'zh-CN')                      // "Celadon tea cup"
 * localizedName(undefined, 'en')                                          // ""
 */
export function localizedName(name: LocalizedName | undefined, locale = 'en'): string {
  if (name === undefined) return '';
  if (typeof name === 'string') return name;
  return name[locale] ?? name.en ?? Object.values(name)[0] ?? '';
}
