import { idbStorage, memoryStorage, type StoragePort } from '@cartlift/core';

/** Where the queues are kept: the chosen storage, or memory once that fails. */
export interface QueueStore {
  /** Runs one storage operation; when the storage fails, memory takes over and the operation runs again there. */
  use<T>(operation: (storage: StoragePort) => Promise<T>): Promise<T>;
  /** True once the queue lives in this page's memory, which no other tab sees. */
  inMemory(): boolean;
}

/**
 * The queue store over `chosen` (default: IndexedDB "cartlift-analytics" in browsers, memory elsewhere).
 * Storage that fails (quota, private mode, blocked) is swapped for memory for the rest of the page.
 *
 * @example
 * const store = queueStore(undefined, () => counters.storageErrors++);
 * await store.use((storage) => storage.get('q:collector'));
 */
export function queueStore(chosen: StoragePort | undefined, failed: () => void): QueueStore {
  const memory = memoryStorage();
  let storage = chosen ?? (globalThis.indexedDB ? idbStorage('cartlift-analytics', 'queue') : memory);
  return {
    async use(operation) {
      try {
        return await operation(storage);
      } catch (error) {
        if (storage === memory) throw error;
        failed();
        storage = memory;
        return operation(memory);
      }
    },
    inMemory: () => storage === memory,
  };
}
