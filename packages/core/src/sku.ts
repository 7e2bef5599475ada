/** Longest SKU, in UTF-16 code units (JavaScript's `length`), everywhere a SKU is read. */
export const SKU_MAX_LENGTH = 64;

/** What a SKU may be, as the sentence every refusal ends with ("sku must be …"). */
export const SKU_RULE = `a SKU of 1 to ${SKU_MAX_LENGTH} characters with no control characters and no space at either end`;

/**
 * The one SKU rule, shared by the browser cart, cart links, the server's
 * requests and its catalog: any printable text (real catalogs hold spaces,
 * accents, "/" and "#"), but no control characters — line keys use one to
 * join sku and variant, and they break logs and CSV exports — no whitespace
 * at either end (a copy-paste slip that would make two SKUs look alike),
 * and at most 64 characters.
 *
 * @example
 * isSku('TEA POT 1')  // true
 * isSku(' TEA')       // false
 * isSku('TEA\n')      // false
 */
export function isSku(value: unknown): value is string {
  return typeof value === 'string' && value.length <= SKU_MAX_LENGTH && /^[^\p{Cc}\s](?:[^\p{Cc}]*[^\p{Cc}\s])?$/u.test(value);
}
