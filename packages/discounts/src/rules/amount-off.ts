import { spread, sumOf } from '../allocate-lines.js';
import type { Ctx } from '../context.js';
import type { AmountOffRule } from '../types.js';
import type { Outcome } from './outcome.js';

/** A fixed amount off once (split by largest remainder) or off every unit, never more than is left. */
export function amountOff(r: AmountOffRule, ctx: Ctx, lines: number[], rem: number[], ship: number): Outcome {
  if (r.appliesTo === 'shipping') return { shipping: Math.min(r.amount, ship) };
  if (r.perItem) return { lines, amounts: lines.map((l) => Math.min(rem[l]!, r.amount * ctx.lines[l]!.quantity)) };
  return { lines, amounts: spread(rem, lines, Math.min(r.amount, sumOf(rem, lines))) };
}
