import { backoffDelay } from './backoff.js';
import { type Consent, consentNow, storageAllowed } from './consent.js';
import type { AnalyticsCounters } from './counters.js';
import { type Destination, type HttpDestination, handToPages, type PageDestination } from './destinations.js';
import type { Settings } from './options.js';
import type { PageOwnership } from './page-ownership.js';
import { type Delivery, isAccepted, isWorthRetrying, postBatch } from './post-batch.js';
import { adopt, append, remove } from './queue.js';
import type { QueueStore } from './queue-store.js';
import type { QueuedEvent, StashedEvent } from './stored-format.js';
import { BEACON_BYTES, byteLength, chunkBodies, type WireEvent } from './wire.js';

/**
 * What a lane is doing. `backing-off`: a batch failed and goes again no sooner
 * than its retry time; `offline`: the same after a network error, which coming
 * back online ends at once; `stopped`: the plugin was removed from Cartlift.
 * In any state a timer may be set for the next look (a batch filling up, a
 * retry, another page's events): the timer alone says that a look is due.
 */
export type DeliveryState = 'idle' | 'sending' | 'backing-off' | 'offline' | 'stopped';

/** What the lanes of one page share. */
export interface LaneContext {
  pageId: string;
  settings: Settings;
  counters: AnalyticsCounters;
  /** The shopper's consent choice now. */
  choice(): Consent;
  store: QueueStore;
  ownership: PageOwnership;
  /** Saves the shopper's identity unless the page did: Consent Mode may allow storage only now. */
  keepIdentity(): void;
}

/** One destination's lane: its queue, its batches, its retries. */
export interface DeliveryLane {
  /** The queue's storage key, e.g. "q:collector". */
  readonly key: string;
  state(): DeliveryState;
  /** Takes a funnel event; the events of one tick are written to the queue together. */
  hear(event: WireEvent): void;
  /** Writes what was heard, then sends this page's oldest batch if consent and backoff allow (resolves when the attempt is over). */
  flush(): Promise<void>;
  /** Writes events a closing page stashed, then looks at the queue at once. */
  requeue(events: WireEvent[]): void;
  /** Looks at the queue at once (consent changed). */
  nudge(): void;
  /** At page hide: beacons (when consent is `granted`) this page's unsent events, except those in flight or beaconed already; returns everything unacknowledged, for the unload stash. */
  hide(granted: boolean): StashedEvent[];
  /** Consent denied: drops what waits, in memory and in storage. */
  forget(): void;
  /** Sits out no backoff: with `everything` (back from the back/forward cache), else only after a network error. */
  resume(everything: boolean): void;
  stop(): void;
}

// Without a batch of its own, a lane looks again this soon for events a closed page left behind.
const LOOK_AGAIN_MS = 2000;
// Consent Mode may change without telling us: while the shopper's choice is granted, look this often.
const CONSENT_POLL_MS = 1000;

/**
 * The lane of one HTTP destination posting to `url`, or, with `handToPage`, the
 * lane of the events GA4/Segment wait for: handed to them in the page once consent allows.
 *
 * @example
 * const lane = deliveryLane(collector(), '/api/cartlift/events', context);
 * lane.hear(event);
 * await lane.flush();
 */
