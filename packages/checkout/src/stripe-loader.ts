import { CartliftError } from '@cartlift/core';
import type { Stripe } from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure';
import type { Locale } from './i18n.js';

let sandboxScript: Promise<void> | undefined;

function injectScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement('script'), { src, async: true });
    script.onload = () => resolve();
    script.onerror = () => {
      script.remove();
      reject(new CartliftError('stripe_unavailable', `Stripe.js could not be loaded from ${src}.`));
    };
    document.head.append(script);
  });
}

/**
 * Loads Stripe.js through `@stripe/stripe-js/pure`, only when the shopper
 * shows checkout intent. In sandbox mode the server's config names a local
 * Stripe.js look-alike, which is loaded first so stripe-js finds `window.Stripe`
 * — the checkout code path is the production one either way. A failed load
 * rejects and may be retried.
 *
 * @example
 * const stripe = await loadStripeJs({ publishableKey: 'pk_test_…' }, 'zh-CN');
 */
export async function loadStripeJs(config: { publishableKey: string; stripeJsUrl?: string }, locale: Locale): Promise<Stripe> {
  const w = window as unknown as { Stripe?: unknown };
  if (config.stripeJsUrl && !w.Stripe) {
    sandboxScript ??= injectScript(config.stripeJsUrl).catch((error: unknown) => {
      sandboxScript = undefined;
      throw error;
    });
    await sandboxScript;
  }
  const stripe = await loadStripe(config.publishableKey, { locale: locale === 'zh-CN' ? 'zh' : 'en' });
  if (!stripe)
    throw new CartliftError(
      'stripe_unavailable',
      'Stripe.js is not available on this page: loadStripe() gave nothing (a page without a window, or Stripe.js blocked).',
    );
  return stripe;
}
