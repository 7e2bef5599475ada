import type { Fail } from './threshold.js';

/** What a rule does to the cart: per-line amounts, a shipping amount, or a threshold not met. */
export type Outcome = { lines: number[]; amounts: number[] } | { shipping: number } | { fail: Fail };
