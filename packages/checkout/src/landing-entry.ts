import type { CartliftInstance } from '@cartlift/core';
import type { Locale } from './i18n.js';

/**
 * Handles the page's arrival from a cart link or a redirect payment, loading
 * that code only when the URL asks for it.
 *
 * @example
 * handleLanding(cartlift, 'en', location.search);
 */
export function handleLanding(instance: CartliftInstance, locale: Locale, search: string): void {
  const params = new URLSearchParams(search);
  const link = params.has('cartlift-cart');
  const returned = params.has('payment_intent_client_secret');
  const order = params.has('cartlift-order');
  if (!link && !returned && !order) return;
  void import('./landing.js')
    .then((landing) =>
      returned
        ? landing.completeRedirect(instance, locale, params)
        : link
          ? landing.applyCartLink(instance, locale, params)
          : landing.showOrderAgain(instance, locale, params),
    )
    .catch((error: unknown) => instance.events.emit('error', { code: 'landing_failed', message: String(error) }));
}
