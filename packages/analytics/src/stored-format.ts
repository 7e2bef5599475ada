import type { WireEvent } from './wire.js';

// What the plugin keeps in the browser, in the compact keys every version so far has written.
// Tabs still running an older version share these records, so the keys stay; this module alone
// knows them. The rest of the plugin works with the shapes below: tuples, whose labels cost
// nothing in the bundle (the plugin has a 4 KB gzip budget), destructured where they are used.
//
// - IndexedDB `cartlift-analytics` / `queue`, key `q:<destination>`: `{ q: [{ o, t, e }], g: [event ids] }`
//   (the first versions stored the bare array of entries);
// - localStorage `cartlift-analytics:stash:<pageId>`: `[{ k, e }]`;
// - localStorage `cartlift-analytics`: `{ id, x }`.

/** One queued event: the page that owns it (that page alone may send it), when it was written or adopted (ms), the event. */
export type QueuedEvent = [owner: string, stampedAt: number, event: WireEvent];

/** One destination's queue: its events, oldest first, and the ids of the latest delivered (or refused). */
export type QueueRecord = [queued: QueuedEvent[], delivered: string[]];

/** An event a closing page stashed in localStorage, with the key of the queue it rejoins. */
export type StashedEvent = [queueKey: string, event: WireEvent];

/** The shopper's anonymous id and the experiment variants already exposed to it (variant by experiment key). */
export interface Identity {
  id: string;
  exposures: Record<string, string>;
}

interface StoredQueue {
  q: { o: string; t: number; e: WireEvent }[];
  g: string[];
}

/**
 * A destination's queue as IndexedDB holds it (or nothing yet), in any shape a version of the plugin wrote.
 *
 * @example
 * decodeQueue({ q: [{ o: pageId, t: 1767225600000, e: event }], g: ['6f9619ff-…'] })
 * // [[[pageId, 1767225600000, event]], ['6f9619ff-…']]
 */
export function decodeQueue(stored: unknown): QueueRecord {
  const record = (Array.isArray(stored) ? { q: stored } : stored) as Partial<StoredQueue> | undefined;
  return [(record?.q ?? []).map(({ o, t, e }) => [o, t, e]), record?.g ?? []];
}

/**
 * A destination's queue in the shape IndexedDB keeps.
 *
 * @example
 * encodeQueue([[[pageId, 1767225600000, event]], []]) // { q: [{ o: pageId, t: 1767225600000, e: event }], g: [] }
 */
export function encodeQueue([queued, delivered]: QueueRecord): StoredQueue {
  return { q: queued.map(([o, t, e]) => ({ o, t, e })), g: delivered };
}

/**
 * A closing page's unload stash in the shape localStorage keeps.
 *
 * @example
 * encodeStash([['q:collector', event]]) // [{ k: 'q:collector', e: event }]
 */
export function encodeStash(stashed: readonly StashedEvent[]): { k: string; e: WireEvent }[] {
  return stashed.map(([k, e]) => ({ k, e }));
}

/**
 * The events of one unload stash as localStorage holds them.
 *
 * @example
 * decodeStash([{ k: 'q:collector', e: event }]) // [['q:collector', event]]
 */
export function decodeStash(stored: unknown): StashedEvent[] {
  return (stored as { k: string; e: WireEvent }[]).map(({ k, e }) => [k, e]);
}

/**
 * The stored identity, or undefined when what is stored is not one.
 *
 * @example
 * decodeIdentity({ id: '6f9619ff-…', x: { 'checkout-button': 'one-click' } })
 * // { id: '6f9619ff-…', exposures: { 'checkout-button': 'one-click' } }
 */
export function decodeIdentity(stored: unknown): Identity | undefined {
  const { id, x } = (stored ?? {}) as { id?: string; x?: Record<string, string> };
  return id && x ? { id, exposures: x } : undefined;
}

/**
 * The identity in the shape localStorage keeps.
 *
 * @example
 * encodeIdentity({ id: '6f9619ff-…', exposures: {} }) // { id: '6f9619ff-…', x: {} }
 */
export function encodeIdentity({ id, exposures }: Identity): { id: string; x: Record<string, string> } {
  return { id, x: exposures };
}
