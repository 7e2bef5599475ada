import type { CartLine, CartState } from '@cartlift/core';
import type { EvaluateResult } from '@cartlift/discounts';

type Refusal = EvaluateResult['notApplied'][number];
type ErrorLike = { code: string; field?: string | undefined } | undefined;

/**
 * Refusals no change to the cart can undo (the code does not exist, is
 * switched off, out of date, used up, or not for this shop): such a code
 * would only ride along on every later quote, so it leaves the cart.
 * Codes refused for the cart's contents (a minimum spend, another code)
 * stay: the shopper may still fix that.
 */
const FINAL = ['unknown_code', 'disabled', 'not_started', 'expired', 'usage_limit', 'customer_usage_limit', 'currency', 'channel'];

/**
 * True when the server refused a code for good (see FINAL).
 *
 * @example
 * isFinalRefusal({ code: 'NOPE10', reason: { code: 'unknown_code', params: {} } }) // true
 */
export function isFinalRefusal(entry: Pick<Refusal, 'reason'>): boolean {
  return FINAL.includes(entry.reason.code);
}

/**
 * The server's final refusals of codes the cart holds (a code also applied
 * elsewhere in the quote is kept).
 *
 * @example
 * finalRefusals(quote, ['WELCOME10', 'NOPE10']) // [{ code: 'NOPE10', reason: { code: 'unknown_code', ... } }]
 */
export function finalRefusals(quote: EvaluateResult, codes: readonly string[]): Refusal[] {
  return quote.notApplied.filter((n) => n.code !== undefined && codes.includes(n.code) && isFinalRefusal(n) && !quote.applied.some((a) => a.code === n.code));
}

/**
 * The codes a 429 `too_many_coupon_attempts` blames: the one its field names
 * (`codes[1]`), else every code (an older server names only `codes`).
 *
 * @example
 * limitedCodes({ code: 'too_many_coupon_attempts', field: 'codes[1]' }, ['WELCOME10', 'GUESS']) // ['GUESS']
 */
export function limitedCodes(error: ErrorLike, codes: readonly string[]): string[] {
  if (error?.code !== 'too_many_coupon_attempts') return [];
  const index = /^codes\[(\d+)\]$/.exec(error.field ?? '')?.[1];
  const named = index === undefined ? undefined : codes[Number(index)];
  return named ? [named] : [...codes];
}

/**
 * The cart line a 400 `unknown_sku` names: its field is `lines[i].sku` of
 * the body built from the cart's lines, in order.
 *
 * @example
 * unsoldLine({ code: 'unknown_sku', field: 'lines[1].sku' }, cart) // cart.lines[1]
 */
export function unsoldLine(error: ErrorLike, cart: Pick<CartState, 'lines'>): CartLine | undefined {
  if (error?.code !== 'unknown_sku') return undefined;
  const index = /^lines\[(\d+)\]\.sku$/.exec(error.field ?? '')?.[1];
  return index === undefined ? undefined : cart.lines[Number(index)];
}
