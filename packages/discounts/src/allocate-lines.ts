import { allocate } from '@cartlift/core';
import type { CartLineInput } from './types.js';

/**
 * Splits `amount` over `lines` by largest remainder, in proportion to
 * `weights` (default: what is left on each line). The caller keeps `amount`
 * within the sum of what is left, and each weight within its line, so no line
 * goes below zero and the parts always add up to `amount`.
 */
export function spread(rem: readonly number[], lines: readonly number[], amount: number, weights?: number[]): number[] {
  if (amount === 0) return lines.map(() => 0);
  return allocate(amount, weights ?? lines.map((l) => rem[l]!));
}

/** What is left on `lines`. */
export function sumOf(rem: readonly number[], lines: readonly number[]): number {
  let s = 0;
  for (const l of lines) s += rem[l]!;
  return s;
}

/** Units (quantities) on `lines`. */
export function unitsOf(cart: readonly CartLineInput[], lines: readonly number[]): number {
  let s = 0;
  for (const l of lines) s += cart[l]!.quantity;
  return s;
}

/** The sum of `xs`. */
export function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
