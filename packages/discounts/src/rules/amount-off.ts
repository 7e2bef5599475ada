import { spread, sumOf } from '../allocate-lines.js';
import type { EvaluationContext } from '../context.js';
import type { AmountOffRule } from '../types.js';
import type { Outcome } from './outcome.js';

/** A fixed amount off once (split by largest remainder) or off every unit, never more than is left. */
export function amountOff(rule: AmountOffRule, context: EvaluationContext, lines: number[], remaining: number[], shippingLeft: number): Outcome {
  if (rule.appliesTo === 'shipping') return { shipping_: Math.min(rule.amount, shippingLeft) };
  if (rule.perItem) return { lines_: lines, amounts_: lines.map((line) => Math.min(remaining[line]!, rule.amount * context.lines_[line]!.quantity)) };
  return { lines_: lines, amounts_: spread(remaining, lines, Math.min(rule.amount, sumOf(remaining, lines))) };
}
