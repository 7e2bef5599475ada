/** Helpers for the analytics route tests: a handler without Stripe calls, and events. */
import { createCartliftHandler, type CartliftHandler } from '../src/handler.js';
import type { AnalyticsOptions, CartliftHandlerOptions } from '../src/options.js';
import type { Store } from '../src/store/types.js';
import { expect } from 'vitest';
import { CATALOG } from './harness.js';

export function analyticsHandler(
  store: Store,
  analytics: AnalyticsOptions = {},
  now = () => Date.parse('2030-02-01T00:00:00Z'),
  extra: Partial<CartliftHandlerOptions> = {},
): CartliftHandler {
  return createCartliftHandler({
    currency: 'USD',
    catalog: CATALOG,
    stripe: { publishableKey: 'pk_test_x', secretKey: 'sk_test_x' },
    store,
    analytics,
    now,
    ...extra,
  });
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

const LOOPBACK_IP = /^(127\.|::1$|::ffff:127\.)/;

/**
 * Calls the handler in-process; `ip` is the socket address the Node adapter
 * would pass, `host` the Host the URL is built from (default: a loopback
 * Host for a loopback `ip`, as curl or a browser on the server's machine sends; else shop.test).
 */
export async function send(
  handler: CartliftHandler,
  method: string,
  path: string,
  init: { body?: string; headers?: Record<string, string>; ip?: string; host?: string } = {},
): Promise<Reply> {
  const host = init.host ?? (LOOPBACK_IP.test(init.ip ?? '') ? '127.0.0.1:8787' : 'shop.test');
  const response = await handler(
    new Request(`http://${host}${handler.basePath}${path}`, { method, headers: init.headers ?? {}, ...(init.body === undefined ? {} : { body: init.body }) }),
    {
      clientIp: init.ip ?? '203.0.113.7',
    },
  );
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: response.status, headers: response.headers, text, body };
}

export const postEvents = (handler: CartliftHandler, events: unknown[], headers: Record<string, string> = { 'content-type': 'text/plain;charset=UTF-8' }) =>
  send(handler, 'POST', '/events', { body: JSON.stringify({ events }), headers });

/** A valid wire event (docs/analytics.md) with a fresh event_id. */
export function wireEvent(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    event_id: crypto.randomUUID(),
    time: Date.parse('2030-01-01T10:00:00Z'),
    cart_id: 'c_1',
    currency: 'USD',
    value: 2400,
    items: [{ item_id: 'TEA-LJ-100', item_name: 'Longjing', price: 2400, quantity: 1 }],
    anonymous_id: crypto.randomUUID(),
    ...(name === 'purchase' ? { transaction_id: `pi_${crypto.randomUUID()}` } : {}),
    ...extra,
  };
}

/** Records the paid order behind a browser purchase in the ledger, as the webhook would (without its own event). */
export async function recordPaidOrder(store: Store, purchase: Record<string, unknown>): Promise<void> {
  const paymentIntentId = String(purchase.transaction_id);
  const checkoutId = `co-${paymentIntentId}`;
  const now = Number(purchase.time);
  await store.acquireCheckout(checkoutId, 'lease', now, 1000);
  const shopper = { cartId: String(purchase.cart_id), anonymousId: (purchase.anonymous_id as string | undefined) ?? null };
  await store.updateCheckout(checkoutId, 'lease', { paymentIntentId, amount: Number(purchase.value), currency: 'USD', lines: [], ...shopper }, now, {
    release: true,
  });
  const facts = {
    eventId: `evt_${paymentIntentId}`,
    eventType: 'payment_intent.succeeded',
    paymentIntentId,
    amount: Number(purchase.value),
    currency: 'usd',
    stripeCustomerId: null,
    now,
  };
  expect((await store.recordPaymentSucceeded(facts)).order).not.toBeNull();
}
