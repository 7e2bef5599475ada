import type { StoragePort } from '@cartlift/core';
import { decodeQueue, encodeQueue, type QueuedEvent, type QueueRecord } from './stored-format.js';

// A stash's way into the queue takes a page load: a few batches are delivered meanwhile, at most.
const REMEMBERED_DELIVERIES = 100;

const idOf = ([, , event]: QueuedEvent) => event.event_id;

/** Reads, changes and writes one destination's queue in one atomic update; resolves with the changed queue. */
async function change(storage: StoragePort, key: string, edit: (record: QueueRecord) => QueueRecord): Promise<QueueRecord> {
  let changed!: QueueRecord;
  await storage.update(key, (stored) => {
    changed = edit(decodeQueue(stored));
    return encodeQueue(changed);
  });
  return changed;
}

/**
 * Appends events in one atomic update, skipping event ids already queued (or
 * delivered lately) and dropping the oldest beyond `max`. Resolves with the number dropped.
 *
 * @example
 * await append(storage, 'q:collector', [[pageId, Date.now(), event]], 1000) // 0
 */
export async function append(storage: StoragePort, key: string, events: readonly QueuedEvent[], max: number): Promise<number> {
  let dropped = 0;
  await change(storage, key, ([queued, delivered]) => {
    const seen = new Set(delivered.concat(queued.map(idOf)));
    const next = queued.concat(events.filter((queuedEvent) => !seen.has(idOf(queuedEvent)) && seen.add(idOf(queuedEvent))));
    dropped = Math.max(0, next.length - max);
    return [next.slice(dropped), delivered];
  });
  return dropped;
}

/**
 * Takes over events whose owner page is gone (`alive` says who is alive;
 * events written or adopted after `since` are never taken, their owner may be
 * newer than the liveness snapshot), then returns the whole queue, oldest first;
 * this page's events are those owned by `pageId`. Adopted events are stamped
 * now: another tab whose snapshot predates this page's lock must not take them again.
 *
 * @example
 * const queue = await adopt(storage, key, pageId, (owner) => held.has(owner), snapshotTime);
 * const mine = queue.filter(([owner]) => owner === pageId);
 */
export async function adopt(storage: StoragePort, key: string, pageId: string, alive: (owner: string) => boolean, since: number): Promise<QueuedEvent[]> {
  const adoptOrphan = (queuedEvent: QueuedEvent): QueuedEvent => {
    const [owner, stampedAt, event] = queuedEvent;
    return owner !== pageId && stampedAt < since && !alive(owner) ? [pageId, Date.now(), event] : queuedEvent;
  };
  const [queued] = await change(storage, key, ([queued, delivered]) => [queued.map(adoptOrphan), delivered]);
  return queued;
}

/**
 * Removes delivered (or undeliverable) events, remembering the latest 100 ids.
 *
 * @example
 * await remove(storage, key, new Set(['6f9619ff-…']));
 */
export async function remove(storage: StoragePort, key: string, ids: ReadonlySet<string>): Promise<void> {
  await change(storage, key, ([queued, delivered]) => [
    queued.filter((queuedEvent) => !ids.has(idOf(queuedEvent))),
    delivered.concat(queued.map(idOf).filter((id) => ids.has(id))).slice(-REMEMBERED_DELIVERIES),
  ]);
}
