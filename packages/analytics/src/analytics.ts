import {
  BUCKETS,
  CartliftError,
  assignVariant,
  bucket,
  type CartliftInstance,
  type CartliftPlugin,
  FUNNEL_EVENTS,
  type FunnelEvent,
  type StoragePort,
  funnelEvent,
  idbStorage,
  memoryStorage,
  uuid,
} from '@cartlift/core';
import { backoffDelay, retryAfterMs } from './backoff.js';
import { type Consent, effectiveConsent, gtagConsent } from './consent.js';
import { collector, type Destination, type HttpDestination, type PageDestination } from './destinations.js';
import { type Identity, isStash, loadIdentity, refresh, saveIdentity, stash, unstash } from './identity.js';
import { adopt, append, type Entry, remove } from './queue.js';
import { byteLength, chunkBodies, type CollectorReply, type WireEvent } from './wire.js';

export interface AnalyticsOptions {
  /** Where events go. Default: `[collector()]`, i.e. `POST {endpoint}/events`. */
  destinations?: Destination[];
  /** The shopper's choice so far. Default "granted"; pass "pending" while a consent banner is up. */
  consent?: Consent;
  /** Share of anonymous ids that report, 0–1 (default 1). The same id is always in or out. */
  sample?: number;
  /** A batch is sent when it reaches `count` events or `bytes`, or `wait` ms after its first event. Default 20 / 16000 / 250: soon enough that a shopper bouncing after 400 ms leaves little for the unload beacon. */
  batch?: { count?: number; bytes?: number; wait?: number };
  /** Most events kept waiting; beyond it the oldest are dropped (and counted). Default 1000. */
  maxQueue?: number;
  /** Retry backoff: full jitter over base·2^attempt ms, at most `cap`. Default 1000 / 30000. */
  retry?: { base?: number; cap?: number };
  /** Queue storage. Default: IndexedDB database "cartlift-analytics" in browsers, memory elsewhere. */
  storage?: StoragePort;
  /** Development schema check, e.g. `validateEvent`; each problem is a console warning. */
  validate?: (name: string, event: unknown) => string[];
}

/** Running totals since the plugin was created. */
export interface AnalyticsCounters {
  /** Funnel events heard. */
  tracked: number;
  /** Events the collector (or an HTTP destination) accepted. */
  sent: number;
  /** Events in batches that failed and will be tried again. */
  retried: number;
  /** Events given up: queue bound, 4xx other than 408/429, larger than a request may be. */
  dropped: number;
  /** Events the collector reported as invalid. */
  invalid: number;
  /** Events discarded because consent was denied. */
  discarded: number;
  /** Events not reported because the anonymous id is outside the sample. */
  sampledOut: number;
  /** Events handed to sendBeacon when the page was hidden. */
  beaconed: number;
  /** Events the collector already had (a beacon that did arrive, then a resend): deduplicated there. */
  duplicates: number;
  /** Times the queue storage failed (quota, private mode) and memory took over. */
  storageErrors: number;
}

export interface AnalyticsPlugin extends CartliftPlugin {
  /** Reads, or sets, the shopper's consent. */
  consent(state?: Consent): Consent;
  /** The variant of this shopper in experiment `key`; sends `experiment_exposure` once per id. */
  experiment(key: string, variants: readonly string[], weights?: readonly number[]): string;
  /** The persisted anonymous id experiments and sampling use. */
  anonymousId(): string;
  /** Sends what is queued now (resolves when the attempt is over). */
  flush(): Promise<void>;
  readonly counters: Readonly<AnalyticsCounters>;
}

interface Lane {
  d: HttpDestination;
  key: string;
  url: string;
  /** This page's unsent events, for the synchronous beacon at unload. */
  mine: Map<string, WireEvent>;
  unwritten: Set<string>;
  /** Events heard this tick, or held in memory while Consent Mode denies storage. */
  w: WireEvent[];
  /** The page destinations' lane: events that waited for consent, handed to GA4/Segment in the page. */
  page?: boolean;
  inflight: Set<string>;
  beaconed: Set<string>;
  busy?: boolean;
  timer?: ReturnType<typeof setTimeout>;
  retryAt: number;
  attempt: number;
  offline?: boolean;
}

