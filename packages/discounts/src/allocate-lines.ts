import { allocate } from '@cartlift/core';
import type { CartLineInput } from './types.js';

/**
 * Splits `amount` over `lines` by largest remainder, in proportion to
 * `weights` (default: what is left on each line). The caller keeps `amount`
 * within the sum of what is left, and each weight within its line, so no line
 * goes below zero and the parts always add up to `amount`.
 */
export function spread(remaining: readonly number[], lines: readonly number[], amount: number, weights?: number[]): number[] {
  if (amount === 0) return lines.map(() => 0);
  return allocate(amount, weights ?? lines.map((line) => remaining[line]!));
}

/** The sum of `amounts` over `lines` (line positions): what is left on them, or their gross. */
export function sumOf(amounts: readonly number[], lines: readonly number[]): number {
  let total = 0;
  for (const line of lines) total += amounts[line]!;
  return total;
}

/** Units (quantities) on `lines`. */
export function unitsOf(cart: readonly CartLineInput[], lines: readonly number[]): number {
  let units = 0;
  for (const line of lines) units += cart[line]!.quantity;
  return units;
}

/** The sum of `amounts`. */
export function sum(amounts: readonly number[]): number {
  let total = 0;
  for (const amount of amounts) total += amount;
  return total;
}
