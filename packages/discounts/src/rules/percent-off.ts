import { spread, sumOf } from '../allocate-lines.js';
import { percentOf } from '../rounding.js';
import type { PercentOffRule } from '../types.js';
import type { Outcome } from './outcome.js';

/** Percent of what is left on the lines (or shipping), rounded half-even once, then split by largest remainder. */
export function percentOff(rule: PercentOffRule, basisPoints: number, lines: number[], remaining: number[], shippingLeft: number): Outcome {
  const cap = rule.maxDiscount ?? Infinity;
  if (rule.appliesTo === 'shipping') return { shipping_: Math.min(cap, percentOf(shippingLeft, basisPoints)) };
  const discount = Math.min(cap, percentOf(sumOf(remaining, lines), basisPoints));
  return { lines_: lines, amounts_: spread(remaining, lines, discount) };
}