type Win = typeof globalThis & { navigator?: Navigator; document?: Document; dataLayer?: unknown };
const funnel = new Set<string>(FUNNEL_EVENTS);
const LEASE = 60_000;
// Bodies stay under the 64 KB keepalive/beacon quota.
const BEACON = 60_000;

const sentence = (option: string, expected: string, value: unknown) => `Cartlift analytics: ${option} must be ${expected}; received ${JSON.stringify(value)}.`;
const problem = (option: string, expected: string, value: unknown) => console.error(`${sentence(option, expected, value)} Using the default.`);
const CONSENTS = '"pending", "granted" or "denied"';

// Every tuning knob is a positive number (sample at most 1).
const num = (value: number | undefined, fallback: number, option: string, max = 1e9): number => {
  if (value === undefined) return fallback;
  if (value > 0 && value <= max) return value;
  problem(option, `a number above 0 and at most ${max}`, value);
  return fallback;
};

const isConsent = (c: unknown): c is Consent => c === 'pending' || c === 'granted' || c === 'denied';

/**
 * The analytics plugin: listens to core's funnel events, keeps them in a
 * persisted queue shared by the shop's tabs, and delivers each to the
 * first-party collector (and GA4 / Segment) without loss, within consent.
 *
 * @example
 * import { analytics, ga4 } from '@cartlift/analytics';
 * const plugin = analytics({ consent: 'pending', destinations: [collector(), ga4()] });
 * cartlift.use(plugin);
 * banner.onAccept(() => plugin.consent('granted'));
 * const variant = plugin.experiment('checkout-button', ['control', 'one-click']);
 */
