/**
 * The page's localStorage, or undefined where reading it throws (sandboxed
 * frames, storage blocked). The identity and the unload stash live there, not
 * in IndexedDB, because both are needed synchronously: the id before first
 * paint, the stash while the page unloads.
 *
 * @example
 * localStore()?.getItem('cartlift-analytics')
 */
export function localStore(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
