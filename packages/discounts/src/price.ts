import { sum } from './allocate-lines.js';
import type { Candidate, EvaluationContext } from './context.js';
import { amountOff } from './rules/amount-off.js';
import { buyXGetY } from './rules/buy-x-get-y.js';
import { every } from './rules/every.js';
import type { Outcome } from './rules/outcome.js';
import { percentOff } from './rules/percent-off.js';
import { checkThresholds, type Shortfall } from './rules/threshold.js';
import { tiered } from './rules/tiered.js';
import type { Allocation } from './types.js';

/** One combination, priced. Arrays run parallel to the combination. Internal: `_` properties are shortened by the build. */
export interface Priced {
  savings_: number;
  amounts_: number[];
  /** The amount each threshold was read on. */
  bases_: number[];
  shortfalls_: (Shortfall | undefined)[];
  /** What is left on each line. */
  remaining_: number[];
  shippingLeft_: number;
  /** Per line, what each promotion took off it; only when asked for. */
  allocations_: Allocation[][] | undefined;
}

function outcomeOf(candidate: Candidate, context: EvaluationContext, remaining: number[], shippingLeft: number, base: number): Outcome {
  const promotion = candidate.promotion_;
  const rule = promotion.definition_.rule;
  const check = checkThresholds(promotion.definition_, base);
  if (!check.met_) return { shortfall_: check.shortfall_ };
  switch (rule.type) {
    case 'percent_off':
      return percentOff(rule, promotion.basisPoints_, candidate.lines_, remaining, shippingLeft);
    case 'amount_off':
      return amountOff(rule, context, candidate.lines_, remaining, shippingLeft);
    case 'tiered':
      return tiered(rule, check.tier_, candidate.lines_, remaining);
    case 'every':
      return every(rule, check.multiples_, candidate.lines_, remaining);
    default:
      return buyXGetY(rule, promotion, context, candidate.lines_, remaining);
  }
}

/**
 * The amount a candidate's threshold reads, on its declared base: the gross
 * of its lines, or what was left once the product (or order) stage was done.
 * `afterProduct` and `afterOrder` are -1 until their stage is done.
 */
function baseOf(candidate: Candidate, afterProduct: number, afterOrder: number): number {
  const base = candidate.promotion_.thresholdBase_;
  if (base === 'before_discounts') return candidate.gross_;
  if (base === 'after_order_discounts' && candidate.stage_ > 1) return afterOrder;
  return afterProduct < 0 ? candidate.gross_ : afterProduct;
}

/**
 * Applies a combination (sorted by class stage, then precedence): product
 * discounts, then order discounts, then shipping, each on what the earlier ones
 * left. Each threshold is read on its declared base, fixed before its stage.
 */
export function price(context: EvaluationContext, combination: readonly Candidate[], withAllocations = false): Priced {
  const remaining = context.grossByLine_.slice();
  let shippingLeft = context.shipping_;
  const allocations = withAllocations ? context.grossByLine_.map((): Allocation[] => []) : undefined;
  const amounts: number[] = [];
  const bases: number[] = [];
  const shortfalls: (Shortfall | undefined)[] = [];
  let afterProduct = -1;
  let afterOrder = -1;
  for (const candidate of combination) {
    if (candidate.stage_ > 0 && afterProduct < 0) afterProduct = sum(remaining);
    if (candidate.stage_ > 1 && afterOrder < 0) afterOrder = sum(remaining);
    const base = baseOf(candidate, afterProduct, afterOrder);
    const outcome = outcomeOf(candidate, context, remaining, shippingLeft, base);
    let amount = 0;
    if ('shortfall_' in outcome) shortfalls.push(outcome.shortfall_);
    else {
      shortfalls.push(undefined);
      if ('shipping_' in outcome) {
        amount = outcome.shipping_;
        shippingLeft -= amount;
      } else {
        outcome.lines_.forEach((line, index) => {
          const lineAmount = outcome.amounts_[index]!;
          remaining[line]! -= lineAmount;
          amount += lineAmount;
          if (allocations && lineAmount > 0) allocations[line]!.push({ promotionId: candidate.promotion_.id_, amount: lineAmount });
        });
      }
    }
    amounts.push(amount);
    bases.push(base);
  }
  return {
    savings_: sum(amounts),
    amounts_: amounts,
    bases_: bases,
    shortfalls_: shortfalls,
    remaining_: remaining,
    shippingLeft_: shippingLeft,
    allocations_: allocations,
  };
}
