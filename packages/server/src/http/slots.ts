/**
 * A counting semaphore that never waits: `take()` hands out one of `size`
 * slots, or null when all are in use, so a caller can refuse at once (503)
 * instead of queueing requests whose bodies would then pile up in memory.
 *
 * @example
 * const bodies = createSlots(8)
 * const release = bodies.take()
 * if (!release) return busyResponse()
 * try { await readBody(request, limits) } finally { release() }
 */
export function createSlots(size: number) {
  let inUse = 0;
  return {
    take(): (() => void) | null {
      if (inUse >= size) return null;
      inUse += 1;
      let released = false;
      // Idempotent, so a release in both a catch and a finally never frees a slot twice.
      return () => {
        if (released) return;
        released = true;
        inUse -= 1;
      };
    },
    get inUse() {
      return inUse;
    },
  };
}
