import type Stripe from 'stripe';
import { HttpError } from '../http/errors.js';
import { paymentMethodOptions } from '../payment-methods.js';
import type { CheckoutRecord, Store } from '../store/types.js';

/** What the server charges for one payment attempt, and with what. */
export interface IntentWish {
  checkoutId: string;
  amount: number;
  currency: string;
  customer: string | null;
  email: string;
  paymentMethodTypes: string[];
  /** The ConfirmationToken Stripe.js made from what the shopper entered (card, wallet, Alipay, WeChat Pay). */
  confirmationToken: string;
  /** Where the goods go, when the shopper gave an address: Stripe keeps it on the intent (fraud checks, the dashboard). */
  shipping: Stripe.PaymentIntentCreateParams.Shipping | null;
}

// `payment_method_types` is the long-standing explicit list Stripe accepts;
// the newest typings only declare `allowed_payment_method_types`, hence the cast.
function createParams(wish: IntentWish): Stripe.PaymentIntentCreateParams {
  const params = {
    amount: wish.amount,
    currency: wish.currency.toLowerCase(),
    confirm: true,
    confirmation_token: wish.confirmationToken,
    payment_method_types: wish.paymentMethodTypes,
    payment_method_options: paymentMethodOptions(wish.paymentMethodTypes),
    receipt_email: wish.email,
    metadata: { cartlift_checkout_id: wish.checkoutId },
    ...(wish.customer ? { customer: wish.customer } : {}),
    ...(wish.shipping ? { shipping: wish.shipping } : {}),
  };
  return params as Stripe.PaymentIntentCreateParams;
}

type StripeFailure = {
  type?: string;
  message?: string;
  code?: string;
  decline_code?: string;
  raw?: { payment_intent?: { id?: string } };
  payment_intent?: { id?: string };
};

/** The intent a refused confirmation left behind at Stripe (a decline keeps it, in `requires_payment_method`). */
export function intentOfFailure(error: unknown): string | null {
  const e = error as StripeFailure;
  return e?.raw?.payment_intent?.id ?? e?.payment_intent?.id ?? null;
}

/** Stripe answered and said no (nothing more will happen at Stripe), as opposed to not answering. */
export const isRefusal = (error: unknown) => {
  const type = (error as { type?: string })?.type;
  return type === 'StripeInvalidRequestError' || type === 'StripeCardError';
};

/**
 * Maps Stripe's refusals to client errors (a decline is a 402 with Stripe's
 * code and sentence), connection trouble to 503.
 */
export function stripeFailure(error: unknown): never {
  const e = error as StripeFailure;
  if (e?.type === 'StripeCardError') {
    const extra = e.decline_code ? { declineCode: e.decline_code } : {};
    throw new HttpError(402, e.code ?? 'card_declined', e.message ?? 'The payment was declined.', 'confirmationToken', {}, extra);
  }
  if (isRefusal(error)) {
    throw new HttpError(
      422,
      'payment_rejected',
      `Stripe refused the payment: ${e.message ?? 'no reason given'}`,
      e.code?.includes('confirmation_token') ? 'confirmationToken' : 'lines',
    );
  }
  if (e?.type === 'StripeConnectionError' || e?.type === 'StripeAPIError' || e?.type === 'StripeRateLimitError') {
    throw new HttpError(503, 'payment_provider_unavailable', 'The payment provider could not be reached; please try again in a moment.', undefined, {
      'retry-after': '2',
    });
  }
  throw error;
}

/**
 * Creates and confirms the attempt's one PaymentIntent, with the checkout id
 * as Stripe's idempotency key. The parameters are saved first, so should this
 * process die before the intent id is saved, settling the attempt replays the
 * same create under the same key and learns the intent (see settle.ts).
 * A refusal that leaves an intent behind (a decline) returns that intent's id
 * in `failed` beside the error, for the caller to cancel.
 */
export async function createConfirmedIntent(
  stripe: Stripe,
  store: Store,
  record: CheckoutRecord,
  token: string,
  wish: IntentWish,
  now: number,
): Promise<{ intent: Stripe.PaymentIntent } | { error: unknown; failedIntentId: string | null }> {
  const params = createParams(wish);
  await store.updateCheckout(record.checkoutId, token, { pendingCreate: params as unknown as Record<string, unknown> }, now);
  try {
    return { intent: await stripe.paymentIntents.create(params, { idempotencyKey: record.checkoutId }) };
  } catch (error) {
    const failedIntentId = intentOfFailure(error);
    // A refusal with no intent left nothing at Stripe: nothing to replay.
    if (isRefusal(error) && !failedIntentId) await store.updateCheckout(record.checkoutId, token, { pendingCreate: null }, now);
    return { error, failedIntentId };
  }
}

/**
 * Replays a saved create under its idempotency key: Stripe answers with what
 * the first create did (the intent, or the intent a decline left) without
 * doing it again. Had the first never reached Stripe, this one does it: the
 * shopper asked to pay this price, and settling then follows its outcome.
 * Null when Stripe refused it and kept no intent.
 */
export async function replayCreate(stripe: Stripe, record: CheckoutRecord): Promise<string | null> {
  if (!record.pendingCreate) return null;
  try {
    return (await stripe.paymentIntents.create(record.pendingCreate as unknown as Stripe.PaymentIntentCreateParams, { idempotencyKey: record.checkoutId })).id;
  } catch (error) {
    const id = intentOfFailure(error);
    if (id || isRefusal(error)) return id;
    return stripeFailure(error);
  }
}
