import type { RateWindow, Store } from './store/types.js';

export interface RateLimitOptions {
  /** Window length in ms. Default 10 minutes. */
  windowMs?: number;
  /** Failed coupon codes allowed per browser cart (the quote's `cartId`) per window. Default 20. */
  perCart?: number;
  /** Failed coupon codes allowed per customer email per window. Default 10. */
  perEmail?: number;
  /**
   * Failed coupon codes allowed per client IP per window, all carts behind
   * it together: a ceiling for a flood, high enough that shoppers sharing
   * one address (an office, a mobile carrier's NAT) don't lock each other
   * out. Default 200.
   */
  perIpCeiling?: number;
  /** @deprecated The name before `perIpCeiling`; still read as it when `perIpCeiling` is not given. */
  perIp?: number;
  /** Payment attempts (new checkout ids at `POST /checkout`) allowed per client IP per window. Default 60. */
  checkoutsPerIp?: number;
}

/** The coupon limits a handler runs with. */
export interface CouponLimits {
  windowMs: number;
  perCart: number;
  perEmail: number;
  perIpCeiling: number;
  checkoutsPerIp: number;
}

/**
 * Fills in the defaults, reading the old `perIp` as `perIpCeiling`.
 *
 * @example
 * couponLimits({ perIp: 50 }) // { windowMs: 600000, perCart: 20, perEmail: 10, perIpCeiling: 50, checkoutsPerIp: 60 }
 */
export function couponLimits(options: RateLimitOptions = {}): CouponLimits {
  return {
    windowMs: options.windowMs ?? 600_000,
    perCart: options.perCart ?? 20,
    perEmail: options.perEmail ?? 10,
    perIpCeiling: options.perIpCeiling ?? options.perIp ?? 200,
    checkoutsPerIp: options.checkoutsPerIp ?? 60,
  };
}

export interface RateLimiter {
  /** Seconds to wait when any key is over its limit, else 0. */
  retryAfter(keys: Array<{ key: string; limit: number }>, now: number): Promise<number>;
  /** Counts `weight` (default 1) against each key. */
  hit(keys: string[], now: number, weight?: number): Promise<void>;
  /**
   * Counts `weight` against every key in one atomic step and judges the
   * counts it produced, so parallel requests can never all pass a check made
   * before any of them was counted. Over a limit: nothing stays counted and
   * `wait` says how many seconds to wait. Within: `windows` is the ticket for
   * `giveBack`.
   */
  take(keys: Array<{ key: string; limit: number }>, now: number, weight: number): Promise<{ wait: number; windows: RateWindow[] }>;
  /** Gives back part of a `take` (what turned out not to count), in the windows it was taken from. */
  giveBack(windows: readonly RateWindow[], weight: number): Promise<void>;
}

/** Seconds until the longest window that `take` pushed over its limit ends, or 0. */
function overLimit(windows: readonly RateWindow[], keys: ReadonlyArray<{ key: string; limit: number }>, now: number, windowMs: number): number {
  // After counting, a key is over when its count passed the limit (the limit itself is allowed).
  return secondsToWait(
    windows,
    keys.map(({ key, limit }) => ({ key, limit: limit + 1 })),
    now,
    windowMs,
  );
}

/** Seconds until the longest-blocked key's window ends, or 0 when none is at its limit. */
export function secondsToWait(windows: readonly RateWindow[], keys: ReadonlyArray<{ key: string; limit: number }>, now: number, windowMs: number): number {
  let wait = 0;
  for (const { key, limit } of keys) {
    const window = windows.find((w) => w.key === key);
    if (window && now - window.start < windowMs && window.count >= limit) {
      wait = Math.max(wait, Math.ceil((window.start + windowMs - now) / 1000));
    }
  }
  return wait;
}

/**
 * Where a limiter keeps its fixed windows: `count` adds atomically and returns
 * the counts it produced, `uncount` takes back from the windows it names.
 */
