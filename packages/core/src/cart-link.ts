import { DEFAULT_LIMITS } from './cart';
import { CartliftError } from './errors';

/**
 * Parses a cart link's `cartlift-cart` value, `SKU:QTY,SKU:QTY` (a missing
 * quantity means 1). The browser and the server read links with this one
 * function; anything malformed throws a sentence naming `link.cart`.
 *
 * @example
 * parseCartLink('TEA-LJ-100:2,CUP-CELADON') // [{ sku: 'TEA-LJ-100', quantity: 2 }, { sku: 'CUP-CELADON', quantity: 1 }]
 */
export function parseCartLink(text: string, maxQuantity = DEFAULT_LIMITS.maxQuantity): { sku: string; quantity: number }[] {
  const parts = text.split(',').map((part) => /^([\w.:-]{1,64}?)(?::(\d{1,4}))?$/.exec(part.trim()));
  const lines = parts.map((m) => m && { sku: m[1]!, quantity: Number(m[2] ?? 1) });
  if (lines.length > DEFAULT_LIMITS.maxLines || lines.some((l) => !l || l.quantity < 1 || l.quantity > maxQuantity)) {
    throw new CartliftError(
      'invalid_cart_link',
      `link.cart must look like "SKU:QTY,SKU:QTY" with quantities from 1 to ${maxQuantity}; received ${JSON.stringify(text.slice(0, 80))}.`,
      'link.cart',
    );
  }
  return lines as { sku: string; quantity: number }[];
}
