// The bounds and patterns both sides of the wire enforce, written once: the
// browser cart checks them before a request, the server's schemas check them
// again on arrival (never trusting the browser), with the same sentences.

export { SKU_MAX_LENGTH, SKU_RULE, isSku } from '../sku.js';

/** A cart's bounds: the browser cart's, and the server's request limits by default. */
export interface CartLimits {
  readonly maxQuantity: number;
  readonly maxLines: number;
}

/** 999 of a line, 100 lines: the cart's bounds unless the server's `/config` says otherwise. */
export const DEFAULT_LIMITS: CartLimits = { maxQuantity: 999, maxLines: 100 };

/** Most coupon codes a cart keeps (the newest replaces the oldest beyond it), and a request carries. */
export const MAX_CODES = 5;

/** Longest variant, in UTF-16 code units. */
export const VARIANT_MAX_LENGTH = 64;

/** Longest coupon code a shopper may type. */
export const CODE_MAX_LENGTH = 64;

/** What a typed coupon code may be, as the sentence a refusal ends with ("code must be …"). */
export const CODE_RULE = `a coupon code of 1 to ${CODE_MAX_LENGTH} letters, digits, "-" or "_"`;

/**
 * The one coupon-code rule of the cart and the server's requests (after
 * trimming and upper-casing). Codes a marketer defines are a stricter subset.
 *
 * @example
 * isCouponCode('WELCOME10') // true
 * isCouponCode('10% OFF')   // false
 */
export function isCouponCode(value: unknown): value is string {
  return typeof value === 'string' && value.length <= CODE_MAX_LENGTH && /^[\w-]+$/u.test(value);
}

/** A cart id or checkout id: what the browser sends (a UUID) fits, and nothing that could break a log line. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;
