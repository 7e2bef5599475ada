import type { CartliftInstance } from '@cartlift/core';
import type { Locale } from './i18n.js';

/**
 * Handles the page's arrival from a cart link, a redirect payment or a shown
 * order, loading that code only when the URL asks for it; a review link
 * (`?cartlift-review=`) goes to `reviewForm`, which the script tag passes
 * (the form is `@cartlift/reviews/form`, a package checkout does not import).
 *
 * @example
 * handleLanding(cartlift, 'en', location.search, (token) => openReviewFormLazily(token)); // the script tag's loader imports the review form
 */
export function handleLanding(instance: CartliftInstance, locale: Locale, search: string, reviewForm: (token: string) => Promise<unknown>): void {
  const params = new URLSearchParams(search);
  const review = params.get('cartlift-review');
  // Which other arrival it is, is decided in the lazy chunk: the first download only asks whether it is one.
  const landing = review
    ? reviewForm(review)
    : ['cartlift-cart', 'payment_intent_client_secret', 'cartlift-order'].some((name) => params.has(name)) &&
      import('./landing.js').then((chunk) => chunk.land(instance, locale, params));
  if (landing) landing.catch((error: unknown) => instance.events.emit('error', { code: 'landing_failed', message: String(error) }));
}
