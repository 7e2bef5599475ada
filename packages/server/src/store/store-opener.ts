import type { Store } from './types.js';

/** How long a failed open is answered from memory before the next request tries again. */
export const REOPEN_BACKOFF_MS = 1000;

export interface StoreOpener {
  /** The open store: opened on first use, shared while opening, opened again after a failure. */
  (): Promise<Store>;
  /** The store when an open succeeded or is under way, without starting one (for closing). */
  current(): Promise<Store> | undefined;
}

/**
 * Opens the store lazily and keeps it, but never keeps a failure: a server
 * started while PostgreSQL was down must serve again, by itself, once it is
 * back. Requests arriving together share one attempt; for `backoffMs` after a
 * failure they get that failure again at once, so an outage is not met by one
 * connection attempt per request.
 *
 * @example
 * const store = storeOpener(() => openStore({ kind: 'postgres' }))
 * await store() // rejects while the database is down; a later call opens it
 */
export function storeOpener(open: () => Promise<Store>, { backoffMs = REOPEN_BACKOFF_MS, now = Date.now } = {}): StoreOpener {
  let attempt: Promise<Store> | undefined;
  let failure: { error: unknown; at: number } | undefined;
  const opener = (): Promise<Store> => {
    if (attempt) return attempt;
    if (failure && now() - failure.at < backoffMs) return Promise.reject(failure.error);
    const started = open();
    attempt = started;
    failure = undefined;
    started.catch((error: unknown) => {
      if (attempt === started) attempt = undefined;
      failure = { error, at: now() };
    });
    return started;
  };
  return Object.assign(opener, { current: () => attempt });
}
