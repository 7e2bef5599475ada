import { toDecimalString } from '@cartlift/core';

/**
 * Minor units to a major-unit number for tools that only take numbers (GA4,
 * Segment), through the exact decimal string; undefined when not money.
 *
 * @example
 * major(1999, 'USD') // 19.99
 * major(1500, 'JPY') // 1500
 */
export function major(amount: unknown, currency: string): number | undefined {
  try {
    return Number(toDecimalString({ amount: amount as number, currency }));
  } catch {
    return undefined;
  }
}
