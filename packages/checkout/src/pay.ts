import type { Stripe, StripeElements } from '@stripe/stripe-js';
import type { Locale } from './i18n.js';
import { paymentSentence } from './payment-text.js';
import { CartliftError } from '@cartlift/core';
import type { CheckoutRequest, CheckoutResponse, OrderSummary, QuoteResponse } from '@cartlift/core/contract';
import type { ServerApi } from './server-api.js';

export interface PaymentOutcome {
  paymentIntentId: string;
  status: string;
  amount: number;
  currency: string;
  /** The server's order, when it has recorded it (always once the payment succeeded). */
  order?: OrderSummary | null;
  /** The attempt's id: what proves the order is this browser's ("Review later" sends it). */
  checkoutId?: string;
}

/**
 * A payment that did not go through, as a sentence for the shopper: nothing
 * was charged. A changed price carries the new quote to show and confirm.
 *
 * @example
 * throw paymentError('card_declined', 'Your card was declined.');
 */
export function paymentError(code: string, sentence: string, quote?: QuoteResponse): CartliftError {
  return new CartliftError(code, sentence, undefined, quote ? { quote } : {});
}

export interface PayInput {
  stripe: Stripe;
  elements: StripeElements;
  api: ServerApi;
  locale: Locale;
  /** One per attempt: the server's idempotency key, so retries never charge twice. */
  checkoutId: string;
  /** The cart and the shopper, as `/checkout` takes them; the attempt's own fields are added here. */
  body: Omit<CheckoutRequest, 'checkoutId' | 'confirmationToken' | 'expectedTotal'>;
  /** The total the shopper confirmed: the server charges it or nothing. */
  expectedTotal: number;
  returnUrl: string;
  billing: { name?: string; email?: string; phone?: string };
  /** Called before a next action that may leave the page (Alipay), for finishing after the return. */
  beforeAction?(): Promise<void> | void;
}

const outcomeOf = (answer: CheckoutResponse, checkoutId: string): PaymentOutcome => ({
  checkoutId,
  paymentIntentId: answer.paymentIntentId,
  status: answer.status,
  amount: answer.amount,
  currency: answer.currency,
  order: 'order' in answer ? answer.order : null,
});

/**
 * Pays the way Stripe's "finalize on the server" flow does: validates the
 * Payment Element, turns what the shopper entered into a ConfirmationToken,
 * and lets the server price, hold and confirm in one step. Next actions
 * (3-D Secure, the WeChat Pay QR code, Alipay's page) run through
 * `stripe.handleNextAction`, then the server says where the payment stands.
 * Rejects with a CartliftError whose message is a sentence in the shopper's language; a changed
 * price rejects with the new quote and charges nothing.
 *
 * @example
 * const outcome = await pay({ stripe, elements, api, locale: 'en', checkoutId, body, expectedTotal: quote.total, returnUrl: location.href, billing });
 */
export async function pay(input: PayInput): Promise<PaymentOutcome> {
  const { stripe, elements, locale } = input;
  const submitted = await elements.submit();
  if (submitted.error)
    throw paymentError(submitted.error.code ?? 'invalid_payment_details', submitted.error.message ?? paymentSentence('payment_failed', locale));
  const made = await stripe.createConfirmationToken({
    elements,
    params: { return_url: input.returnUrl, payment_method_data: { billing_details: input.billing } },
  });
  if (made.error) throw paymentError(made.error.code ?? 'payment_failed', paymentSentence(made.error.code, locale, made.error.message));
  return finish(input, () =>
    input.api.checkout({ ...input.body, checkoutId: input.checkoutId, confirmationToken: made.confirmationToken.id, expectedTotal: input.expectedTotal }),
  );
}

/**
 * Sends the attempt to the server and follows it to the end. Shared by the
 * sheet and the wallet buttons, which make their ConfirmationToken differently.
 *
 * @example
 * const outcome = await finish({ stripe, api, locale, checkoutId }, () => api.checkout(body));
 */
export async function finish(
  input: Pick<PayInput, 'stripe' | 'api' | 'locale' | 'checkoutId' | 'beforeAction'>,
  send: () => Promise<CheckoutResponse>,
): Promise<PaymentOutcome> {
  const { stripe, api, locale } = input;
  let answer: CheckoutResponse;
  try {
    answer = await send();
    if (answer.status === 'requires_action') {
      await input.beforeAction?.();
      const handled = await stripe.handleNextAction({ clientSecret: answer.clientSecret });
      // Failed or abandoned (a closed QR code): the server cancels the attempt and frees what it held; then say why.
      const settled = await api.complete(input.checkoutId, Boolean(handled.error)).catch((error: unknown) => {
        if (handled.error) throw paymentError(handled.error.code ?? 'payment_failed', paymentSentence(handled.error.code, locale, handled.error.message));
        throw error;
      });
      if (settled.status === 'requires_action') throw paymentError('payment_incomplete', paymentSentence('payment_incomplete', locale));
      answer = settled;
    }
  } catch (error) {
    if (error instanceof CartliftError) throw paymentError(error.code, paymentSentence(error.code, locale, error.message), error.quote);
    throw error;
  }
  return outcomeOf(answer, input.checkoutId);
}
