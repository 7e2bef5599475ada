import { spread, sum, unitsOf } from '../allocate-lines.js';
import type { EvaluationContext } from '../context.js';
import type { CompiledPromotion } from '../promotion-index.js';
import { percentOf } from '../rounding.js';
import { matches } from '../selector.js';
import type { BuyXGetYRule } from '../types.js';
import type { Outcome } from './outcome.js';

/** Reward units taken from the cheapest reward lines first: [line, units][]. */
function cheapest(context: EvaluationContext, rewardLines: number[], units: number): [number, number][] {
  const unitPrice = (line: number) => context.lines_[line]!.unitPrice;
  const sorted = [...rewardLines].sort((a, b) => unitPrice(a) - unitPrice(b) || a - b);
  const taken: [number, number][] = [];
  for (const line of sorted) {
    if (units <= 0) break;
    const take = Math.min(units, context.lines_[line]!.quantity);
    if (take > 0) taken.push([line, take]);
    units -= take;
  }
  return taken;
}

/**
 * Buy X get Y: the most applications `k` (up to maxApplications) such that the
 * k*Y cheapest reward units leave k*X buy units. Rewards are `get.percent` (100
 * = free) off their unit price, rounded once, split over the reward lines.
 */
export function buyXGetY(rule: BuyXGetYRule, promotion: CompiledPromotion, context: EvaluationContext, lines: number[], remaining: number[]): Outcome {
  const buyLines = lines.filter((line) => matches(promotion.scope_, context.lines_[line]!));
  const rewardLines = lines.filter((line) => matches(promotion.rewardScope_, context.lines_[line]!));
  const buyUnits = unitsOf(context.lines_, buyLines);
  const rewardUnits = unitsOf(context.lines_, rewardLines);
  const buyQuantity = rule.buy.quantity;
  const getQuantity = rule.get.quantity;
  const applications = mostApplications(rule, buyUnits, rewardUnits, (times) => {
    // A reward unit that is also a buy unit can't count as both.
    const rewardsBought = cheapest(context, rewardLines, times * getQuantity).reduce(
      (total, [line, units]) => total + (buyLines.includes(line) ? units : 0),
      0,
    );
    return buyUnits - rewardsBought >= times * buyQuantity;
  });
  if (applications === 0) {
    const sameLines = !(rule.get.skus?.length || rule.get.tags?.length);
    const missing = sameLines ? buyQuantity + getQuantity - buyUnits : buyUnits < buyQuantity ? buyQuantity - buyUnits : getQuantity - rewardUnits;
    return { shortfall_: { kind_: 'items', required_: buyUnits + Math.max(1, missing), current_: buyUnits, tier_: 0 } };
  }
  const rewards = cheapest(context, rewardLines, applications * getQuantity);
  const lineCaps = rewards.map(([line, units]) => Math.min(remaining[line]!, units * context.lines_[line]!.unitPrice));
  const rewardsPrice = rewards.reduce((total, [line, units]) => total + units * context.lines_[line]!.unitPrice, 0);
  const capTotal = sum(lineCaps);
  const discount = Math.min(percentOf(rewardsPrice, promotion.basisPoints_), capTotal);
  const rewardedLines = rewards.map(([line]) => line);
  return { lines_: rewardedLines, amounts_: capTotal === 0 ? rewardedLines.map(() => 0) : spread(remaining, rewardedLines, discount, lineCaps) };
}

/** The largest number of applications that `fits`, by binary search: fitting only gets harder as the number grows. */
function mostApplications(rule: BuyXGetYRule, buyUnits: number, rewardUnits: number, fits: (times: number) => boolean): number {
  let low = 0;
  let high = Math.min(rule.maxApplications ?? Infinity, Math.floor(buyUnits / rule.buy.quantity), Math.floor(rewardUnits / rule.get.quantity));
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}
