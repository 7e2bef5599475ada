import Stripe from 'stripe';
import { env } from '../env.js';

export interface StripeOptions {
  /** `sk_test_...` / `sk_live_...`; defaults to `STRIPE_SECRET_KEY`. */
  secretKey?: string;
  /** `pk_test_...`, sent to the browser by `GET /config`. */
  publishableKey: string;
  /** `whsec_...`; several during a rotation. Defaults to `STRIPE_WEBHOOK_SECRET`. */
  webhookSecret?: string | string[];
  /** Point the client elsewhere (the sandbox): `{ host: '127.0.0.1', port, protocol: 'http' }`. */
  api?: { host: string; port: number; protocol: 'http' | 'https' };
  /** Where the browser loads Stripe.js from; set for the sandbox's look-alike, omitted for js.stripe.com. */
  jsUrl?: string;
  /** A client you built yourself; overrides secretKey and api. */
  client?: Stripe;
}

/**
 * The real `stripe` Node client, optionally aimed at the sandbox. On edge
 * runtimes it uses fetch; in Node its own keep-alive agent.
 *
 * @example
 * createStripeClient({ secretKey: 'sk_test_...', publishableKey: 'pk_test_...' })
 */
export function createStripeClient(options: StripeOptions): Stripe {
  if (options.client) return options.client;
  const secretKey = options.secretKey ?? env('STRIPE_SECRET_KEY');
  if (!secretKey) {
    throw new Error('stripe.secretKey (or the STRIPE_SECRET_KEY environment variable) must be a Stripe secret key such as "sk_test_..."; received nothing.');
  }
  const isNode = typeof process !== 'undefined' && !!process.versions?.node;
  return new Stripe(secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    // Request-latency telemetry headers are useless here and warn under load.
    telemetry: false,
    ...(isNode ? {} : { httpClient: Stripe.createFetchHttpClient() }),
    ...(options.api ? { host: options.api.host, port: options.api.port, protocol: options.api.protocol } : {}),
  });
}
