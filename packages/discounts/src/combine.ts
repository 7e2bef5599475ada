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
  const target = rule.appliesTo ?? 'order';
  return target === 'order' ? 'order' : target === 'shipping' ? 'shipping' : 'product';
}

/** The classes in evaluation order: a promotion's stage is its class's index here. */
export const CLASSES = ['product', 'order', 'shipping'] as const;

/** Defaults: combines with the other classes, not its own. */
export function combinesWith(promotion: Promotion, ownClass: PromotionClass): Record<PromotionClass, boolean> {
  const declared = { ...promotion.combinesWith };
  for (const otherClass of CLASSES) declared[otherClass] ??= otherClass !== ownClass;
  return declared as Record<PromotionClass, boolean>;
}

/** Product thresholds use the gross price; order ones default to after product discounts, shipping to after order discounts. */
export function thresholdBase(promotion: Promotion, ownClass: PromotionClass): ThresholdBase {
  if (ownClass === 'product') return 'before_discounts';
  return promotion.conditions?.thresholdBase ?? (ownClass === 'order' ? 'after_product_discounts' : 'after_order_discounts');
}

/** Total precedence: higher priority first, then id in code-unit order. */
export function byPrecedence(a: Promotion, b: Promotion): number {
  const byPriority = (b.priority ?? 0) - (a.priority ?? 0);
  return byPriority !== 0 ? byPriority : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** What deciding a conflict reads of a candidate (its compiled promotion and line positions; see context.ts). */
interface Combinable {
  promotion_: { class_: PromotionClass; combinesWith_: Record<PromotionClass, boolean>; exclusive_: boolean };
  lines_: number[];
}

/** True when two ascending lists of line positions share none. */
function disjoint(a: number[], b: number[]): boolean {
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
export function conflicts(first: Combinable, second: Combinable): boolean {
  const a = first.promotion_;
  const b = second.promotion_;
  if (a.exclusive_ || b.exclusive_) return true;
  if (a.combinesWith_[b.class_] && b.combinesWith_[a.class_]) return false;
  return !(a.class_ === 'product' && b.class_ === 'product' && disjoint(first.lines_, second.lines_));
}
