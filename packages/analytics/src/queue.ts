import type { StoragePort } from '@cartlift/core';
import type { WireEvent } from './wire';

/**
 * A queued event: `o` is the page that owns (and alone may send) it, `t` when it was written.
 * With `o` empty it is the tombstone of an event delivered (or refused) at `t`: two tabs may
 * both take a closed page's unload stash, and the second must not queue again what the first
 * already delivered.
 */
export interface Entry {
  o: string;
  t: number;
  e: WireEvent;
}

const list = (old: unknown): Entry[] => (Array.isArray(old) ? (old as Entry[]) : []);
// Tombstones outlive any stash's way into the queue (a page load at most).
const KEEP = 60_000;

/**
 * Appends entries in one atomic update, skipping event ids already queued (or
 * delivered lately) and dropping the oldest beyond `max`. Resolves with the number dropped.
 *
 * @example
 * await append(storage, 'q:collector', [{ o: pageId, t: Date.now(), e }], 1000) // 0
 */
export async function append(storage: StoragePort, key: string, entries: readonly Entry[], max: number): Promise<number> {
  let dropped = 0;
  await storage.update(key, (old) => {
    const q = list(old);
    const seen = new Set(q.map((x) => x.e.event_id));
    const next = q.filter((x) => x.o).concat(entries.filter((x) => !seen.has(x.e.event_id) && seen.add(x.e.event_id)));
    dropped = Math.max(0, next.length - max);
    return q.filter((x) => !x.o).concat(next.slice(dropped));
  });
  return dropped;
}

/**
 * Takes over entries whose owner page is gone (`alive` says who is alive;
 * entries written or adopted after `since` are never taken, their owner may be
 * newer than the liveness snapshot), then returns the whole queue, oldest first;
 * this page's entries are those with `o === me`. Adopted entries are stamped
 * now: another tab whose snapshot predates this page's lock must not take them again.
 *
 * @example
 * const mine = (await adopt(storage, key, pageId, (owner) => held.has(owner), snapshotTime)).filter((x) => x.o === pageId);
 */
export async function adopt(storage: StoragePort, key: string, me: string, alive: (owner: string) => boolean, since: number): Promise<Entry[]> {
  return storage.update(key, (old) => list(old).map((x) => (x.o && x.o !== me && x.t < since && !alive(x.o) ? { ...x, o: me, t: Date.now() } : x)));
}

/**
 * Removes delivered (or undeliverable) events, leaving their tombstones for a minute.
 *
 * @example
 * await remove(storage, key, new Set(['6f9619ff-…']));
 */
export async function remove(storage: StoragePort, key: string, ids: ReadonlySet<string>, now = Date.now()): Promise<void> {
  await storage.update(key, (old) =>
    list(old)
      .map((x): Entry => (ids.has(x.e.event_id) ? { o: '', t: now, e: { event_id: x.e.event_id } as WireEvent } : x))
      .filter((x) => x.o || x.t > now - KEEP),
  );
}
