import { createApiClient } from './api.js';
import { confirmPayment, nextAction, type ConfirmPaymentOptions, type PaymentIntentResult } from './confirm.js';
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
    if (typeof publishableKey !== 'string') throw new TypeError(`Stripe(): expected a publishable key string such as pk_test_…, received ${typeof publishableKey}.`);
    if (/^(sk|rk)_/.test(publishableKey)) throw new Error('Stripe(): you passed a secret key. Never use a secret key in the browser; pass a publishable key (pk_test_…).');
    if (!/^pk_test_/.test(publishableKey)) throw new Error(`Stripe(): the Stripe sandbox accepts test-mode publishable keys (pk_test_…), received ${JSON.stringify(publishableKey.slice(0, 8))}….`);
    const api = createApiClient(apiBase, publishableKey);
    const deps = { api, navigate, ...(options.locale ? { locale: options.locale } : {}) };
    return {
      elements: (elementsOptions?: GroupOptions) => createElements(api, elementsOptions, options.locale),
      confirmPayment: (confirmOptions: ConfirmPaymentOptions) => confirmPayment(deps, confirmOptions),
      async retrievePaymentIntent(clientSecret: string): Promise<PaymentIntentResult> {
        const result = await api.retrieve(clientSecret);
        return result.error ? { error: result.error } : { paymentIntent: result.intent };
      },
      async handleNextAction({ clientSecret }: { clientSecret: string }): Promise<PaymentIntentResult> {
        const result = await api.retrieve(clientSecret);
        if (result.error) return { error: result.error };
        return nextAction(deps, texts(options.locale), result.intent, clientSecret, 'if_required', undefined);
      },
      registerAppInfo: () => undefined,
      _registerWrapper: () => undefined,
    };
  }
  Stripe.version = STRIPE_JS_VERSION;
  return Stripe;
}
