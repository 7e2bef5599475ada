// Without Web Locks an owner counts as gone once its event is a lease old.
const LEASE_MS = 60_000;

const lockName = (pageId: string) => `cartlift-analytics:${pageId}`;
const webLocks = () => (globalThis as { navigator?: Navigator }).navigator?.locks;

/**
 * Who owns delivery: each page sends only the events it wrote or adopted, and
 * holds a Web Lock named after itself while alive, so other tabs adopt only
 * the events of pages that are gone.
 */
export interface PageOwnership {
  /** Takes this page's lock: at setup, and again when the page is back from the back/forward cache. */
  claim(): void;
  /** Resolves once this page holds its lock (at once without Web Locks, or with the queue in memory). */
  held(): Promise<void>;
  /** Lets the lock go at unload: the tabs that stay may adopt this page's events. */
  release(): void;
  /** Which owners are alive now, and the time from which that snapshot holds. */
  liveness(): Promise<[alive: (owner: string) => boolean, since: number]>;
}

/**
 * Page ownership for `pageId`; `shared()` is false while the queue is in memory,
 * which no other tab sees, so no lock is needed.
 *
 * @example
 * const ownership = pageOwnership(pageId, () => !store.inMemory());
 * ownership.claim();
 * await ownership.held(); // now events written by this page are safe from the other tabs
 */
export function pageOwnership(pageId: string, shared: () => boolean): PageOwnership {
  let held = Promise.resolve();
  let releaseLock = () => {};
  const hold = (ready: () => void) => {
    const locks = webLocks();
    if (!locks || !shared()) return ready();
    // The lock is held until the promise the callback returns settles, i.e. until release().
    const keepUntilReleased = () => {
      ready();
      return new Promise<void>((release) => {
        releaseLock = release;
      });
    };
    locks.request(lockName(pageId), keepUntilReleased).catch(() => ready());
  };
  return {
    claim() {
      held = new Promise<void>(hold);
    },
    held: () => held,
    release: () => releaseLock(),
    async liveness() {
      const locks = webLocks();
      if (!locks) return [() => false, Date.now() - LEASE_MS];
      const since = Date.now();
      const { held = [], pending = [] } = await locks.query();
      const alive = new Set([...held, ...pending].map((lock) => lock.name));
      return [(owner) => alive.has(lockName(owner)), since];
    },
  };
}
