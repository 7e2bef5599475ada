/** The shopper's anonymous id and the experiment variants already exposed to it. */
export interface Identity {
  id: string;
  x: Record<string, string>;
}

const KEY = 'cartlift-analytics';
// localStorage, not IndexedDB: experiments need the id synchronously, before first paint.
const local = (): Storage | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // access throws in sandboxed frames and with storage blocked
  }
};

/**
 * The persisted identity, or a fresh one (crypto.randomUUID) when there is none.
 *
 * @example
 * loadIdentity().id // "6f9619ff-8b86-4d01-b42d-00cf4fc964ff", the same on every page
 */
export function loadIdentity(): Identity {
  try {
    const saved = JSON.parse(local()?.getItem(KEY) ?? 'null') as Identity | null;
    if (saved?.id && saved.x) return saved;
  } catch {}
  return { id: globalThis.crypto.randomUUID(), x: {} };
}

/**
 * Adds to `identity.x` the variants other tabs stored for the same id since this
 * page read it, so an exposure is sent once per id, not once per tab.
 *
 * @example
 * refresh(identity).x // { 'checkout-button': 'one-click', … } including other tabs' exposures
 */
export function refresh(identity: Identity): Identity {
  const saved = loadIdentity();
  if (saved.id === identity.id) identity.x = { ...saved.x, ...identity.x };
  return identity;
}

/**
 * Keeps (or, with null, forgets) the identity, merged with what other tabs stored
 * for it; quota and blocked storage are ignored.
 *
 * @example
 * saveIdentity(identity); saveIdentity(null) // after consent is denied
 */
export function saveIdentity(identity: Identity | null): void {
  try {
    if (identity) local()?.setItem(KEY, JSON.stringify(refresh(identity)));
    else local()?.removeItem(KEY);
  } catch {}
}

const STASH = `${KEY}:stash:`;

/** True for the localStorage key of a page's unload stash (another tab's `storage` event). */
export const isStash = (key: string | null): boolean => !!key?.startsWith(STASH);

/**
 * At unload, events not yet confirmed written to IndexedDB go to localStorage,
 * which writes synchronously; the next page, or any tab still open (through
 * the `storage` event), moves them into the queue.
 *
 * @example
 * stash(pageId, [{ k: 'q:collector', e }])
 */
export function stash(page: string, items: unknown[]): void {
  try {
    if (items.length) local()?.setItem(STASH + page, JSON.stringify(items));
  } catch {}
}

/**
 * Takes (reads and removes) every page's stash.
 *
 * @example
 * for (const { k, e } of unstash()) …
 */
export function unstash<T>(): T[] {
  const out: T[] = [];
  try {
    const ls = local();
    for (let i = ls ? ls.length - 1 : -1; i >= 0; i--) {
      const key = ls!.key(i);
      if (!key?.startsWith(STASH)) continue;
      const items = JSON.parse(ls!.getItem(key) ?? '[]') as T[];
      ls!.removeItem(key);
      out.push(...items);
    }
  } catch {}
  return out;
}
