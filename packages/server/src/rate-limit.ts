export interface RateLimitOptions {
  /** Window length in ms. Default 10 minutes. */
  windowMs?: number;
  /** Failed coupon codes allowed per client IP per window. Default 20. */
  perIp?: number;
  /** Failed coupon codes allowed per customer email per window. Default 10. */
  perEmail?: number;
}

export interface RateLimiter {
  /** Seconds to wait when any key is over its limit, else 0. */
  retryAfter(keys: Array<{ key: string; limit: number }>, now: number): number;
  /** Counts `weight` (default 1) against each key. */
  hit(keys: string[], now: number, weight?: number): void;
}

/**
 * A fixed-window counter in process memory. It slows code guessing per
 * process; behind several processes each keeps its own window (documented in
 * docs/server.md), which still bounds guessing to processes x limit.
 *
 * @example
 * const limiter = createRateLimiter(600_000)
 * limiter.hit(['ip:1.2.3.4'], Date.now())
 */
export function createRateLimiter(windowMs: number): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = 0;
  const sweep = (now: number) => {
    if (now - lastSweep < windowMs) return;
    lastSweep = now;
    for (const [key, entry] of windows) if (now - entry.start >= windowMs) windows.delete(key);
  };
  return {
    retryAfter(keys, now) {
      let wait = 0;
      for (const { key, limit } of keys) {
        const entry = windows.get(key);
        if (entry && now - entry.start < windowMs && entry.count >= limit) {
          wait = Math.max(wait, Math.ceil((entry.start + windowMs - now) / 1000));
        }
      }
      return wait;
    },
    hit(keys, now, weight = 1) {
      sweep(now);
      for (const key of keys) {
        const entry = windows.get(key);
        if (!entry || now - entry.start >= windowMs) windows.set(key, { start: now, count: weight });
        else entry.count += weight;
      }
    },
  };
}
