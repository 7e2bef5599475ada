import { describe, expect, test, vi } from 'vitest';
import { storeVariants, useStore } from '../../test/harness.js';
import { analyticsHandler, wireEvent } from '../../test/analytics-harness.js';
import type { AnalyticsEventRecord, Store } from '../store/types.js';
import { pruneAnalyticsEvents, startAnalyticsPruning } from './retention.js';

const DAY = 86_400_000;
const NOW = Date.parse('2030-02-01T00:00:00Z');

function record(time?: number): AnalyticsEventRecord {
  const event = wireEvent('view_item') as Record<string, any>;
  return {
    eventId: event.event_id,
    name: event.name,
    time: time ?? event.time,
    cartId: event.cart_id,
    anonymousId: event.anonymous_id,
    currency: event.currency,
    value: event.value,
    transactionId: null,
    experiments: null,
    payload: event,
  };
}

describe.each(storeVariants())('analytics retention on $name', ({ open }) => {
  const store = useStore(open);

  test('deletes events received more than retentionDays ago, in batches of batchSize, and keeps the rest', async () => {
    const old = Array.from({ length: 7 }, record);
    const recent = Array.from({ length: 3 }, record);
    await store.recordAnalyticsEvents(old, NOW - 401 * DAY);
    // Exactly 400 days old is still kept: the cut-off is "older than".
    await store.recordAnalyticsEvents(recent, NOW - 400 * DAY);
    const before = await store.countAnalyticsEvents();
    const result = await pruneAnalyticsEvents(store, { now: NOW, retentionDays: 400, batchSize: 3 });
    expect(result).toEqual({ deleted: 7, batches: 3, done: true });
    expect(await store.countAnalyticsEvents()).toBe(before - 7);
    expect(await pruneAnalyticsEvents(store, { now: NOW, retentionDays: 400, batchSize: 3 })).toEqual({ deleted: 0, batches: 1, done: true });
  });

  test("goes by the server's receipt time whatever clock the browser had: far behind, far ahead, or right", async () => {
    const received = NOW - 401 * DAY;
    // A browser clock a year ahead, ten days ahead, ten years behind, and right; all received 401 days ago.
    const old = [record(received + 365 * DAY), record(received + 10 * DAY), record(received - 3650 * DAY), record(received)];
    await store.recordAnalyticsEvents(old, received);
    // Received just inside the retention, with clocks that would put them on either side of the cut-off.
    const kept = [record(received - 900 * DAY), record(NOW - 402 * DAY), record(NOW + 30 * DAY)];
    await store.recordAnalyticsEvents(kept, NOW - 399 * DAY);
    const before = await store.countAnalyticsEvents();
    expect(await pruneAnalyticsEvents(store, { now: NOW, retentionDays: 400, batchSize: 2 })).toMatchObject({ deleted: 4, done: true });
    expect(await store.countAnalyticsEvents()).toBe(before - 4);
  });

  test('stops after maxBatches and says it is not done, so one run never holds the database for long', async () => {
    await store.recordAnalyticsEvents(Array.from({ length: 5 }, record), NOW - 900 * DAY);
    const first = await pruneAnalyticsEvents(store, { now: NOW, retentionDays: 400, batchSize: 2, maxBatches: 2 });
    expect(first).toEqual({ deleted: 4, batches: 2, done: false });
    expect(await pruneAnalyticsEvents(store, { now: NOW, retentionDays: 400, batchSize: 2, maxBatches: 2 })).toMatchObject({ deleted: 1, done: true });
  });
});

describe('analytics.retentionDays', () => {
  test('is validated with a sentence naming the option', async () => {
    const store = await storeVariants()[0]!.open();
    try {
      expect(() => analyticsHandler(store, { retentionDays: 0 })).toThrow(
        'analytics.retentionDays must be a whole number of days from 1 to 36500; received 0.',
      );
      expect(() => analyticsHandler(store, { retentionDays: 1.5 })).toThrow(/analytics\.retentionDays .*received 1\.5\./);
    } finally {
      await store.close();
    }
  });

  test('the background pruning runs on an unref’d interval with the handler’s clock and stops when asked', async () => {
    vi.useFakeTimers();
    try {
      const calls: number[] = [];
      const pruneAnalyticsEvents = async (before: number) => {
        calls.push(before);
        return 0;
      };
      const fake = { pruneAnalyticsEvents } as unknown as Store;
      const stop = startAnalyticsPruning({ store: async () => fake, now: () => NOW, retentionDays: 10, logger: console, intervalMs: 1000 });
      await vi.advanceTimersByTimeAsync(2500);
      expect(calls).toEqual([NOW - 10 * DAY, NOW - 10 * DAY]);
      stop();
      await vi.advanceTimersByTimeAsync(5000);
      expect(calls).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
