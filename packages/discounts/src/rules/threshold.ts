import type { Promotion } from '../types.js';

/**
 * A threshold not met: `required_` of spend (or items) against `current_`;
 * `tier_` names the reward it would unlock. Internal, like every `_` property:
 * the build shortens them (packages/discounts/build/internal-props.mjs).
 */
export interface Shortfall {
  kind_: 'spend' | 'items';
  required_: number;
  current_: number;
  tier_: number;
}

/** Thresholds met (the `tier_` reached, `multiples_` of an "every" rule reached), or the shortfall. */
export type ThresholdCheck = { met_: true; tier_: number; multiples_: number } | { met_: false; shortfall_: Shortfall };

const spendShortfall = (required: number, current: number, tier = 0): Shortfall => ({ kind_: 'spend', required_: required, current_: current, tier_: tier });

const short = (required: number, base: number): ThresholdCheck => ({ met_: false, shortfall_: spendShortfall(required, base) });

/**
 * Checks a promotion's spend thresholds (minSubtotal, tiers, "every") against
 * `base`. The base never includes the promotion's own discount, so applying it
 * cannot push the cart back under its own threshold.
 */
export function checkThresholds(promotion: Promotion, base: number): ThresholdCheck {
  const minSubtotal = promotion.conditions?.minSubtotal;
  if (minSubtotal !== undefined && base < minSubtotal) return short(minSubtotal, base);
  const rule = promotion.rule;
  if (rule.type === 'tiered') {
    // Tiers ascend by spend (the schema checks), so the last one reached is the highest.
    const reached = rule.tiers.findLastIndex((tier) => tier.spend <= base);
    if (reached < 0) return short(rule.tiers[0]!.spend, base);
    return { met_: true, tier_: reached, multiples_: 1 };
  }
  if (rule.type === 'every') {
    const multiples = Math.floor(base / rule.every);
    if (multiples === 0) return short(rule.every, base);
    return { met_: true, tier_: 0, multiples_: multiples };
  }
  return { met_: true, tier_: 0, multiples_: 1 };
}

/** The next tier (or next multiple of an "every" rule) above `base`, if any is left to reach. */
export function nextStep(promotion: Promotion, base: number): Shortfall | undefined {
  const check = checkThresholds(promotion, base);
  if (!check.met_) return undefined;
  const rule = promotion.rule;
  if (rule.type === 'tiered') {
    const next = rule.tiers[check.tier_ + 1];
    return next && spendShortfall(next.spend, base, check.tier_ + 1);
  }
  const nextMultiple = check.multiples_ + 1;
  if (rule.type === 'every' && nextMultiple * rule.amount <= (rule.maxDiscount ?? Infinity)) {
    return spendShortfall(nextMultiple * rule.every, base);
  }
  return undefined;
}

/**
 * True when `base` values `low` and `high` can give different threshold
 * outcomes (a boundary lies in (low, high]), so discounts before this
 * promotion matter.
 */
export function boundaryBetween(promotion: Promotion, low: number, high: number): boolean {
  const inside = (boundary: number) => low < boundary && boundary <= high;
  const rule = promotion.rule;
  const minSubtotal = promotion.conditions?.minSubtotal;
  if (minSubtotal !== undefined && inside(minSubtotal)) return true;
  if (rule.type === 'tiered') return rule.tiers.some((tier) => inside(tier.spend));
  if (rule.type === 'every') return Math.floor(low / rule.every) !== Math.floor(high / rule.every);
  return false;
}
