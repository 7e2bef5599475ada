import { assertMinorUnits, currencyExponent, type Money } from './money.js';

// Kept apart from money.ts so code that only parses or checks amounts (the
// first script-tag chunk) does not carry Intl formatting.

/**
 * The exact decimal string of an amount ("12.30" for 1230 USD), never through a float.
 *
 * @example
 * toDecimalString(money(5, 'KWD')) // "0.005"
 */
export function toDecimalString(value: Money): string {
  const exp = currencyExponent(value.currency);
  const digits = String(assertMinorUnits(value.amount)).padStart(exp + 1, '0');
  return exp === 0 ? digits : `${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats money for a locale with `Intl.NumberFormat`, showing exactly the
 * currency's minor-unit digits. The amount reaches Intl as an exact decimal string.
 *
 * @example
 * formatMoney(money(123450, 'CNY'), 'zh-CN') // "¥1,234.50"
 * formatMoney(money(1500, 'JPY'), 'en')      // "¥1,500"
 */
export function formatMoney(value: Money, locale = 'en'): string {
  const key = `${locale}|${value.currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const digits = currencyExponent(value.currency);
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: value.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  // Intl formats numeric strings exactly (NumberFormat v3); typed as number in older libs.
  return formatter.format(toDecimalString(value) as unknown as number);
}
