import { createApiClient, type ApiClient } from './api.js';
import { confirmPayment, nextAction, type ConfirmPaymentOptions, type PaymentIntentResult } from './confirm.js';
import { createConfirmationToken, type CreateConfirmationTokenOptions } from './confirmation-token.js';
import { createElements } from './elements.js';
import type { GroupOptions } from './group.js';
import { texts } from './i18n.js';

/** What `window.Stripe` reports as its version; matches @stripe/stripe-js's expected release train. */
export const STRIPE_JS_VERSION = 'endive';

/**
 * Builds the `Stripe(publishableKey, options)` function the look-alike
 * installs as `window.Stripe`, talking to the sandbox API at `apiBase`.
 *
 * @example
 * const Stripe = createStripeFactory('http://127.0.0.1:12111', (url) => location.assign(url));
 * const stripe = Stripe('pk_test_123', { locale: 'zh' });
 */
export function createStripeFactory(apiBase: string, navigate: (url: string) => void) {
  function Stripe(publishableKey: unknown, options: { locale?: string; [key: string]: unknown } = {}) {
    if (typeof publishableKey !== 'string')
      throw new TypeError(`Stripe(): expected a publishable key string such as pk_test_…, received ${typeof publishableKey}.`);
    if (/^(sk|rk)_/.test(publishableKey))
      throw new Error('Stripe(): you passed a secret key. Never use a secret key in the browser; pass a publishable key (pk_test_…).');
    if (!/^pk_test_/.test(publishableKey))
      throw new Error(`Stripe(): the Stripe sandbox accepts test-mode publishable keys (pk_test_…), received ${JSON.stringify(publishableKey.slice(0, 8))}….`);
    const api = createApiClient(apiBase, publishableKey);
    const deps = { api, navigate, ...(options.locale ? { locale: options.locale } : {}) };
    return {
      elements: (elementsOptions?: GroupOptions) => createElements(api, elementsOptions, options.locale),
      confirmPayment: (confirmOptions: ConfirmPaymentOptions) => confirmPayment(deps, confirmOptions),
      async retrievePaymentIntent(clientSecret: string): Promise<PaymentIntentResult> {
        const result = await api.retrieve(clientSecret);
        return result.error ? { error: result.error } : { paymentIntent: result.intent };
      },
      createConfirmationToken: (tokenOptions: CreateConfirmationTokenOptions) => createConfirmationToken(api, tokenOptions),
      handleNextAction: (actionOptions: { clientSecret: string }) => handleNextAction(deps, actionOptions),
      registerAppInfo: () => undefined,
      _registerWrapper: () => undefined,
    };
  }
  Stripe.version = STRIPE_JS_VERSION;
  return Stripe;
}

/**
 * `stripe.handleNextAction({ clientSecret })`: finishes an intent the server
 * confirmed (3-D Secure dialog, Alipay redirect, WeChat Pay QR dialog). As
 * Stripe.js, it refuses an intent that is not in `requires_action`.
 *
 * @example
 * const { paymentIntent, error } = await handleNextAction(deps, { clientSecret: 'pi_1_secret_abc' });
 */
export async function handleNextAction(
  deps: { api: ApiClient; navigate(url: string): void; locale?: string },
  options: { clientSecret: string },
): Promise<PaymentIntentResult> {
  const clientSecret = options?.clientSecret;
  const result = await deps.api.retrieve(clientSecret);
  if (result.error) return { error: result.error };
  const intent = result.intent;
  if (intent.status !== 'requires_action') {
    return {
      error: {
        type: 'invalid_request_error',
        code: 'payment_intent_unexpected_state',
        message: `stripe.handleNextAction(): PaymentIntent ${intent.id} has a status of ${intent.status}; handleNextAction only handles a PaymentIntent with the status requires_action.`,
        payment_intent: intent,
      },
    };
  }
  return nextAction(deps, texts(deps.locale), intent, clientSecret, 'if_required', undefined);
}
