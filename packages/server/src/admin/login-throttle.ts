import { HttpError } from '../http/errors.js';
import type { RateLimiter } from '../rate-limit.js';
import type { RateWindow } from '../store/types.js';

/** Sign-in attempts are counted in windows of this length. */
export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Failed sign-ins allowed per account per window: enough for typos, far too few to guess a password. */
export const LOGIN_FAILURES_PER_ACCOUNT = 5;
/** Failed sign-ins allowed per client address per window, all accounts together (one guesser trying many emails). */
export const LOGIN_FAILURES_PER_ADDRESS = 20;

/**
 * Counts a sign-in attempt against its account and its address before the
 * password is checked, in one atomic step (so a parallel burst cannot all
 * pass a check made before any of it was counted), and refuses with 429
 * `too_many_logins` and Retry-After when that passes a limit. Returns the
 * windows to give back when the attempt succeeds: only failures count.
 *
 * @example
 * const ticket = await countLoginAttempt(limiter, 'li.wei@example.com', '203.0.113.7', Date.now())
 * if (ok) await limiter.giveBack(ticket, 1)
 */
export async function countLoginAttempt(limiter: RateLimiter, email: string, address: string, now: number): Promise<RateWindow[]> {
  const { wait, windows } = await limiter.take(
    [
      { key: `admin-login:account:${email}`, limit: LOGIN_FAILURES_PER_ACCOUNT },
      { key: `admin-login:address:${address}`, limit: LOGIN_FAILURES_PER_ADDRESS },
    ],
    now,
    1,
  );
  if (wait > 0) {
    throw new HttpError(
      429,
      'too_many_logins',
      `Too many failed sign-ins for this account or from this address; wait ${wait} seconds and try again.`,
      undefined,
      { 'retry-after': String(wait) },
    );
  }
  return windows;
}
