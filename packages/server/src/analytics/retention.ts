import type { Store } from '../store/types.js';

const DAY = 86_400_000;

export interface PruneOptions {
  now: number;
  /** Events received more than this many days before `now` are deleted. */
  retentionDays: number;
  /** Rows per DELETE. Default 1000: short statements that leave room for inserts. */
  batchSize?: number;
  /** Batches per run; the next run carries on. Default 50. */
  maxBatches?: number;
}

/**
 * Deletes analytics events older than the retention, a bounded batch at a
 * time, until none are left or `maxBatches` ran (`done: false`: more remain).
 *
 * @example
 * await pruneAnalyticsEvents(store, { now: Date.now(), retentionDays: 400 }) // { deleted: 1200, batches: 2, done: true }
 */
export async function pruneAnalyticsEvents(
  store: Store,
  { now, retentionDays, batchSize = 1000, maxBatches = 50 }: PruneOptions,
): Promise<{ deleted: number; batches: number; done: boolean }> {
  const before = now - retentionDays * DAY;
  let deleted = 0;
  for (let batches = 1; ; batches++) {
    const gone = await store.pruneAnalyticsEvents(before, batchSize);
    deleted += gone;
    if (gone < batchSize) return { deleted, batches, done: true };
    if (batches >= maxBatches) return { deleted, batches, done: false };
  }
}

export interface PruningOptions {
  store: () => Promise<Store>;
  now: () => number;
  retentionDays: number;
  logger: { error(message: string, detail?: unknown): void };
  /** How often to prune. Default hourly. */
  intervalMs?: number;
}

/**
 * Prunes old analytics events on an interval, in the background: the timer is
 * unref'd (it never keeps a process alive) and runs never overlap. Returns a
 * function that stops it (the handler's `close`).
 *
 * @example
 * const stop = startAnalyticsPruning({ store: ctx.store, now: ctx.now, retentionDays: 400, logger: console })
 */
export function startAnalyticsPruning({ store, now, retentionDays, logger, intervalMs = 60 * 60_000 }: PruningOptions): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await pruneAnalyticsEvents(await store(), { now: now(), retentionDays });
    } catch (error) {
      logger.error('[cartlift] pruning old analytics events failed; the next run tries again:', error);
    } finally {
      running = false;
    }
  }, intervalMs);
  (timer as { unref?: () => void }).unref?.();
  return () => clearInterval(timer);
}
