import type Stripe from 'stripe';
import type { Store } from '../store/types.js';
import { stripeFailure } from './intent.js';

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The Stripe Customer for a normalised email, created once: the idempotency
 * key derives from the email and the mapping row is insert-if-absent, so
 * racing checkouts agree on one customer.
 */
export async function ensureStripeCustomer(stripe: Stripe, store: Store, emailNormalized: string, now: number, known: string | null): Promise<string> {
  if (known) return known;
  const customer = await stripe.customers
    .create(
      // Only fields derived from the key: two checkouts of one shopper typing the
      // email two ways (Li.Wei@… and liwei@…) must send identical parameters,
      // or Stripe refuses the second with an idempotency error.
      { email: emailNormalized, metadata: { cartlift_email: emailNormalized } },
      { idempotencyKey: `cartlift-customer-${await sha256Hex(emailNormalized)}` },
    )
    .catch(stripeFailure);
  return store.rememberStripeCustomer(emailNormalized, customer.id, now);
}