export function deliveryLane(destination: HttpDestination, url: string, context: LaneContext, handToPage?: (event: WireEvent) => void): DeliveryLane {
  const { pageId, settings, counters, choice, store, ownership, keepIdentity } = context;
  const { count, bytes, wait } = settings.batch;
  const key = `q:${destination.name}`;
  /** This page's unsent events by id: what the unload beacon and stash carry. */
  let unsent = new Map<string, WireEvent>();
  /** Heard but not yet confirmed written: kept in `unsent` when the queue is read again. */
  const unwritten = new Set<string>();
  /** Heard this tick, or held in memory while storage is denied. */
  let heard: WireEvent[] = [];
  let writeQueued = false;
  let writes: Promise<unknown> = Promise.resolve();
  let inFlight = new Set<string>();
  const beaconed = new Set<string>();
  let state: DeliveryState = 'idle';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retryAt = 0;
  let attempt = 0;
  let refusalLogged = false;

  const schedule = (ms: number) => {
    if (state === 'stopped') return;
    clearTimeout(timer);
    timer = setTimeout(send, ms);
  };

  // Events are written, and stamped, only once this page holds its lock: a tab whose liveness
  // snapshot is older than the lock can't see this page alive, but the stamp is newer than its snapshot.
  const write = (events: WireEvent[]) => {
    writes = writes.then(async () => {
      await ownership.held();
      const owned = events.map((event): QueuedEvent => [pageId, Date.now(), event]);
      counters.dropped += await store.use((storage) => append(storage, key, owned, settings.maxQueue)).catch(() => 0);
      for (const event of events) unwritten.delete(event.event_id);
    });
  };

  const writeHeard = () => {
    writeQueued = false;
    // While storage is denied the events stay held in memory, and are written once it is allowed.
    if (storageAllowed(choice())) {
      keepIdentity();
      if (heard.length) write(heard);
      heard = [];
    }
    // A full batch goes at once, else the batch wait starts (unless a look is due already).
    if (unsent.size >= count) void send();
    else if (unsent.size && !timer) schedule(wait);
  };

  // Delivered, or refused for good: either way it leaves the queue.
  const settle = async (batch: string[]) => {
    await store.use((storage) => remove(storage, key, inFlight));
    for (const id of batch) unsent.delete(id);
  };

  const deliver = async (events: WireEvent[], body: string): Promise<Delivery> => {
    if (handToPage) {
      for (const event of events) handToPage(event);
      return [200, 0, {}];
    }
    // One event bigger than a beacon may carry makes keepalive fetch throw (a network error, retried
    // forever in front of the rest): refused for good, like the collector's 413.
    return events.length < 2 && byteLength(body) > BEACON_BYTES ? [413, 0, {}] : postBatch(url, body);
  };

  /** Sends this page's oldest batch, after adopting gone pages' events; resolves with when to look again (-1: when events wait). */
  const sendBatch = async (): Promise<number> => {
    await writes;
    // Not before this page is seen alive: what it adopts would look orphaned to the other tabs.
    await ownership.held();
    const [alive, since] = await ownership.liveness();
    const queue = await store.use((storage) => adopt(storage, key, pageId, alive, since));
    const own = queue.filter(([owner]) => owner === pageId).map(([, , event]) => event);
    // This page's unsent events, read again: its queued events and those not written yet.
    const reread = new Map(own.map((event) => [event.event_id, event] as const));
    for (const id of unwritten) reread.set(id, unsent.get(id)!);
    unsent = reread;
    const { bodies, ids } = chunkBodies(own.slice(0, count), bytes, destination.field, destination.map);
    const batch = ids[0];
    // Nothing of ours, but other pages' events wait: look again, in case their page is gone.
    if (!batch) return queue.length && !unsent.size ? LOOK_AGAIN_MS : -1;
    inFlight = new Set(batch);
    const [status, retryAfter, reply] = await deliver(own.slice(0, batch.length), bodies[0]!);
    if (isAccepted(status)) {
      await settle(batch);
      if (!handToPage) counters.sent += batch.length; // `sent` counts what a server accepted
      counters.duplicates += reply.duplicates ?? 0;
      counters.invalid += reply.invalid?.length ?? 0;
      attempt = 0;
      // More of ours: at once. Else one more look in 2 s, for events a closed page left behind.
      return own.length > batch.length ? 0 : LOOK_AGAIN_MS;
    }
    if (isWorthRetrying(status)) {
      counters.retried += batch.length;
      retryAt = Date.now() + Math.max(retryAfter, backoffDelay(attempt++, settings.retry.base, settings.retry.cap));
      if (state === 'sending') state = status ? 'backing-off' : 'offline';
      return retryAt - Date.now();
    }
    // The destination refused the batch for good (400, 403, 413…): retrying cannot help. Said once per
    // page in the server's own words (a 403 names the allowedOrigins option to set), then only counted.
    if (!refusalLogged) console.error(`Cartlift analytics: ${destination.name} refused ${batch.length} events (${status}). ${reply.error?.message ?? ''}`);
    refusalLogged = true;
    counters.dropped += batch.length;
    await settle(batch);
    return 0;
  };

  async function send(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    // Consent Mode allows storage now: what was held is written first (and the lane looks again).
    if (heard.length && storageAllowed(choice())) return writeHeard();
    if (state === 'sending' || state === 'stopped') return;
    if (consentNow(choice()) !== 'granted') {
      if (choice() === 'granted') schedule(CONSENT_POLL_MS);
      return;
    }
    const delay = retryAt - Date.now();
    if (delay > 0) return schedule(delay);
    state = 'sending';
    // Storage failing even in memory leaves nothing to lose by trying later.
    const lookIn = await sendBatch().catch(() => wait);
    inFlight = new Set();
    // Still sending: neither backing off after this batch nor stopped meanwhile.
    if ((state as DeliveryState) === 'sending') state = 'idle';
    if (lookIn >= 0) schedule(lookIn);
    else if (unsent.size) schedule(wait);
  }

  const beacon = () => {
    const events = [...unsent.values()].filter((event) => !inFlight.has(event.event_id) && !beaconed.has(event.event_id));
    const { bodies, ids } = chunkBodies(events, BEACON_BYTES, destination.field, destination.map);
    for (const [index, body] of bodies.entries()) {
      // A string body goes as text/plain;charset=UTF-8: CORS-safelisted, no preflight at unload.
      if (!(globalThis as { navigator?: Navigator }).navigator?.sendBeacon?.(url, body)) continue;
      counters.beaconed += ids[index]!.length;
      for (const id of ids[index]!) beaconed.add(id);
    }
  };

  return {
    key,
    state: () => state,
    hear(event) {
      // GA4/Segment get it at once when consent allows; otherwise it waits in their lane.
      if (handToPage && consentNow(choice()) === 'granted') return handToPage(event);
      unsent.set(event.event_id, event);
      unwritten.add(event.event_id);
      heard.push(event);
      if (writeQueued) return;
      writeQueued = true;
      queueMicrotask(writeHeard);
    },
    async flush() {
      writeHeard();
      await writes;
      await send();
    },
    requeue(events) {
      if (events.length) write(events);
      schedule(0);
    },
    nudge: () => schedule(0),
    hide(granted) {
      // The page's own destinations go with the page: nothing to beacon to.
      if (granted && !handToPage) beacon();
      return [...unsent.values()].map((event): StashedEvent => [key, event]);
    },
    forget() {
      unsent.clear();
      unwritten.clear();
      heard = [];
      writes = writes.then(() => store.use((storage) => storage.del(key))).catch(() => {});
    },
    resume(everything) {
      // A send in flight as the network comes back most likely failed for lack of it: no backoff for it either.
      if (!everything && state !== 'offline' && state !== 'sending') return;
      retryAt = 0;
      attempt = 0;
      if (state === 'backing-off' || state === 'offline') state = 'idle';
      schedule(0);
    },
    stop() {
      clearTimeout(timer);
      state = 'stopped';
    },
  };
}

// The page destinations' lane is not an HTTP destination, but it batches and queues like one.
const PAGE_LANE: HttpDestination = { kind: 'http', name: 'page', field: 'events' };

/**
 * The lanes for `destinations`: one per HTTP destination (posting to its URL, else
 * `{endpoint}/events`), plus one for the events GA4/Segment wait for, if there are such destinations.
 *
 * @example
 * const lanes = deliveryLanes([collector(), ga4()], '/api/cartlift', context); // "q:collector", "q:page"
 */
export function deliveryLanes(destinations: readonly Destination[], endpoint: string, context: LaneContext): DeliveryLane[] {
  const pages = destinations.filter((destination): destination is PageDestination => destination.kind === 'page');
  const lanes = destinations
    .filter((destination): destination is HttpDestination => destination.kind === 'http')
    .map((destination) => deliveryLane(destination, destination.url ?? `${endpoint}/events`, context));
  if (pages.length) lanes.push(deliveryLane(PAGE_LANE, '', context, (event) => handToPages(pages, event)));
  return lanes;
}
