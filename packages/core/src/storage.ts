/**
 * Where a cart (or an analytics queue) is kept. `update` must read and write in
 * one atomic step, so two tabs editing at once never lose each other's change.
 */
export interface StoragePort {
  get<T>(key: string): Promise<T | undefined>;
  update<T>(key: string, updater: (old: unknown) => T): Promise<T>;
  del(key: string): Promise<void>;
}

/**
 * Storage in memory: the fallback when IndexedDB is unavailable, and the
 * default outside browsers.
 *
 * @example
 * const storage = memoryStorage();
 * await storage.update('n', (old) => ((old as number) ?? 0) + 1); // 1
 */
export function memoryStorage(seed: Record<string, unknown> = {}): StoragePort {
  const data = new Map<string, unknown>(Object.entries(seed));
  return {
    get: async <T>(key: string) => data.get(key) as T | undefined,
    async update<T>(key: string, updater: (old: unknown) => T) {
      const next = updater(data.get(key));
      data.set(key, next);
      return next;
    },
    async del(key) {
      data.delete(key);
    },
  };
}
