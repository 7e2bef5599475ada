import { type CartState, type CartliftInstance, normalizeCode, parseCartLink } from '@cartlift/core';
import { openCart } from './cart-element';
import type { Locale } from './i18n';
import { PaymentError } from './pay';
import { paymentSentence } from './payment-text';
import { recordPurchase, shownOrder } from './purchase';
import type { PendingPayment } from './sheet';
import { ServerError } from './server-api';
import { apiFor, storage } from './session';

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

/**
 * Finishes a payment that left the page (Alipay) and came back to
 * return_url: the server says where the attempt stands. Paid: the thank-you
 * screen. Not paid (failed or cancelled): the sheet again, with what the
 * shopper had typed and a sentence in their language.
 */
export async function completeRedirect(instance: CartliftInstance, locale: Locale, params: URLSearchParams): Promise<void> {
  cleanUrl(RETURN_PARAMS);
  const pending = await storage.get<PendingPayment>('pending-payment').catch(() => undefined);
  if (!pending?.checkoutId) return;
  try {
    const answer = await apiFor(instance).complete(pending.checkoutId, params.get('redirect_status') === 'failed');
    if (answer.status === 'requires_action') throw new PaymentError('payment_incomplete', paymentSentence('payment_incomplete', locale));
    const outcome = { paymentIntentId: answer.paymentIntentId, status: answer.status, amount: answer.amount, currency: answer.currency, order: answer.order };
    recordPurchase(instance, storage, outcome, pending.cart, { clearCart: pending.cart.id === instance.cart.get().id });
    openCart(document, { view: 'paid', outcome });
  } catch (error) {
    void storage.del('pending-payment').catch(() => {});
    const message = error instanceof ServerError || error instanceof PaymentError ? paymentSentence(error.code, locale, error.message) : paymentSentence('payment_failed', locale);
    openCart(document, { view: 'checkout', restored: { ...pending, message } });
  }
}

/** Shows the thank-you screen again after a reload, while its order is in the address bar. */
export async function showOrderAgain(params: URLSearchParams): Promise<void> {
  const outcome = await shownOrder(storage, params.get('cartlift-order') ?? '');
  if (outcome) openCart(document, { view: 'paid', outcome });
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
