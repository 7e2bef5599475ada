import { spread, sumOf } from '../allocate-lines.js';
import type { EveryRule } from '../types.js';
import type { Outcome } from './outcome.js';

/** 每满减: `multiples` full multiples reached give `multiples * amount`, capped, never more than is left. */
export function every(rule: EveryRule, multiples: number, lines: number[], remaining: number[]): Outcome {
  const discount = Math.min(multiples * rule.amount, rule.maxDiscount ?? Infinity, sumOf(remaining, lines));
  return { lines_: lines, amounts_: spread(remaining, lines, discount) };
}
