// The bucketing of docs/analytics.md, written again here because the server
// may not import @cartlift/analytics (DESIGN.md); a test holds the two equal.

/** Number of buckets ids are spread over. */
export const BUCKETS = 10_000;

const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * FNV-1a 32-bit over the UTF-8 bytes of `text`, finished with murmur3's fmix32.
 *
 * @example
 * hash32('') // 2872998923
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
 * The bucket (0–9999) of an anonymous id within one experiment, as the browser computes it.
 *
 * @example
 * bucket('checkout-button', '00000000-0000-4000-8000-000000000000') // 6933
 */
export function bucket(key: string, id: string): number {
  return hash32(`${key}:${id}`) % BUCKETS;
}

function boundaries(key: string, variants: readonly string[], weights?: readonly number[]): number[] {
  const w = weights ?? variants.map(() => 1);
  const ok =
    Array.isArray(variants) &&
    variants.length > 0 &&
    variants.every((v) => typeof v === 'string' && v !== '') &&
    w.length === variants.length &&
    w.every((n) => Number.isSafeInteger(n) && n >= 0) &&
    w.some((n) => n > 0);
  if (!ok) {
    throw new TypeError(
      `assignVariant("${key}") needs non-empty variant names and optional whole weights (one per variant, not all 0); received ${JSON.stringify(variants)} and ${JSON.stringify(weights)}.`,
    );
  }
  const total = w.reduce((a, b) => a + b, 0);
  let sum = 0;
  return w.map((n) => Math.floor((BUCKETS * (sum += n)) / total));
}

/**
 * The variant of anonymous id `id` in experiment `key`, the same one the
 * browser plugin assigns: render the variant on the server without a flash.
 *
 * @example
 * const id = JSON.parse(cookieOrHeader).id // the shopper's anonymous_id
 * assignVariant('checkout-button', id, ['control', 'one-click'])            // 50/50
 * assignVariant('first-order-offer', id, ['none', '首单立减'], [90, 10])     // 90/10
 */
export function assignVariant(key: string, id: string, variants: readonly string[], weights?: readonly number[]): string {
  const b = bucket(key, id);
  const bounds = boundaries(key, variants, weights);
  return variants[bounds.findIndex((end) => b < end)]!;
}
