// A/B bucketing, in core because it runs anywhere: the analytics plugin in the
// browser and the server assign the same variant to the same anonymous id by
// calling this one function.
import { CartliftError, describe as describeValue } from './errors.js';

/** Number of buckets ids are spread over. */
export const BUCKETS = 10_000;

const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * FNV-1a 32-bit over the UTF-8 bytes of `text`, finished with murmur3's fmix32
 * so that similar inputs ("user-1", "user-2") still land far apart.
 *
 * @example
 * hash32('checkout-button:3f1c…') // 2907471893
 */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of encoder.encode(text)) h = Math.imul(h ^ byte, 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The bucket (0–9999) of an anonymous id within one experiment.
 *
 * @example
 * bucket('checkout-button', '6f9619ff-8b86-4d01-b42d-00cf4fc964ff') // 0 ≤ n < 10000, always the same n
 */
export function bucket(key: string, id: string): number {
  return hash32(`${key}:${id}`) % BUCKETS;
}

/**
 * Checks variants and weights, returning the cumulative bucket boundaries:
 * variant i owns buckets [boundary[i-1], boundary[i]).
 */
function boundaries(key: string, variants: readonly string[], weights?: readonly number[]): number[] {
  const w = weights ?? variants.map(() => 1);
  if (
    !Array.isArray(variants) ||
    variants.some((v) => typeof v !== 'string' || v === '') ||
    w.length !== variants.length ||
    w.some((n) => !Number.isSafeInteger(n) || n < 0) ||
    !w.some((n) => n > 0)
  ) {
    throw new CartliftError(
      'invalid_experiment',
      `experiment "${key}" needs non-empty variant names and optional whole weights (one per variant, not all 0); received ${describeValue(variants)} and ${describeValue(weights)}.`,
      'variants',
    );
  }
  const total = w.reduce((a, b) => a + b, 0);
  // Each variant's upper boundary: the weights so far, scaled to the buckets.
  let sum = 0;
  return w.map((n) => {
    sum += n;
    return Math.floor((BUCKETS * sum) / total);
  });
}

/**
 * The variant of `id` in experiment `key`: the id's bucket picks a variant in
 * proportion to the integer `weights` (equal when omitted).
 *
 * @example
 * assignVariant('checkout-button', anonymousId, ['control', 'one-click'])           // 50/50
 * assignVariant('first-order-offer', anonymousId, ['none', '10-off'], [90, 10])     // 90/10
 */
export function assignVariant(key: string, id: string, variants: readonly string[], weights?: readonly number[]): string {
  const b = bucket(key, id);
  const bounds = boundaries(key, variants, weights);
  return variants[bounds.findIndex((end) => b < end)]!;
}
