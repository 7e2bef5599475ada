import { spread, sumOf } from '../allocate-lines.js';
import { percentOf } from '../rounding.js';
import type { PercentOffRule } from '../types.js';
import type { Outcome } from './outcome.js';

/** Percent of what is left on the lines (or shipping), rounded half-even once, then split by largest remainder. */
export function percentOff(r: PercentOffRule, bp: number, lines: number[], rem: number[], ship: number): Outcome {
  const cap = r.maxDiscount ?? Infinity;
  if (r.appliesTo === 'shipping') return { shipping: Math.min(cap, percentOf(ship, bp)) };
  const d = Math.min(cap, percentOf(sumOf(rem, lines), bp));
  return { lines, amounts: spread(rem, lines, d) };
}
