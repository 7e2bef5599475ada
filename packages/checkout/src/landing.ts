import { type CartState, type CartliftInstance, normalizeCode, parseCartLink } from '@cartlift/core';
import { openCart } from './cart-element';
import type { Locale } from './i18n';
import type { PaymentOutcome } from './pay';
import { recordPurchase } from './purchase';
import { ServerError } from './server-api';
import { apiFor, storage } from './session';
import { loadStripeJs } from './stripe-loader';

const LINK_PARAMS = ['cartlift-cart', 'cartlift-coupon', 'cartlift-sig'];
const RETURN_PARAMS = ['payment_intent', 'payment_intent_client_secret', 'redirect_status'];

/** Removes our and Stripe's parameters from the address bar, keeping the rest. */
function cleanUrl(names: string[]): void {
  const url = new URL(location.href);
  for (const name of names) url.searchParams.delete(name);
  history.replaceState(history.state, '', url);
}

/**
 * Fills the cart from a cart link once the server has checked it (skus exist,
 * and the HMAC signature when the shop requires one), then leaves the URL clean.
 */
export async function applyCartLink(instance: CartliftInstance, locale: Locale, params: URLSearchParams): Promise<void> {
  const raw = params.get('cartlift-cart') ?? '';
  const coupon = params.get('cartlift-coupon');
  cleanUrl(LINK_PARAMS);
  let lines;
  try {
    lines = parseCartLink(raw);
  } catch (error) {
    return report(instance, 'invalid_cart_link', `The cart link was not applied: ${(error as Error).message}`);
  }
  const codes = coupon ? [normalizeCode(coupon)] : [];
  try {
    const quote = await apiFor(instance).quote({ lines, codes, link: { cart: raw, ...(coupon ? { coupon } : {}), ...(params.get('cartlift-sig') ? { sig: params.get('cartlift-sig') as string } : {}) } });
    for (const line of quote.lines) {
      const name = localName((line as { name?: unknown }).name, locale);
      await instance.cart.add({ sku: line.sku, quantity: line.quantity, price: line.unitPrice, ...(name ? { name } : {}) });
    }
    for (const code of codes) await instance.cart.addCode(code);
    openCart(document);
  } catch (error) {
    report(instance, error instanceof ServerError ? error.code : 'invalid_cart_link', `The cart link was not applied: ${(error as Error).message}`);
  }
}

/** Finishes a payment that left the page (Alipay) and came back to return_url. */
export async function completeRedirect(instance: CartliftInstance, locale: Locale, params: URLSearchParams): Promise<void> {
  const clientSecret = params.get('payment_intent_client_secret') ?? '';
  cleanUrl(RETURN_PARAMS);
  const pending = await storage.get<PaymentOutcome & { cart?: CartState }>('pending-payment').catch(() => undefined);
  if (!pending || pending.paymentIntentId !== params.get('payment_intent')) return;
  const config = await apiFor(instance).config();
  const stripe = await loadStripeJs(config, locale);
  const { paymentIntent, error } = await stripe.retrievePaymentIntent(clientSecret);
  if (error || !paymentIntent) return report(instance, 'payment_lookup_failed', error?.message ?? 'The payment could not be looked up.');
  if (paymentIntent.status === 'succeeded' || paymentIntent.status === 'processing') {
    const cart = pending.cart ?? instance.cart.get();
    const outcome = { ...pending, status: paymentIntent.status };
    recordPurchase(instance, storage, outcome, cart, { clearCart: cart.id === instance.cart.get().id });
    openCart(document, { view: 'paid', outcome });
  } else {
    openCart(document, { view: 'checkout' });
  }
}

/** A catalog name, plain or by locale, as text. */
function localName(name: unknown, locale: Locale): string | undefined {
  if (typeof name === 'string') return name;
  const names = name as Record<string, unknown> | undefined;
  const text = names?.[locale] ?? names?.en;
  return typeof text === 'string' ? text : undefined;
}

function report(instance: CartliftInstance, code: string, message: string): void {
  console.error(`Cartlift: ${message}`);
  instance.events.emit('error', { code, message });
}
