import type { StoragePort } from '@cartlift/core';
import type { WireEvent } from './wire';

/** A queued event: `o` is the page that owns (and alone may send) it, `t` when it was written. */
export interface Entry {
  o: string;
  t: number;
  e: WireEvent;
}

const list = (old: unknown): Entry[] => (Array.isArray(old) ? (old as Entry[]) : []);

/**
 * Appends entries in one atomic update, skipping event ids already queued and
 * dropping the oldest beyond `max`. Resolves with the number dropped.
 *
 * @example
 * await append(storage, 'q:collector', [{ o: pageId, t: Date.now(), e }], 1000) // 0
 */
export async function append(storage: StoragePort, key: string, entries: readonly Entry[], max: number): Promise<number> {
  let dropped = 0;
  await storage.update(key, (old) => {
    const q = list(old);
    const seen = new Set(q.map((x) => x.e.event_id));
    const next = q.concat(entries.filter((x) => !seen.has(x.e.event_id) && seen.add(x.e.event_id)));
    dropped = Math.max(0, next.length - max);
    return next.slice(dropped);
  });
  return dropped;
}

/**
 * Takes over entries whose owner page is gone (`alive` says who is alive;
 * entries written after `since` are never taken, their owner may be newer
 * than the liveness snapshot), then returns the whole queue, oldest first;
 * this page's entries are those with `o === me`.
 *
 * @example
 * const mine = (await adopt(storage, key, pageId, (owner) => held.has(owner), snapshotTime)).filter((x) => x.o === pageId);
 */
export async function adopt(storage: StoragePort, key: string, me: string, alive: (owner: string) => boolean, since: number): Promise<Entry[]> {
  return storage.update(key, (old) => list(old).map((x) => (x.o !== me && x.t < since && !alive(x.o) ? { ...x, o: me } : x)));
}

/**
 * Removes delivered (or undeliverable) events.
 *
 * @example
 * await remove(storage, key, new Set(['6f9619ff-…']));
 */
export async function remove(storage: StoragePort, key: string, ids: ReadonlySet<string>): Promise<void> {
  await storage.update(key, (old) => list(old).filter((x) => !ids.has(x.e.event_id)));
}
