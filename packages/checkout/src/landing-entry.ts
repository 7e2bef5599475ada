import type { CartliftInstance } from '@cartlift/core';
import type { Locale } from './i18n.js';

/**
 * Handles the page's arrival from a cart link, a redirect payment, a shown
 * order or a review link, loading that code only when the URL asks for it.
 *
 * @example
 * handleLanding(cartlift, 'en', location.search);
 */
export function handleLanding(instance: CartliftInstance, locale: Locale, search: string): void {
  const params = new URLSearchParams(search);
  // Which arrival it is, is decided in the lazy chunk: the first download only asks whether it is one.
  if (!['cartlift-cart', 'payment_intent_client_secret', 'cartlift-order', 'cartlift-review'].some((name) => params.has(name))) return;
  void import('./landing.js')
    .then((landing) => landing.land(instance, locale, params))
    .catch((error: unknown) => instance.events.emit('error', { code: 'landing_failed', message: String(error) }));
}
