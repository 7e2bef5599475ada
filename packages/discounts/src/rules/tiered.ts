import { spread, sumOf } from '../allocate-lines.js';
import { percentOf, toBasisPoints } from '../rounding.js';
import type { TieredRule } from '../types.js';
import type { Outcome } from './outcome.js';

/** The reached tier's amount or percent off what is left on the lines. */
export function tiered(rule: TieredRule, reached: number, lines: number[], remaining: number[]): Outcome {
  const tier = rule.tiers[reached]!;
  const left = sumOf(remaining, lines);
  const discount = tier.amount !== undefined ? Math.min(tier.amount, left) : percentOf(left, toBasisPoints(tier.percent ?? 0));
  return { lines_: lines, amounts_: spread(remaining, lines, discount) };
}
