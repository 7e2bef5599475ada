import { CartliftError, type CartliftInstance, localizedName, normalizeCode } from '@cartlift/core';
import { cartBounds } from './cart-bounds.js';
import type { QuoteResponse } from '@cartlift/core/contract';
import { openCart } from './open-cart.js';
import type { Locale } from './i18n.js';
import { type Skipped, skippedSentence } from './link-notice.js';
import { paymentError } from './pay.js';
import { paymentSentence } from './payment-text.js';
import { shownOrder } from './purchase.js';
import type { PendingPayment } from './sheet.js';
import { sessionFor } from './checkout-session.js';

const LINK_PARAMS = ['cartlift-cart', 'cartlift-coupon', 'cartlift-sig'];
const RETURN_PARAMS = ['payment_intent', 'payment_intent_client_secret', 'redirect_status'];

/** Removes our and Stripe's parameters from the address bar, keeping the rest. */
function cleanUrl(names: string[]): void {
  const url = new URL(location.href);
  for (const name of names) url.searchParams.delete(name);
  history.replaceState(history.state, '', url);
}

/**
 * Fills the cart from a cart link once the server has checked it (skus
 * exist, and the HMAC signature when the shop requires one), then leaves the
 * URL clean. What the shop sells is added (with its catalog name and image);
 * what it doesn't, malformed parts, and lines beyond the cart's limit are
 * skipped and said so — in the drawer, and as an `error` event.
 */
export async function applyCartLink(instance: CartliftInstance, locale: Locale, params: URLSearchParams): Promise<void> {
  const cart = params.get('cartlift-cart') ?? '';
  const coupon = params.get('cartlift-coupon');
  const sig = params.get('cartlift-sig');
  cleanUrl(LINK_PARAMS);
  const codes = coupon ? [normalizeCode(coupon)] : [];
  try {
    const { api } = sessionFor(instance, locale);
    const { maxLines } = cartBounds(instance, await api.config());
    // The server prices the link's own text (what a signature covers), so no lines are sent beside it.
    const quote = await api.quote({ codes, link: { cart, ...(coupon ? { coupon } : {}), ...(sig ? { sig } : {}) } });
    const skipped: Skipped[] = [...(quote.skipped ?? [])];
    for (const line of quote.lines) {
      if (!(await addLinkLine(instance, line, locale, maxLines))) skipped.push({ part: `${line.sku}:${line.quantity}`, reason: 'too_many_lines' });
    }
    for (const code of codes) await instance.cart.addCode(code);
    if (skipped.length) report(instance, 'cart_link_skipped', `The cart link was applied in part. ${skippedSentence(skipped, 'en')}`);
    openCart(document, skipped.length ? { view: 'cart', notice: skippedSentence(skipped, locale) } : undefined);
  } catch (error) {
    report(instance, error instanceof CartliftError ? error.code : 'invalid_cart_link', `The cart link was not applied: ${(error as Error).message}`);
  }
}

/** Adds one priced line of a link unless the cart already holds `maxLines` other lines; false when it could not. */
async function addLinkLine(instance: CartliftInstance, line: QuoteResponse['lines'][number], locale: Locale, maxLines: number): Promise<boolean> {
  const lines = instance.cart.get().lines;
  if (lines.length >= maxLines && !lines.some((l) => l.key === line.sku)) return false;
  const name = localizedName(line.name, locale);
  await instance.cart.add({
    sku: line.sku,
    quantity: line.quantity,
    price: line.unitPrice,
    ...(name ? { name } : {}),
    ...(line.image ? { image: line.image } : {}),
  });
  return true;
}

/**
 * Finishes a payment that left the page (Alipay) and came back to
 * return_url: the server says where the attempt stands. Paid: the thank-you
 * screen. Not paid (failed or cancelled): the sheet again, with what the
 * shopper had typed and a sentence in their language.
 */
export async function completeRedirect(instance: CartliftInstance, locale: Locale, params: URLSearchParams): Promise<void> {
  cleanUrl(RETURN_PARAMS);
  const session = sessionFor(instance, locale);
  const { storage } = session;
  const pending = await storage.get<PendingPayment>('pending-payment').catch(() => undefined);
  if (!pending?.checkoutId) return;
  try {
    const answer = await session.api.complete(pending.checkoutId, params.get('redirect_status') === 'failed');
    if (answer.status === 'requires_action') throw paymentError('payment_incomplete', paymentSentence('payment_incomplete', locale));
    const outcome = {
      checkoutId: pending.checkoutId,
      paymentIntentId: answer.paymentIntentId,
      status: answer.status,
      amount: answer.amount,
      currency: answer.currency,
      order: answer.order,
    };
    await session.paid(outcome, pending.cart, { clearCart: pending.cart.id === instance.cart.get().id });
    openCart(document, { view: 'paid', outcome });
  } catch (error) {
    void storage.del('pending-payment').catch(() => {});
    const message = error instanceof CartliftError ? paymentSentence(error.code, locale, error.message) : paymentSentence('payment_failed', locale);
    openCart(document, { view: 'checkout', restored: { ...pending, message } });
  }
}

/** Shows the thank-you screen again after a reload, while its order is in the address bar. */
export async function showOrderAgain(instance: CartliftInstance, locale: Locale, params: URLSearchParams): Promise<void> {
  const outcome = await shownOrder(sessionFor(instance, locale).storage, params.get('cartlift-order') ?? '');
  if (outcome) openCart(document, { view: 'paid', outcome });
}

/**
 * The arrival the URL asks for: a return from a redirect payment, a cart
 * link or a shown order.
 *
 * @example
 * land(cartlift, 'en', new URLSearchParams(location.search));
 */
export function land(instance: CartliftInstance, locale: Locale, params: URLSearchParams): Promise<unknown> {
  if (params.has('payment_intent_client_secret')) return completeRedirect(instance, locale, params);
  if (params.has('cartlift-cart')) return applyCartLink(instance, locale, params);
  return showOrderAgain(instance, locale, params);
}

function report(instance: CartliftInstance, code: string, message: string): void {
  console.error(`Cartlift: ${message}`);
  instance.events.emit('error', { code, message });
}
