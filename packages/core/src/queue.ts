/** A call recorded by the script-tag stub before the bundle loaded: method name, then arguments. */
export type QueuedCall = readonly [method: string, ...args: unknown[]];

/**
 * Replays calls queued before load, in order, on the real API. A call that
 * fails (unknown method, a throw, a rejected promise) is reported through
 * `onError` and does not stop the ones after it.
 *
 * @example
 * // <script>window.Cartlift=window.Cartlift||[];Cartlift.push(['on','add_to_cart',fn])</script>
 * replayQueue(stub, api, (e) => console.error(e));
 */
export function replayQueue(calls: Iterable<QueuedCall>, api: object, onError: (error: unknown) => void): void {
  for (const [method, ...args] of calls) {
    const fn = (api as Record<string, unknown>)[method];
    if (typeof fn !== 'function') {
      onError(
        new TypeError(
          `Cartlift.${String(method)} is not a method; expected one of ${Object.keys(api)
            .filter((k) => typeof (api as Record<string, unknown>)[k] === 'function')
            .join(', ')}.`,
        ),
      );
      continue;
    }
    try {
      const result = fn.apply(api, args);
      if (result && typeof (result as Promise<unknown>).catch === 'function') (result as Promise<unknown>).catch(onError);
    } catch (error) {
      onError(error);
    }
  }
}
