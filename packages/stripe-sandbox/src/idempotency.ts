import type { FormObject } from './form.js';

/** A response kept for replay. */
export interface StoredResponse {
  status: number;
  body: string;
  /** Request-Id of the request that produced it (sent back as Original-Request). */
  requestId: string;
}

type Entry = { fingerprint: string; response: StoredResponse; expires: number };

/** What a lookup found: nothing, a replayable response, or a key reused with other parameters. */
export type IdempotencyLookup = { kind: 'miss' } | { kind: 'replay'; response: StoredResponse } | { kind: 'mismatch' };

/**
 * Stripe's idempotency: the first response for a key is kept (24 hours) and
 * replayed for the same request; the same key with different parameters or a
 * different endpoint is refused. Lookups and saves are synchronous, and the
 * sandbox executes a request synchronously once its body is read, so
 * concurrent requests with one key cannot both execute.
 *
 * @example
 * const store = createIdempotencyStore();
 * store.lookup('k1', fingerprint('POST', '/v1/payment_intents', params)) // { kind: 'miss' }
 */
export function createIdempotencyStore(ttlMs = 24 * 60 * 60 * 1000, now: () => number = Date.now) {
  const entries = new Map<string, Entry>();
  return {
    lookup(key: string, print: string): IdempotencyLookup {
      const entry = entries.get(key);
      if (!entry || entry.expires <= now()) {
        entries.delete(key);
        return { kind: 'miss' };
      }
      return entry.fingerprint === print ? { kind: 'replay', response: entry.response } : { kind: 'mismatch' };
    },
    save(key: string, print: string, response: StoredResponse): void {
      entries.set(key, { fingerprint: print, response, expires: now() + ttlMs });
    },
    get size(): number {
      return entries.size;
    },
  };
}

export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;

/**
 * A request's identity for idempotency: method, path and parameters with keys sorted.
 *
 * @example
 * fingerprint('POST', '/v1/customers', { b: '1', a: '2' }) === fingerprint('POST', '/v1/customers', { a: '2', b: '1' }) // true
 */
export function fingerprint(method: string, path: string, params: FormObject): string {
  return `${method} ${path} ${canonical(params)}`;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