interface WindowCounter {
  read(keys: string[], since: number): Promise<RateWindow[]>;
  count(keys: string[], now: number, weight: number): Promise<RateWindow[]>;
  uncount(windows: readonly RateWindow[], weight: number): Promise<void>;
}

/** The limiter's rules, the same over any counter. */
function limiterOver(counter: WindowCounter, windowMs: number): RateLimiter {
  return {
    async retryAfter(keys, now) {
      return secondsToWait(
        await counter.read(
          keys.map((k) => k.key),
          now - windowMs,
        ),
        keys,
        now,
        windowMs,
      );
    },
    async hit(keys, now, weight = 1) {
      await counter.count(keys, now, weight);
    },
    async take(keys, now, weight) {
      const taken = await counter.count(
        keys.map((k) => k.key),
        now,
        weight,
      );
      const wait = overLimit(taken, keys, now, windowMs);
      if (wait === 0) return { wait, windows: taken };
      // Refused: it was never priced, so it does not count either.
      await counter.uncount(taken, weight);
      return { wait, windows: [] };
    },
    async giveBack(taken, weight) {
      if (taken.length && weight > 0) await counter.uncount(taken, weight);
    },
  };
}

/**
 * Fixed windows in this process's memory: a flood guard each process keeps
 * for itself (used for `POST /events`, where a database round trip per
 * batch would be the cost it guards against).
 *
 * @example
 * const limiter = createRateLimiter(60_000)
 * await limiter.hit(['events:1.2.3.4'], Date.now(), 20)
 */
export function createRateLimiter(windowMs: number): RateLimiter {
  const windows = new Map<string, RateWindow>();
  let lastSweep = 0;
  const sweep = (now: number) => {
    if (now - lastSweep < windowMs) return;
    lastSweep = now;
    for (const [key, entry] of windows) if (now - entry.start >= windowMs) windows.delete(key);
  };
  return limiterOver(
    {
      async read(keys, since) {
        return keys.flatMap((key) => {
          const entry = windows.get(key);
          return entry && entry.start > since ? [{ ...entry }] : [];
        });
      },
      async count(keys, now, weight) {
        sweep(now);
        return [...new Set(keys)].map((key) => {
          let entry = windows.get(key);
          if (!entry || now - entry.start >= windowMs) {
            entry = { key, start: now, count: weight };
            windows.set(key, entry);
          } else entry.count += weight;
          return { ...entry };
        });
      },
      async uncount(taken, weight) {
        for (const { key, start } of taken) {
          const entry = windows.get(key);
          if (entry && entry.start === start) entry.count = Math.max(0, entry.count - weight);
        }
      },
    },
    windowMs,
  );
}

/** No store-backed limiter's window is longer than this (the collector's stored bytes per address use a day). */
export const LONGEST_RATE_WINDOW_MS = 24 * 60 * 60_000;

/**
 * Fixed windows in the database: every process on one PostgreSQL counts
 * against the same limit, so a guesser spread over N processes still gets
 * the limit once (used for coupon codes).
 *
 * @example
 * const limiter = storeRateLimiter(() => handler.store(), 600_000)
 */
export function storeRateLimiter(store: () => Promise<Store>, windowMs: number): RateLimiter {
  let lastSweep = 0;
  return limiterOver(
    {
      read: async (keys, since) => (await store()).rateWindows(keys, since),
      async count(keys, now, weight) {
        const db = await store();
        const windows = await db.hitRate(keys, now, windowMs, weight);
        // Old windows are dead rows; once a window per process is plenty. Limiters with
        // other window lengths share the table (coupons, console sign-ins), so only rows
        // older than the longest window any of them uses are swept.
        if (now - lastSweep >= windowMs) {
          lastSweep = now;
          await db.sweepRateWindows(now - Math.max(windowMs, LONGEST_RATE_WINDOW_MS));
        }
        return windows;
      },
      uncount: async (taken, weight) => (await store()).unhitRate(taken, weight),
    },
    windowMs,
  );
}
