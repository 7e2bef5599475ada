import { retryAfterMs } from './backoff.js';
import type { CollectorReply } from './wire.js';

/** How a batch fared: its HTTP status (0: no network), the wait Retry-After asks for, and the collector's reply. */
export type Delivery = [status: number, retryAfterMs: number, reply: CollectorReply];

/**
 * Posts one batch body; never throws (a network error is status 0).
 *
 * @example
 * const [status, retryAfter, reply] = await postBatch('/api/cartlift/events', '{"events":[…]}');
 */
export async function postBatch(url: string, body: string): Promise<Delivery> {
  try {
    // A string body goes as text/plain;charset=UTF-8, CORS-safelisted: no preflight, like the beacon.
    const response = await fetch(url, { method: 'POST', body, keepalive: true });
    const reply = ((await response.json().catch(() => 0)) || {}) as CollectorReply;
    return [response.status, retryAfterMs(response.headers.get('retry-after')), reply];
  } catch {
    return [0, 0, {}];
  }
}

/**
 * Whether the destination took the batch.
 *
 * @example
 * isAccepted(200) // true
 */
export const isAccepted = (status: number): boolean => status >= 200 && status < 300;

/**
 * Whether a failed batch may succeed later: no network, 408, 429 and 5xx. Other refusals (400, 413…) are for good.
 *
 * @example
 * isWorthRetrying(503) // true
 * isWorthRetrying(400) // false
 */
export const isWorthRetrying = (status: number): boolean => status === 0 || status === 408 || status === 429 || status >= 500;
