import type { Promotion, PromotionClass, Rule, ThresholdBase } from './types.js';

/**
 * The class a promotion's rule puts it in: shipping when it targets shipping,
 * product when it targets items (or is buy-x-get-y), order otherwise.
 *
 * @example
 * promotionClass({ type: 'percent_off', percent: 10 }) // "order"
 */
export function promotionClass(rule: Rule): PromotionClass {
  if (rule.type === 'buy_x_get_y') return 'product';
  const to = rule.appliesTo ?? 'order';
  return to === 'order' ? 'order' : to === 'shipping' ? 'shipping' : 'product';
}

/** The classes in evaluation order: a promotion's stage is its class's index here. */
export const CLASSES = ['product', 'order', 'shipping'] as const;

/** Defaults: combines with the other classes, not its own. */
export function combinesWith(p: Promotion, cls: PromotionClass): Record<PromotionClass, boolean> {
  const out = { ...p.combinesWith };
  for (const k of CLASSES) out[k] ??= k !== cls;
  return out as Record<PromotionClass, boolean>;
}

/** Product thresholds use the gross price; order ones default to after product discounts, shipping to after order discounts. */
export function thresholdBase(p: Promotion, cls: PromotionClass): ThresholdBase {
  if (cls === 'product') return 'before_discounts';
  return p.conditions?.thresholdBase ?? (cls === 'order' ? 'after_product_discounts' : 'after_order_discounts');
}

/** Total precedence: higher priority first, then id in code-unit order. */
export function byPrecedence(a: Promotion, b: Promotion): number {
  const d = (b.priority ?? 0) - (a.priority ?? 0);
  return d !== 0 ? d : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

interface Combinable {
  c: { cls: PromotionClass; cw: Record<PromotionClass, boolean>; exclusive: boolean };
  lines: number[];
}

function disjoint(a: number[], b: number[]): boolean {
  // Both sorted ascending.
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) return false;
    if (a[i]! < b[j]!) i++;
    else j++;
  }
  return true;
}

/**
 * True when two promotions may not apply together: either is exclusive, or
 * either does not combine with the other's class. Product promotions on
 * different lines never get in each other's way.
 */
export function conflicts({ c: a, lines: la }: Combinable, { c: b, lines: lb }: Combinable): boolean {
  if (a.exclusive || b.exclusive) return true;
  if (a.cw[b.cls] && b.cw[a.cls]) return false;
  return !(a.cls === 'product' && b.cls === 'product' && disjoint(la, lb));
}
