import { isCurrency } from './currencies.js';
import type { CartLimits, CartState } from './cart.js';
import { DEFAULT_LIMITS } from './cart.js';

const optional = (v: unknown, type: string) => v === undefined || typeof v === type;

/**
 * True when data read back from storage or another tab is a well-formed cart.
 * Hand-written rather than zod/mini: this runs in the first script-tag chunk,
 * where zod/mini alone would spend half of the 10 KB budget.
 *
 * @example
 * if (!isCartState(await storage.get('cart'))) startFresh();
 */
export function isCartState(value: unknown, limits: CartLimits = DEFAULT_LIMITS): value is CartState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' || !isCurrency(v.currency) || !Number.isSafeInteger(v.rev) || !Array.isArray(v.lines)) return false;
  const codesOk = v.codes === undefined || (Array.isArray(v.codes) && v.codes.every((c) => typeof c === 'string'));
  return codesOk && v.lines.length <= limits.maxLines && v.lines.every((l) => isLine(l, limits));
}

function isLine(value: unknown, limits: CartLimits): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const l = value as Record<string, unknown>;
  return (
    typeof l.key === 'string' &&
    typeof l.sku === 'string' &&
    Number.isInteger(l.quantity) &&
    (l.quantity as number) >= 1 &&
    (l.quantity as number) <= limits.maxQuantity &&
    optional(l.variant, 'string') &&
    optional(l.name, 'string') &&
    optional(l.image, 'string') &&
    optional(l.parent, 'string') &&
    (l.price === undefined || (Number.isSafeInteger(l.price) && (l.price as number) >= 0))
  );
}
