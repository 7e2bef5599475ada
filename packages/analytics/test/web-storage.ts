/**
 * Web Storage for Node, which has no localStorage: where the anonymous id, the
 * exposures and the unload stash live, shared like a browser's tabs share it.
 *
 * @example
 * vi.stubGlobal('localStorage', webStorage());
 */
export function webStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}