export function analytics(options: AnalyticsOptions = {}): AnalyticsPlugin {
  const w = globalThis as Win;
  const me = uuid();
  const counters: AnalyticsCounters = {
    tracked: 0,
    sent: 0,
    retried: 0,
    dropped: 0,
    invalid: 0,
    discarded: 0,
    sampledOut: 0,
    beaconed: 0,
    duplicates: 0,
    storageErrors: 0,
  };
  let choice: Consent = 'granted';
  if (isConsent(options.consent)) choice = options.consent;
  else if (options.consent !== undefined) problem('consent', CONSENTS, options.consent);
  const sample = num(options.sample, 1, 'sample', 1);
  const count = num(options.batch?.count, 20, 'batch.count');
  const bytes = num(options.batch?.bytes, 16_000, 'batch.bytes', BEACON);
  const wait = num(options.batch?.wait, 250, 'batch.wait');
  const maxQueue = num(options.maxQueue, 1000, 'maxQueue');
  const base = num(options.retry?.base, 1000, 'retry.base');
  const cap = num(options.retry?.cap, 30_000, 'retry.cap');
  const dests = options.destinations ?? [collector()];
  const pages = dests.filter((d): d is PageDestination => d.kind === 'page');
  const memory = memoryStorage();
  let store = options.storage ?? (w.indexedDB ? idbStorage('cartlift-analytics', 'queue') : memory);
  let ident: Identity | undefined;
  let instance: CartliftInstance | undefined;
  let lanes: Lane[] = [];
  let ticking = false;
  let kept = false;
  let writing: Promise<unknown> = Promise.resolve();
  let release = () => {};

  const identity = () => {
    ident ??= loadIdentity();
    return ident;
  };
  // Nothing is stored (id, queue, stash) while the shopper or GA4 Consent Mode denies storage.
  const stored = () => choice !== 'denied' && gtagConsent(w.dataLayer) !== 'denied';
  const keep = () => {
    if (!stored()) return;
    kept = true;
    saveIdentity(identity());
  };
  const sampled = () => sample >= 1 || bucket('cartlift-sample', identity().id) < sample * BUCKETS;
  const consentNow = () => effectiveConsent(choice, gtagConsent(w.dataLayer));
  const page = (event: WireEvent) => {
    for (const d of pages) {
      try {
        d.track(event);
      } catch (error) {
        console.error(`Cartlift analytics: destination ${d.name} failed: ${error}`);
      }
    }
  };
  // Storage that fails (quota, private mode, blocked) is swapped for memory for the rest of the page.
  const safe = async <T>(op: (s: StoragePort) => Promise<T>): Promise<T> => {
    try {
      return await op(store);
    } catch (error) {
      if (store === memory) throw error;
      counters.storageErrors++;
      store = memory;
      return op(memory);
    }
  };

  // A page holds a Web Lock named after itself while alive: other tabs adopt only dead pages' events.
  const lockName = (id: string) => `cartlift-analytics:${id}`;
  const lock = () =>
    new Promise<void>((ready) => {
      const locks = w.navigator?.locks;
      if (!locks || store === memory) return ready();
      // The lock is held until the promise the callback returns settles, i.e. until release().
      const holdUntilReleased = () => {
        ready();
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      };
      locks.request(lockName(me), holdUntilReleased).catch(() => ready());
    });
  let locked = Promise.resolve();

  const liveness = async (): Promise<[(owner: string) => boolean, number]> => {
    const locks = w.navigator?.locks;
    // Without Web Locks an owner counts as gone once its event is a lease old.
    if (!locks) return [() => false, Date.now() - LEASE];
    const since = Date.now();
    const { held = [], pending = [] } = await locks.query();
    const alive = new Set([...held, ...pending].map((l) => l.name));
    return [(owner) => alive.has(lockName(owner)), since];
  };

  const schedule = (lane: Lane, ms: number) => {
    clearTimeout(lane.timer);
    lane.timer = setTimeout(() => void flushLane(lane), ms);
  };

  // Entries are written, and stamped, only once this page holds its lock: a tab whose liveness
  // snapshot is older than the lock can't see this page alive, but the stamp is newer than its snapshot.
  const put = (lane: Lane, events: WireEvent[]) => {
    writing = writing
      .then(() => locked)
      .then(() =>
        safe((s) =>
          append(
            s,
            lane.key,
            events.map((e): Entry => ({ o: me, t: Date.now(), e })),
            maxQueue,
          ),
        ),
      )
      .then(
        (dropped) => (counters.dropped += dropped),
        () => {},
      )
      .then(() => {
        for (const e of events) lane.unwritten.delete(e.event_id);
      });
  };

  const write = () => {
    ticking = false;
    // While storage is denied the events stay in lane.w (memory) and are written once it is allowed.
    const ok = stored();
    if (ok) kept || keep();
    for (const lane of ok ? lanes : []) {
      lane.w.length && put(lane, lane.w);
      lane.w = [];
    }
    // An empty lane (GA4/Segment's when consent is granted: they got the event at once) has nothing to send.
    for (const lane of lanes) lane.mine.size && (lane.mine.size >= count ? flushLane(lane) : !lane.timer && schedule(lane, wait));
  };

  async function flushLane(lane: Lane): Promise<void> {
    clearTimeout(lane.timer);
    lane.timer = undefined;
    if (stored() && lanes.some((l) => l.w.length)) return write(); // Consent Mode now allows storage
    if (lane.busy || !instance || consentNow() !== 'granted') {
      if (!lane.busy && instance && choice === 'granted') schedule(lane, 1000); // Consent Mode may change without telling us
      return;
    }
    const delay = lane.retryAt - Date.now();
    if (delay > 0) return schedule(lane, delay);
    lane.busy = true;
    let again = -1;
    try {
      await writing;
      // Not before this page is seen alive: what it adopts would look orphaned to the other tabs.
      await locked;
      const [alive, since] = await liveness();
      const all = await safe((s) => adopt(s, lane.key, me, alive, since));
      const queued = all.filter((x) => x.o === me);
      const mine = new Map(queued.map((x) => [x.e.event_id, x.e] as const));
      for (const id of lane.unwritten) mine.set(id, lane.mine.get(id)!);
      lane.mine = mine;
      const { bodies, ids } = chunkBodies(
        queued.slice(0, count).map((x) => x.e),
        bytes,
        lane.d.field,
        lane.d.map,
      );
      const batch = ids[0];
      // Nothing of ours, but other pages' events wait: look again, in case their page is gone.
      if (!batch) return void (all.length && schedule(lane, 2000));
      lane.inflight = new Set(batch);
      // One event bigger than a beacon may carry makes keepalive fetch throw (a network error, retried
      // forever in front of the rest): refused for good, like the collector's 413.
      const [status, retryAfter, reply] = lane.page
        ? handToPage(queued.slice(0, batch.length))
        : batch.length < 2 && byteLength(bodies[0]!) > BEACON
          ? [413, 0, {}]
          : await post(lane.url, bodies[0]!);
      // Delivered, or refused for good: either way it leaves the queue.
      const settle = async () => {
        await safe((s) => remove(s, lane.key, lane.inflight));
        for (const id of batch) lane.mine.delete(id);
      };
      if (status >= 200 && status < 300) {
        await settle();
        if (!lane.page) counters.sent += batch.length; // `sent` counts what a server accepted
        counters.duplicates += reply.duplicates ?? 0;
        counters.invalid += reply.invalid?.length ?? 0;
        lane.attempt = 0;
        // More of ours: at once. Else one more look in 2 s, for events a closed page left behind.
        again = queued.length > batch.length ? 0 : 2000;
      } else if (status === 0 || status === 408 || status === 429 || status >= 500) {
        counters.retried += batch.length;
        lane.offline = status === 0;
        lane.retryAt = Date.now() + Math.max(retryAfter, backoffDelay(lane.attempt++, base, cap));
        again = lane.retryAt - Date.now();
      } else {
        // The collector refused the batch for good (400, 413…): retrying cannot help.
        counters.dropped += batch.length;
        await settle();
        again = 0;
      }
    } catch {
      again = wait; // storage failed even in memory: nothing to lose by trying later
    } finally {
      lane.busy = false;
      lane.inflight = new Set();
      if (again >= 0) schedule(lane, again);
      else if (lane.mine.size) schedule(lane, wait);
    }
  }

  // The page destinations' lane delivers in the page: every event goes, and nothing can refuse it.
  function handToPage(entries: Entry[]): [number, number, CollectorReply] {
    for (const entry of entries) page(entry.e);
    return [200, 0, {}];
  }

  async function post(url: string, body: string): Promise<[number, number, CollectorReply]> {
    try {
      // A string body goes as text/plain;charset=UTF-8, CORS-safelisted: no preflight, like the beacon.
      const res = await fetch(url, { method: 'POST', body, keepalive: true });
      const reply = ((await res.json().catch(() => 0)) || {}) as CollectorReply;
      return [res.status, retryAfterMs(res.headers.get('retry-after')), reply];
    } catch {
      return [0, 0, {}];
    }
  }

  // At unload only synchronous work survives: beacon what this page owns and
  // is not already in flight, and stash what is unacknowledged for the tabs that stay.
  const hide = (unload: boolean) => {
    const granted = consentNow() === 'granted';
    const stashed: { k: string; e: WireEvent }[] = [];
    for (const lane of lanes) {
      const events = [...lane.mine.values()].filter((e) => !lane.inflight.has(e.event_id) && !lane.beaconed.has(e.event_id));
      if (granted && !lane.page) {
        const { bodies, ids } = chunkBodies(events, BEACON, lane.d.field, lane.d.map);
        bodies.forEach((body, i) => {
          // A string body goes as text/plain;charset=UTF-8: CORS-safelisted, no preflight at unload.
          if (w.navigator?.sendBeacon?.(lane.url, body)) {
            counters.beaconed += ids[i]!.length;
            for (const id of ids[i]!) lane.beaconed.add(id);
          }
        });
      }
      // Everything unacknowledged, not only what IndexedDB may not have written: if a request in
      // flight (or a beacon) fails after this page is gone, an open tab finishes it.
      if (unload) for (const e of lane.mine.values()) stashed.push({ k: lane.key, e });
    }
    if (unload) {
      stored() && stash(me, stashed);
      release();
    }
  };
  const onHide = () => hide(true);
  const onVisibility = () => w.document?.visibilityState === 'hidden' && hide(false);
  // Back from the back/forward cache: alive again. Back online: no need to sit out a network-error backoff.
  const onShow = (event: PageTransitionEvent) => {
    if (!event.persisted) return;
    locked = lock();
    resume(true);
  };
  const resume = (all: boolean) => {
    for (const lane of lanes) {
      if (!all && !lane.offline) continue;
      lane.retryAt = 0;
      lane.attempt = 0;
      schedule(lane, 0);
    }
  };
  const onOnline = () => resume(false);
  // Events a page stashed at unload rejoin the queue (append skips ids already there):
  // the next page's, or any open tab's when that page's stash appears.
  const takeStash = () => {
    const back = unstash<{ k: string; e: WireEvent }>();
    for (const lane of lanes) {
      const events = back.filter((x) => x.k === lane.key).map((x) => x.e);
      events.length && put(lane, events);
      schedule(lane, 0);
    }
  };
  const onStorage = (event: StorageEvent) => isStash(event.key) && takeStash();

  const onEvent = (name: string, payload: FunnelEvent) => {
    if (!funnel.has(name)) return;
    counters.tracked++;
    if (options.validate) for (const p of options.validate(name, payload)) console.warn(`Cartlift analytics: ${p}`);
    if (choice === 'denied') return void counters.discarded++;
    if (!sampled()) return void counters.sampledOut++;
    const id = identity();
    const event = { ...payload, name, anonymous_id: id.id } as WireEvent;
    for (const _ in id.x) {
      event.experiments = { ...id.x };
      break;
    }
    // GA4/Segment get it now, or it waits in their persisted lane until consent allows.
    const handed = pages.length > 0 && consentNow() === 'granted';
    if (handed) page(event);
    for (const lane of lanes) {
      if (lane.page && handed) continue;
      lane.mine.set(event.event_id, event);
      lane.unwritten.add(event.event_id);
      lane.w.push(event);
    }
    if (ticking) return;
    ticking = true;
    queueMicrotask(write);
  };

  return {
    name: 'analytics',
    counters,
    setup(inst) {
      instance = inst;
      const endpoint = (inst.options.endpoint ?? '/api/cartlift').replace(/\/$/, '');
      const lane = (d: HttpDestination, page?: boolean): Lane => ({
        d,
        page,
        key: `q:${d.name}`,
        url: d.url ?? `${endpoint}/events`,
        mine: new Map(),
        unwritten: new Set(),
        inflight: new Set(),
        beaconed: new Set(),
        w: [],
        retryAt: 0,
        attempt: 0,
      });
      lanes = dests.filter((d): d is HttpDestination => d.kind === 'http').map((d) => lane(d));
      if (pages.length) lanes.push(lane({ kind: 'http', name: 'page', field: 'events' }, true));
      keep();
      locked = lock();
      takeStash();
      const off = inst.events.onAny(onEvent as (name: string, payload: unknown) => void);
      const listeners = [
        [w, 'pagehide', onHide],
        [w, 'pageshow', onShow],
        [w, 'online', onOnline],
        [w, 'storage', onStorage],
        [w.document, 'visibilitychange', onVisibility],
      ] as [EventTarget | undefined, string, EventListener][];
      for (const [target, type, fn] of listeners) target?.addEventListener?.(type, fn);
      return () => {
        off();
        for (const [target, type, fn] of listeners) target?.removeEventListener?.(type, fn);
        for (const lane of lanes) clearTimeout(lane.timer);
        release();
        instance = undefined;
      };
    },
    consent(state) {
      if (state === undefined) return choice;
      if (!isConsent(state)) throw new CartliftError('invalid_consent', sentence('consent', CONSENTS, state), 'consent');
      choice = state;
      if (state === 'denied') {
        // The shopper said no: what was waiting goes, and so does the stored id.
        saveIdentity(null);
        unstash();
        for (const lane of lanes) {
          lane.mine.clear();
          lane.unwritten.clear();
          lane.w = [];
          writing = writing.then(() => safe((s) => s.del(lane.key))).catch(() => {});
        }
      } else keep();
      for (const lane of lanes) schedule(lane, 0);
      return choice;
    },
    experiment(key, variants, weights) {
      // Another tab may have exposed this id since we read it: look again (and saving merges).
      const id = refresh(identity());
      const variant = assignVariant(key, id.id, variants, weights);
      // Exposure needs the cart (for cart id and currency): before use() the assignment is returned, not yet recorded.
      if (instance && id.x[key] !== variant) {
        id.x[key] = variant;
        keep();
        instance.events.emit('experiment_exposure', funnelEvent('experiment_exposure', instance.cart.get(), [], { experiment: key, variant }));
      }
      return variant;
    },
    anonymousId: () => identity().id,
    async flush() {
      write();
      await writing;
      await Promise.all(lanes.map(flushLane));
    },
  };
}
