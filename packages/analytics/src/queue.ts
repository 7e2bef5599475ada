import type { StoragePort } from '@cartlift/core';
import type { WireEvent } from './wire.js';

/** A queued event: `o` is the page that owns (and alone may send) it, `t` when it was written or adopted. */
export interface Entry {
  o: string;
  t: number;
  e: WireEvent;
}

/**
 * One destination's stored queue: `q` the events, oldest first; `g` the ids of
 * the latest events delivered (or refused), so that when two tabs both take a
 * closed page's unload stash, the second does not queue again what the first delivered.
 */
interface Stored {
  q: Entry[];
  g: string[];
}

// Older versions stored the bare array.
const read = (old: unknown): Stored =>
  Array.isArray(old) ? { q: old, g: [] } : { q: (old as Stored | undefined)?.q ?? [], g: (old as Stored | undefined)?.g ?? [] };
// A stash's way into the queue takes a page load: a few batches are delivered meanwhile, at most.
const GONE = 100;

/**
 * Appends entries in one atomic update, skipping event ids already queued (or
 * delivered lately) and dropping the oldest beyond `max`. Resolves with the number dropped.
 *
 * @example
 * await append(storage, 'q:collector', [{ o: pageId, t: Date.now(), e }], 1000) // 0
 */
export async function append(storage: StoragePort, key: string, entries: readonly Entry[], max: number): Promise<number> {
  let dropped = 0;
  await storage.update(key, (old): Stored => {
    const { q, g } = read(old);
    const seen = new Set(g.concat(q.map((x) => x.e.event_id)));
    const next = q.concat(entries.filter((x) => !seen.has(x.e.event_id) && seen.add(x.e.event_id)));
    dropped = Math.max(0, next.length - max);
    return { q: next.slice(dropped), g };
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
  const { q } = await storage.update(key, (old): Stored => {
    const { q, g } = read(old);
    return { q: q.map((x) => (x.o !== me && x.t < since && !alive(x.o) ? { ...x, o: me, t: Date.now() } : x)), g };
  });
  return q;
}

/**
 * Removes delivered (or undeliverable) events, remembering the latest 100 ids.
 *
 * @example
 * await remove(storage, key, new Set(['6f9619ff-…']));
 */
export async function remove(storage: StoragePort, key: string, ids: ReadonlySet<string>): Promise<void> {
  await storage.update(key, (old): Stored => {
    const { q, g } = read(old);
    return { q: q.filter((x) => !ids.has(x.e.event_id)), g: g.concat(q.filter((x) => ids.has(x.e.event_id)).map((x) => x.e.event_id)).slice(-GONE) };
  });
}
