import { randomId } from './ids.js';
import { signatureHeader } from './signature.js';
import type { StripeEvent } from './types.js';

/** Where events are POSTed. `enabledEvents` defaults to every event (`*`). */
export interface WebhookEndpoint {
  id: string;
  url: string;
  secret: string;
  enabledEvents: string[];
}

/** One POST of one event to one endpoint. */
export interface DeliveryAttempt {
  eventId: string;
  eventType: string;
  endpointId: string;
  url: string;
  attempt: number;
  /** HTTP status, or null when the request failed before a response. */
  status: number | null;
  error: string | null;
  ok: boolean;
  at: number;
}

export interface WebhookDispatcherOptions {
  /** Attempts per event and endpoint, first included (default 3). */
  attempts?: number;
  /** Delay before the first retry; doubles each retry (default 250 ms). */
  retryDelayMs?: number;
  /** Per-attempt timeout (default 10 s). */
  timeoutMs?: number;
}

/**
 * Delivers events to webhook endpoints signed as Stripe signs them, retrying
 * non-2xx answers and network errors a bounded number of times with
 * exponential backoff. Each attempt is re-signed with a fresh timestamp.
 *
 * @example
 * const hooks = createWebhookDispatcher({ attempts: 3 });
 * hooks.addEndpoint('http://127.0.0.1:3000/api/cartlift/webhooks/stripe', 'whsec_…');
 * await hooks.deliver(event);
 */
export function createWebhookDispatcher(options: WebhookDispatcherOptions = {}) {
  const attempts = Math.max(1, options.attempts ?? 3);
  const retryDelayMs = options.retryDelayMs ?? 250;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const endpoints: WebhookEndpoint[] = [];
  const log: DeliveryAttempt[] = [];
  const pending = new Set<Promise<void>>();
  const stopped = new AbortController();

  const matching = (event: StripeEvent) => endpoints.filter((e) => e.enabledEvents.includes('*') || e.enabledEvents.includes(event.type));

  async function post(endpoint: WebhookEndpoint, event: StripeEvent, payload: string): Promise<void> {
    for (let attempt = 1; attempt <= attempts && !stopped.signal.aborted; attempt++) {
      const record: DeliveryAttempt = {
        eventId: event.id,
        eventType: event.type,
        endpointId: endpoint.id,
        url: endpoint.url,
        attempt,
        status: null,
        error: null,
        ok: false,
        at: Date.now(),
      };
      try {
        const response = await fetch(endpoint.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks) cartlift-stripe-sandbox',
            'stripe-signature': signatureHeader(payload, endpoint.secret),
          },
          body: payload,
          signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), stopped.signal]),
        });
        await response.arrayBuffer().catch(() => undefined);
        record.status = response.status;
        record.ok = response.ok;
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
      }
      log.push(record);
      if (record.ok) return;
      if (attempt < attempts) await new Promise((r) => setTimeout(r, retryDelayMs * 2 ** (attempt - 1)));
    }
  }

  function track(work: Promise<void>): Promise<void> {
    pending.add(work);
    return work.finally(() => pending.delete(work));
  }

  return {
    endpoints,
    /** Adds an endpoint; returns it (its secret is `whsec_…` unless given). */
    addEndpoint(url: string, secret: string = randomId('whsec', 32), enabledEvents: string[] = ['*']): WebhookEndpoint {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new TypeError(`Webhook url must be http(s); received ${JSON.stringify(url)}.`);
      const endpoint = { id: randomId('we'), url, secret, enabledEvents };
      endpoints.push(endpoint);
      return endpoint;
    },
    /** Number of endpoints that will receive the event. */
    count: (event: StripeEvent) => matching(event).length,
    /** Sends the event to every matching endpoint; resolves when all attempts are done. */
    deliver(event: StripeEvent): Promise<void> {
      const payload = JSON.stringify(event, null, 2);
      return track(Promise.all(matching(event).map((e) => post(e, event, payload))).then(() => undefined));
    },
    /** Every attempt so far, oldest first. */
    attempts: (): DeliveryAttempt[] => log.slice(),
    /** Aborts deliveries in flight and sends nothing more (used when the sandbox closes). */
    stop(): void {
      stopped.abort();
    },
    /** Resolves once no delivery is in flight (including deliveries started meanwhile). */
    async idle(): Promise<void> {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}

export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;
