import type { RateLimiter } from '../rate-limit.js';
import type { RateWindow } from '../store/types.js';

/** How stale a process's view of an address's stored bytes may get before it asks the store again. */
export const BYTE_BUDGET_SYNC_MS = 1000;

interface AddressBytes {
  /** The address's bytes in its window as the store last said (every process's). */
  stored: number;
  /** Bytes this process accepted since then, not yet counted in the store. */
  pending: number;
  /** When the oldest pending byte came: it is added to the window of that time, not of the flush. */
  pendingAt: number;
  window: RateWindow | null;
  syncedAt: number;
}

/** Bytes stored per address per window, counted in the store a second late at most. */
export interface ByteBudget {
  /** Counts `bytes` for `key` and answers 0, or answers the seconds to wait when they would pass `limit`. */
  take(key: string, limit: number, bytes: number, now: number): Promise<number>;
  /** Takes back bytes that were not stored after all (duplicates). */
  giveBack(key: string, bytes: number): void;
}

/**
 * A per-address byte budget over the store's shared windows, without a
 * database round trip per request: each process counts what it accepts
 * locally and adds it to the store (learning the other processes' totals) at
 * most once a second per address. The cap can be passed by what the other processes accepted
 * within that second, which is what this saves: the collector's own rate.
 *
 * @example
 * const budget = byteBudget(storeRateLimiter(ctx.store, DAY_MS), DAY_MS);
 * const wait = await budget.take(`event-bytes:${address}`, 16 * 2 ** 20, 4200, Date.now());
 */
export function byteBudget(limiter: RateLimiter, windowMs: number): ByteBudget {
  const addresses = new Map<string, AddressBytes>();
  const syncing = new Map<string, Promise<void>>();

  async function flush(key: string, entry: AddressBytes, now: number): Promise<void> {
    const flushing = entry.pending;
    const at = flushing > 0 ? entry.pendingAt : now;
    entry.pending -= flushing;
    entry.pendingAt = now;
    try {
      // An unlimited take adds what was pending and answers the window's total, every process's.
      const { windows } = await limiter.take([{ key, limit: Number.MAX_SAFE_INTEGER }], at, flushing);
      const window = windows.find((candidate) => candidate.key === key) ?? null;
      entry.stored = window && now - window.start < windowMs ? window.count : 0;
      entry.window = window;
      entry.syncedAt = now;
    } catch (error) {
      entry.pending += flushing;
      entry.pendingAt = at;
      throw error;
    }
  }

  /** One sync per address at a time: requests arriving meanwhile wait for it instead of adding the same bytes twice. */
  function sync(key: string, entry: AddressBytes, now: number): Promise<void> {
    let running = syncing.get(key);
    if (!running) {
      running = flush(key, entry, now).finally(() => syncing.delete(key));
      syncing.set(key, running);
    }
    return running;
  }

  function entryOf(key: string): AddressBytes {
    let entry = addresses.get(key);
    if (!entry) {
      // Addresses that stopped sending are forgotten once their bytes are in the store.
      if (addresses.size >= 10_000) for (const [other, state] of addresses) if (state.pending === 0) addresses.delete(other);
      entry = { stored: 0, pending: 0, pendingAt: 0, window: null, syncedAt: Number.NEGATIVE_INFINITY };
      addresses.set(key, entry);
    }
    return entry;
  }

  const over = (entry: AddressBytes, limit: number, bytes: number) => entry.stored + entry.pending + bytes > limit;
  const waitOf = (entry: AddressBytes, now: number) =>
    entry.window ? Math.max(1, Math.ceil((entry.window.start + windowMs - now) / 1000)) : Math.ceil(windowMs / 1000);

  return {
    async take(key, limit, bytes, now) {
      const entry = entryOf(key);
      if (now - entry.syncedAt >= BYTE_BUDGET_SYNC_MS) await sync(key, entry, now);
      if (over(entry, limit, bytes)) return waitOf(entry, now);
      if (entry.pending === 0) entry.pendingAt = now;
      entry.pending += bytes;
      return 0;
    },
    giveBack(key, bytes) {
      const entry = addresses.get(key);
      // Bytes already in the store stay counted: a day's cap errs on the safe side.
      if (entry) entry.pending = Math.max(0, entry.pending - bytes);
    },
  };
}
