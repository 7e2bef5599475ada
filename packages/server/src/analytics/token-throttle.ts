import { HttpError } from '../http/errors.js';
import { storeRateLimiter, type RateLimiter } from '../rate-limit.js';
import type { RateWindow, Store } from '../store/types.js';

/** Report-token attempts are counted in windows of this length. */
export const REPORT_TOKEN_WINDOW_MS = 60_000;
/** Wrong report tokens allowed per client address per window: plenty for typos, hopeless for guessing. */
export const REPORT_TOKEN_FAILURES_PER_ADDRESS = 10;

/**
 * The limiter report tokens are counted with: in the store, so a guesser
 * spread over N processes still gets the allowance once.
 *
 * @example
 * const limiter = reportTokenLimiter(ctx.store)
 */
export function reportTokenLimiter(store: () => Promise<Store>): RateLimiter {
  return storeRateLimiter(store, REPORT_TOKEN_WINDOW_MS);
}

/**
 * Counts a presented report token against its address before it is
 * compared, in one atomic step (a parallel burst cannot all pass a check
 * made before any of it was counted), and refuses with 429
 * `too_many_token_attempts` and Retry-After when that passes the limit:
 * the right token too, so the answer never tells a guesser it found it.
 * Returns the windows to give back when the token is right: only wrong
 * tokens count.
 *
 * @example
 * const ticket = await countTokenAttempt(limiter, '203.0.113.7', Date.now())
 * if (right) await limiter.giveBack(ticket, 1)
 */
export async function countTokenAttempt(limiter: RateLimiter, address: string, now: number): Promise<RateWindow[]> {
  const { wait, windows } = await limiter.take([{ key: `report-token:address:${address}`, limit: REPORT_TOKEN_FAILURES_PER_ADDRESS }], now, 1);
  if (wait > 0) {
    throw new HttpError(
      429,
      'too_many_token_attempts',
      `Too many wrong report tokens from this address; wait ${wait} seconds and try again.`,
      'authorization',
      { 'retry-after': String(wait) },
    );
  }
  return windows;
}
