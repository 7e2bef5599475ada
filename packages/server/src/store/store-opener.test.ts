import { expect, test } from 'vitest';
import { storeOpener } from './store-opener.js';
import type { Store } from './types.js';

const aStore = { kind: 'pglite' } as Store;

test('a failed open is not kept: after the backoff the next call opens again, and success is kept', async () => {
  let clock = 0;
  let attempts = 0;
  let down = true;
  const store = storeOpener(
    async () => {
      attempts += 1;
      if (down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      return aStore;
    },
    { backoffMs: 1000, now: () => clock },
  );
  await expect(store()).rejects.toThrow('ECONNREFUSED');
  expect(store.current()).toBeUndefined();
  // Within the backoff the failure is answered from memory: one attempt per second at most, not one per request.
  clock = 500;
  await expect(store()).rejects.toThrow('ECONNREFUSED');
  expect(attempts).toBe(1);
  down = false;
  clock = 1000;
  expect(await store()).toBe(aStore);
  expect(await store()).toBe(aStore);
  expect(attempts).toBe(2);
  expect(await store.current()).toBe(aStore);
});

test('calls made while an open is under way share it', async () => {
  let attempts = 0;
  let finish!: (store: Store) => void;
  const store = storeOpener(() => {
    attempts += 1;
    return new Promise<Store>((resolve) => {
      finish = resolve;
    });
  });
  const together = [store(), store(), store()];
  finish(aStore);
  expect(await Promise.all(together)).toEqual([aStore, aStore, aStore]);
  expect(attempts).toBe(1);
});
