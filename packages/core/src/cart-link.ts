import { DEFAULT_LIMITS } from './cart.js';
import { CartliftError } from './errors.js';
import { isSku } from './sku.js';

/** Why part of a cart link was left out. */
export type CartLinkSkip = 'invalid' | 'unknown_sku' | 'too_many_lines';

export interface CartLinkRead {
  /** The well-formed parts, in link order. */
  lines: { sku: string; quantity: number }[];
  /** The parts left out, as written in the link. */
  skipped: { part: string; reason: CartLinkSkip }[];
}

/** Parts read at most: a link is a campaign URL, never a bulk import. */
const MAX_PARTS = 1000;

/**
 * Reads a cart link's `cartlift-cart` value, `SKU:QTY,SKU:QTY` (a missing
 * quantity means 1), keeping every well-formed part and listing the others
 * (a bad sku, a quantity outside 1..maxQuantity) as skipped, so one typo in a
 * campaign link doesn't lose the rest of it.
 *
 * @example
 * readCartLink('TEA-LJ-100:2,CUP:0') // { lines: [{ sku: 'TEA-LJ-100', quantity: 2 }], skipped: [{ part: 'CUP:0', reason: 'invalid' }] }
 */
export function readCartLink(text: string, maxQuantity = DEFAULT_LIMITS.maxQuantity): CartLinkRead {
  const read: CartLinkRead = { lines: [], skipped: [] };
  for (const raw of text.split(',').slice(0, MAX_PARTS)) {
    const part = raw.trim();
    // The SKU is everything before a last ":QTY" (a SKU may hold ":" itself); a comma can't be in one here.
    const m = /^(.+?)(?::(\d{1,4}))?$/s.exec(part);
    const quantity = Number(m?.[2] ?? 1);
    if (m && isSku(m[1]) && quantity >= 1 && quantity <= maxQuantity) read.lines.push({ sku: m[1]!, quantity });
    else read.skipped.push({ part: part.slice(0, 80), reason: 'invalid' });
  }
  return read;
}

/**
 * Parses a cart link's `cartlift-cart` value strictly: anything malformed
 * throws a sentence naming `link.cart` (readCartLink keeps what it can).
 *
 * @example
 * parseCartLink('TEA-LJ-100:2,CUP-CELADON') // [{ sku: 'TEA-LJ-100', quantity: 2 }, { sku: 'CUP-CELADON', quantity: 1 }]
 */
export function parseCartLink(text: string, maxQuantity = DEFAULT_LIMITS.maxQuantity): { sku: string; quantity: number }[] {
  const { lines, skipped } = readCartLink(text, maxQuantity);
  if (skipped.length > 0 || lines.length > DEFAULT_LIMITS.maxLines) {
    throw new CartliftError(
      'invalid_cart_link',
      `link.cart must look like "SKU:QTY,SKU:QTY" with quantities from 1 to ${maxQuantity}; received ${JSON.stringify(text.slice(0, 80))}.`,
      'link.cart',
    );
  }
  return lines;
}
