import type Stripe from 'stripe';
import { HttpError } from '../http/errors';
import { paymentMethodOptions } from '../payment-methods';
import type { CheckoutRecord, Store } from '../store/types';

export interface IntentWish {
  checkoutId: string;
  amount: number;
  currency: string;
  customer: string | null;
  email: string;
  paymentMethodTypes: string[];
  /** Where the goods go, when the shopper gave an address: Stripe keeps it on the intent (fraud checks, the dashboard). */
  shipping: Stripe.PaymentIntentCreateParams.Shipping | null;
}

// `payment_method_types` is the long-standing explicit list Stripe accepts;
// the newest typings only declare `allowed_payment_method_types`, hence the cast.
function createParams(wish: IntentWish): Stripe.PaymentIntentCreateParams {
  const params = {
    amount: wish.amount,
    currency: wish.currency.toLowerCase(),
    payment_method_types: wish.paymentMethodTypes,
    payment_method_options: paymentMethodOptions(wish.paymentMethodTypes),
    receipt_email: wish.email,
    metadata: { cartlift_checkout_id: wish.checkoutId },
    ...(wish.customer ? { customer: wish.customer } : {}),
    ...(wish.shipping ? { shipping: wish.shipping } : {}),
  };
  return params as Stripe.PaymentIntentCreateParams;
}

const isRefusal = (error: unknown) => {
  const type = (error as { type?: string })?.type;
  return type === 'StripeInvalidRequestError' || type === 'StripeCardError';
};

/** Maps Stripe's refusals to client errors; connection trouble to 502. */
export function stripeFailure(error: unknown): never {
  const e = error as { type?: string; message?: string; code?: string };
  if (isRefusal(error)) {
    throw new HttpError(422, 'payment_rejected', `Stripe refused the payment: ${e.message ?? 'no reason given'}`, 'lines');
  }
  if (e?.type === 'StripeConnectionError' || e?.type === 'StripeAPIError' || e?.type === 'StripeRateLimitError') {
    throw new HttpError(502, 'payment_provider_unavailable', 'The payment provider could not be reached; please try again in a moment.');
  }
  throw error;
}

/**
 * Gives the checkout its one PaymentIntent: created with the checkout id as
 * Stripe's idempotency key (the create parameters are saved first, so a
 * request retried after a crash replays the same create and gets the same
 * intent), then updated in place whenever the cart's amount changes.
 */
export async function ensureIntent(
  stripe: Stripe,
  store: Store,
  record: CheckoutRecord,
  token: string,
  wish: IntentWish,
  now: number,
): Promise<{ id: string; clientSecret: string; amount: number; currency: string }> {
  let intent: Stripe.PaymentIntent;
  if (!record.paymentIntentId) {
    const params = (record.pendingCreate as Stripe.PaymentIntentCreateParams | null) ?? createParams(wish);
    if (!record.pendingCreate) await store.updateCheckout(record.checkoutId, token, { pendingCreate: params as unknown as Record<string, unknown> }, now);
    // The caller saves the intent id straight after; should this process die
    // first, the saved parameters replay this create under the same key.
    try {
      intent = await stripe.paymentIntents.create(params, { idempotencyKey: record.checkoutId });
    } catch (error) {
      // A refused create leaves nothing at Stripe (validation failures are not
      // stored under the key), so the next attempt may send new parameters.
      if (isRefusal(error)) await store.updateCheckout(record.checkoutId, token, { pendingCreate: null }, now);
      stripeFailure(error);
    }
    record = { ...record, paymentIntentId: intent.id, clientSecret: intent.client_secret, amount: intent.amount, currency: intent.currency.toUpperCase(), stripeCustomerId: params.customer ?? null };
  }
  // An address is not kept on our record, so a request that carries one always updates the intent.
  const unchanged = !wish.shipping && record.amount === wish.amount && record.currency === wish.currency && (record.stripeCustomerId ?? null) === (wish.customer ?? null);
  if (unchanged && record.clientSecret) return { id: record.paymentIntentId!, clientSecret: record.clientSecret, amount: wish.amount, currency: wish.currency };
  try {
    intent = await stripe.paymentIntents.update(record.paymentIntentId!, {
      amount: wish.amount,
      currency: wish.currency.toLowerCase(),
      receipt_email: wish.email,
      ...(wish.customer ? { customer: wish.customer } : {}),
      ...(wish.shipping ? { shipping: wish.shipping } : {}),
    });
  } catch (error) {
    const current = await stripe.paymentIntents.retrieve(record.paymentIntentId!).catch(() => null);
    if (current && (current.status === 'succeeded' || current.status === 'processing')) {
      throw new HttpError(409, 'checkout_completed', `Checkout ${record.checkoutId} has already been paid; start a new checkout to buy more.`, 'checkoutId');
    }
    if (current?.status === 'canceled') {
      throw new HttpError(409, 'checkout_canceled', `Checkout ${record.checkoutId} was canceled; start a new checkout with a new checkoutId.`, 'checkoutId');
    }
    stripeFailure(error);
  }
  return { id: intent.id, clientSecret: intent.client_secret ?? record.clientSecret ?? '', amount: intent.amount, currency: intent.currency.toUpperCase() };
}
