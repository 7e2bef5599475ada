/**
 * Serialises work per key inside one process, so 200 parallel requests for one
 * checkout queue here instead of polling the database lease.
 *
 * @example
 * const lock = createKeyedMutex()
 * await lock.run('checkout-1', async () => { ... })
 */
export function createKeyedMutex() {
  const tails = new Map<string, Promise<unknown>>();
  return {
    async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const current = previous.then(fn, fn);
      const tail = current.catch(() => {});
      tails.set(key, tail);
      try {
        return await current;
      } finally {
        if (tails.get(key) === tail) tails.delete(key);
      }
    },
  };
}
