import { localStore } from './local-storage.js';
import { decodeStash, encodeStash, type StashedEvent } from './stored-format.js';

const STASH = 'cartlift-analytics:stash:';

/**
 * True for the localStorage key of a page's unload stash (another tab's `storage` event).
 *
 * @example
 * isStash('cartlift-analytics:stash:6f9619ff-…') // true
 */
export const isStash = (key: string | null): boolean => !!key?.startsWith(STASH);

/**
 * At unload, the events this page has not seen acknowledged go to localStorage,
 * which writes synchronously; the next page, or any tab still open (through
 * the `storage` event), moves them into the queue.
 *
 * @example
 * stash(pageId, [{ queueKey: 'q:collector', event }])
 */
export function stash(pageId: string, stashed: readonly StashedEvent[]): void {
  try {
    if (stashed.length) localStore()?.setItem(STASH + pageId, JSON.stringify(encodeStash(stashed)));
  } catch {}
}

/**
 * Takes (reads and removes) every page's stash.
 *
 * @example
 * for (const { queueKey, event } of unstash()) …
 */
export function unstash(): StashedEvent[] {
  const taken: StashedEvent[] = [];
  try {
    const storage = localStore();
    // Backwards, because removing a key shifts the ones after it.
    for (let index = storage ? storage.length - 1 : -1; index >= 0; index--) {
      const key = storage!.key(index);
      if (!isStash(key)) continue;
      const stashed = decodeStash(JSON.parse(storage!.getItem(key!) ?? '[]'));
      storage!.removeItem(key!);
      taken.push(...stashed);
    }
  } catch {}
  return taken;
}
