import type { Stripe, StripeElements } from '@stripe/stripe-js';
import type { CartBody, ServerApi } from './server-api';

export interface PaymentOutcome {
  paymentIntentId: string;
  status: string;
  amount: number;
  currency: string;
}

/** A payment that did not go through, as a sentence for the shopper. */
export class PaymentError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'PaymentError';
    this.code = code;
  }
}

export interface PayInput {
  stripe: Stripe;
  elements: StripeElements;
  api: ServerApi;
  /** One per attempt: the server's idempotency key, so retries never charge twice. */
  checkoutId: string;
  body: CartBody;
  returnUrl: string;
  billing: { name?: string; email?: string; phone?: string };
  /** Called with the intent before confirming, for finishing after a redirect. */
  beforeConfirm?(intent: PaymentOutcome): Promise<void> | void;
}

/**
 * Validates the Payment Element, asks the server for the PaymentIntent (priced
 * by the server, one per checkoutId), then confirms with Stripe.js. Wallets,
 * cards and WeChat Pay finish here; Alipay redirects and returns to returnUrl.
 *
 * @example
 * const outcome = await pay({ stripe, elements, api, checkoutId, body, returnUrl: location.href, billing });
 */
export async function pay(input: PayInput): Promise<PaymentOutcome> {
  const { stripe, elements, api } = input;
  const submitted = await elements.submit();
  if (submitted.error) throw new PaymentError(submitted.error.code ?? 'invalid_payment_details', submitted.error.message ?? 'Check your payment details.');
  const session = await api.checkout({ ...input.body, checkoutId: input.checkoutId });
  const pending = { paymentIntentId: session.paymentIntentId, status: 'requires_confirmation', amount: session.amount, currency: session.currency };
  await input.beforeConfirm?.(pending);
  const result = await stripe.confirmPayment({
    elements,
    clientSecret: session.clientSecret,
    confirmParams: { return_url: input.returnUrl, payment_method_data: { billing_details: input.billing } },
    redirect: 'if_required',
  });
  if (result.error) throw new PaymentError(result.error.code ?? result.error.type ?? 'payment_failed', result.error.message ?? 'The payment did not go through.');
  return { ...pending, status: result.paymentIntent.status };
}
