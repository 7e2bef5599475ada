import { memoryStorage, type StoragePort } from '@cartlift/core';
import { describe, expect, it } from 'vitest';
import { queueStore } from './queue-store.js';

describe('queue store', () => {
  it('runs on the chosen storage while it works', async () => {
    const storage = memoryStorage();
    const store = queueStore(storage, () => {});
    await store.use((port) => port.update('q', () => 1));
    expect(await storage.get('q')).toBe(1);
    expect(store.inMemory()).toBe(false);
  });

  it('swaps a failing storage for memory once, counting the failure, and runs the operation again there', async () => {
    let failures = 0;
    const broken: StoragePort = { ...memoryStorage(), update: () => Promise.reject(new DOMException('quota', 'QuotaExceededError')) };
    const store = queueStore(broken, () => failures++);
    expect(await store.use((port) => port.update('q', () => 'kept'))).toBe('kept');
    expect(await store.use((port) => port.get('q'))).toBe('kept');
    expect(failures).toBe(1);
    expect(store.inMemory()).toBe(true);
  });

  it('lets a failure in memory through: there is nothing left to fall back on', async () => {
    const store = queueStore(undefined, () => {});
    await expect(store.use(() => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
  });
});
