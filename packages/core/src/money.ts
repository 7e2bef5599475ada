import { exponentOf, isCurrency } from './currencies.js';
import { CartliftError, describe } from './errors.js';

/** An amount of money: integer minor units (cents, fen, yen) and an ISO 4217 code. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

/**
 * Checks an ISO 4217 code and returns it; throws a sentence naming `field` otherwise.
 *
 * @example
 * assertCurrency('CNY', 'data-currency') // "CNY"
 * assertCurrency('usd', 'data-currency') // throws: data-currency must be an ISO 4217 ...
 */
export function assertCurrency(code: unknown, field = 'currency'): string {
  if (isCurrency(code)) return code;
  throw new CartliftError(
    'invalid_currency',
    `${field} must be an ISO 4217 currency code in capitals such as "USD" or "CNY"; received ${describe(code)}.`,
    field,
  );
}

/**
 * Number of decimal places of a currency's minor unit, per ISO 4217.
 *
 * @example
 * currencyExponent('JPY') // 0
 * currencyExponent('USD') // 2
 * currencyExponent('KWD') // 3
 */
export function currencyExponent(currency: string): number {
  return exponentOf(assertCurrency(currency));
}

/**
 * Checks that `amount` is a safe, non-negative integer of minor units.
 *
 * @example
 * assertMinorUnits(1999, 'price') // 1999
 * assertMinorUnits(19.99, 'price') // throws: price must be a whole number of minor units ...
 */
export function assertMinorUnits(amount: unknown, field = 'amount'): number {
  if (typeof amount === 'number' && Number.isSafeInteger(amount) && amount >= 0) return amount;
  throw new CartliftError(
    'invalid_amount',
    `${field} must be a whole, non-negative number of minor units (1999 for 19.99); received ${describe(amount)}.`,
    field,
  );
}

/**
 * Makes a checked Money value.
 *
 * @example
 * money(1999, 'USD') // { amount: 1999, currency: 'USD' }
 */
export function money(amount: number, currency: string): Money {
  return { amount: assertMinorUnits(amount), currency: assertCurrency(currency) };
}

/**
 * Parses a `data-cartlift-price`-style attribute: digits only, in minor units.
 *
 * @example
 * parseMinorUnits('1999', 'data-cartlift-price') // 1999
 * parseMinorUnits('19.99', 'data-cartlift-price') // throws, naming the attribute
 */
export function parseMinorUnits(text: string | null | undefined, field = 'data-cartlift-price'): number {
  const trimmed = (text ?? '').trim();
  if (!/^\d{1,15}$/.test(trimmed)) {
    throw new CartliftError(
      'invalid_amount',
      `${field} must be a whole number of minor units, such as "1999" for 19.99; received ${describe(text ?? '')}.`,
      field,
    );
  }
  return assertMinorUnits(Number(trimmed), field);
}

/**
 * Splits `total` into parts proportional to `weights` by largest remainder, so
 * the parts always add up to `total` exactly. Ties go to the earlier weight.
 *
 * @example
 * allocate(100, [1, 1, 1]) // [34, 33, 33]
 * allocate(0, [5, 7])      // [0, 0]
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  assertMinorUnits(total, 'total');
  if (weights.length === 0) {
    if (total === 0) return [];
    throw new CartliftError('invalid_allocation', `Cannot allocate ${total} across no parts; expected at least one weight.`, 'weights');
  }
  const sum = weights.reduce((a, w) => a + assertMinorUnits(w, 'weight'), 0);
  if (sum === 0) {
    // No basis to split on: spread evenly so nothing is lost.
    return allocate(
      total,
      weights.map(() => 1),
    );
  }
  // BigInt keeps total * weight exact beyond 2^53.
  const big = BigInt(total);
  const bigSum = BigInt(sum);
  const parts = weights.map((w) => big * BigInt(w));
  const floors = parts.map((p) => Number(p / bigSum));
  const remainders = parts.map((p, i) => ({ i, r: p % bigSum }));
  let left = total - floors.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors;
}
