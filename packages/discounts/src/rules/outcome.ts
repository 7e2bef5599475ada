import type { Shortfall } from './threshold.js';

/**
 * What a rule does to the cart: amounts off line positions, an amount off
 * shipping, or a threshold not met. Internal: `_` properties are shortened by the build.
 */
export type Outcome = { lines_: number[]; amounts_: number[] } | { shipping_: number } | { shortfall_: Shortfall };
