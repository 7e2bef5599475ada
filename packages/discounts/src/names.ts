import { formatMoney, localizedName } from '@cartlift/core';
import type { LocalizedName } from '@cartlift/core/contract';

/**
 * A money placeholder in a promotion name: `{money:500}` is 500 minor units.
 * Up to 15 digits, so the amount stays a safe integer.
 */
export const MONEY_PLACEHOLDER = /\{money:(\d{1,15})\}/g;

/**
 * A promotion name in `locale`: core's one rule for names by locale (the
 * locale, else English, else the first given), with each `{money:<minor units>}`
 * formatted in `currency` exactly as the totals are (`formatMoney`), so a name
 * and the total beside it read in one style. A name without placeholders is
 * returned unchanged. The result is text: render it as text, never as HTML.
 *
 * @example
 * promotionName({ en: '{money:500} off your first order', 'zh-CN': '首单立减 {money:500}' }, 'zh-CN', 'USD') // "首单立减 US$5.00"
 * promotionName('{money:500} off your first order', 'en', 'USD') // "$5.00 off your first order"
 */
export function promotionName(name: LocalizedName | undefined, locale?: string, currency?: string): string {
  return localizedName(name, locale).replace(MONEY_PLACEHOLDER, (_, minor: string) => money(+minor, currency, locale));
}

/** Minor units as the totals show them (`formatMoney`); USD when the currency is not known. */
export const money = (amount: number, currency: string | undefined, locale: string | undefined) => formatMoney({ amount, currency: currency ?? 'USD' }, locale);
