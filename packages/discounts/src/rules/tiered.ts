import { spread, sumOf } from '../allocate-lines.js';
import { basisPoints, percentOf } from '../rounding.js';
import type { TieredRule } from '../types.js';
import type { Outcome } from './outcome.js';

/** The reached tier's amount or percent off what is left on the lines. */
export function tiered(r: TieredRule, tier: number, lines: number[], rem: number[]): Outcome {
  const t = r.tiers[tier]!;
  const left = sumOf(rem, lines);
  const d = t.amount !== undefined ? Math.min(t.amount, left) : percentOf(left, basisPoints(t.percent ?? 0));
  return { lines, amounts: spread(rem, lines, d) };
}
