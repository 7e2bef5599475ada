import { type Consent, consentNow, storageAllowed } from './consent.js';
import type { DeliveryLane } from './delivery-lane.js';
import type { PageOwnership } from './page-ownership.js';
import { isStash, stash, unstash } from './unload-stash.js';

/** What the page's lifecycle events act on. */
export interface PageParts {
  pageId: string;
  lanes: readonly DeliveryLane[];
  ownership: PageOwnership;
  choice(): Consent;
}

type PageWindow = typeof globalThis & { document?: Document };

/**
 * Events every page stashed at unload rejoin their queues (append skips ids already
 * there, so a stash taken by two tabs is queued once): at setup, and when another tab closes.
 *
 * @example
 * requeueStashed(lanes);
 */
export function requeueStashed(lanes: readonly DeliveryLane[]): void {
  const stashed = unstash();
  for (const lane of lanes) lane.requeue(stashed.filter(([queueKey]) => queueKey === lane.key).map(([, event]) => event));
}

/**
 * Acts on the page's lifecycle: at hide, beacons what consent lets go; at
 * unload also stashes everything unacknowledged for the tabs that stay and
 * lets the page's lock go; back from the back/forward cache, takes the lock
 * again and sits out no backoff; back online, no network-error backoff either;
 * another tab's stash, requeued. Returns the function that stops listening.
 *
 * @example
 * const stop = watchPage({ pageId, lanes, ownership, choice: () => choice });
 */
export function watchPage({ pageId, lanes, ownership, choice }: PageParts): () => void {
  const page = globalThis as PageWindow;
  // At unload only synchronous work survives: beacons, and a localStorage stash for the tabs that stay.
  const hide = (unload: boolean) => {
    const granted = consentNow(choice()) === 'granted';
    const unacknowledged = lanes.flatMap((lane) => lane.hide(granted));
    if (!unload) return;
    // Everything unacknowledged, not only what IndexedDB may not have written: if a request in
    // flight (or a beacon) fails after this page is gone, an open tab finishes it.
    if (storageAllowed(choice())) stash(pageId, unacknowledged);
    ownership.release();
  };
  const resume = (everything: boolean) => {
    for (const lane of lanes) lane.resume(everything);
  };
  // Back from the back/forward cache: alive again.
  const shown = (event: Event) => {
    if (!(event as PageTransitionEvent).persisted) return;
    ownership.claim();
    resume(true);
  };
  const listeners: [EventTarget | undefined, string, EventListener][] = [
    [page, 'pagehide', () => hide(true)],
    [page.document, 'visibilitychange', () => page.document?.visibilityState === 'hidden' && hide(false)],
    [page, 'pageshow', shown],
    [page, 'online', () => resume(false)],
    [page, 'storage', (event) => isStash((event as StorageEvent).key) && requeueStashed(lanes)],
  ];
  for (const [target, type, listener] of listeners) target?.addEventListener?.(type, listener);
  return () => {
    for (const [target, type, listener] of listeners) target?.removeEventListener?.(type, listener);
  };
}
