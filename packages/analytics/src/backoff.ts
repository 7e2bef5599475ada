/**
 * Exponential backoff with full jitter: a uniform delay in [0, min(cap, base·2^attempt)).
 * Full jitter spreads retries from many tabs and shoppers after an outage.
 *
 * @example
 * backoffDelay(0, 1000, 60_000, () => 0.5) // 500
 * backoffDelay(3, 1000, 60_000, () => 0.5) // 4000
 */
export function backoffDelay(attempt: number, base: number, cap: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(cap, base * 2 ** attempt));
}

/**
 * Milliseconds a `Retry-After` header asks us to wait (seconds or an HTTP date); 0 when absent or unreadable.
 *
 * @example
 * retryAfterMs('2') // 2000
 * retryAfterMs('Wed, 21 Oct 2099 07:28:00 GMT', Date.now()) // ms until then
 */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number {
  if (!header) return 0;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return ms > 0 ? Math.min(ms, 3_600_000) : 0;
}
