import { spread, sumOf } from '../allocate-lines.js';
import type { EveryRule } from '../types.js';
import type { Outcome } from './outcome.js';

/** 每满减: `n` full multiples reached give `n * amount`, capped, never more than is left. */
export function every(r: EveryRule, n: number, lines: number[], rem: number[]): Outcome {
  const d = Math.min(n * r.amount, r.maxDiscount ?? Infinity, sumOf(rem, lines));
  return { lines, amounts: spread(rem, lines, d) };
}
