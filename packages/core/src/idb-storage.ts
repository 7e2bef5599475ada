import { createStore, del, get, type UseStore } from 'idb-keyval';
import type { StoragePort } from './storage.js';

/**
 * IndexedDB storage through idb-keyval, in a database of Cartlift's own so it
 * never collides with the host page's keyval-store. The database is opened on
 * first use, never at import; every failure (no indexedDB, private mode,
 * blocked, quota) surfaces as a rejected promise, never a synchronous throw.
 *
 * @example
 * const storage = idbStorage();
 * await storage.update('cart', () => cart);
 */
export function idbStorage(dbName = 'cartlift', storeName = 'kv'): StoragePort {
  let store: UseStore | undefined;
  const use = async (): Promise<UseStore> => (store ??= createStore(dbName, storeName));
  return {
    get: async <T>(key: string) => get<T>(key, await use()),
    async update<T>(key: string, updater: (old: unknown) => T) {
      let next: T | undefined;
      // One readwrite transaction: IndexedDB serialises them across tabs.
      await (await use())('readwrite', (s) => {
        const request = s.get(key);
        return new Promise<void>((resolve, reject) => {
          request.onsuccess = () => {
            try {
              next = updater(request.result);
              s.put(next, key);
              s.transaction.oncomplete = () => resolve();
              s.transaction.onerror = s.transaction.onabort = () => reject(s.transaction.error);
            } catch (error) {
              reject(error);
            }
          };
          request.onerror = () => reject(request.error);
        });
      });
      return next as T;
    },
    del: async (key) => del(key, await use()),
  };
}
