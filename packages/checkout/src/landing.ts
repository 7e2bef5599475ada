import { type CartState, type CartliftInstance, DEFAULT_LIMITS, normalizeCode } from '@cartlift/core';
import type { EvaluateResult } from '@cartlift/discounts';
import { openCart } from './cart-element';
import type { Locale } from './i18n';
import { type Skipped, skippedSentence } from './link-notice';
import type { PaymentOutcome } from './pay';
import { recordPurchase } from './purchase';
import { type CartBody, ServerError } from './server-api';
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
    const api = apiFor(instance);
    const limits = ((await api.config()) as { limits?: { maxLines?: number } }).limits;
    // The server prices the link's own text (what a signature covers), so no lines are sent beside it.
    const quote = (await api.quote({ codes, link: { cart, ...(coupon ? { coupon } : {}), ...(sig ? { sig } : {}) } } as CartBody)) as EvaluateResult & { skipped?: Skipped[] };
    const skipped = [...(quote.skipped ?? [])];
    for (const line of quote.lines as (EvaluateResult['lines'][number] & { name?: unknown; image?: unknown })[]) {
      if (!(await addLinkLine(instance, line, locale, Math.min(limits?.maxLines ?? Infinity, DEFAULT_LIMITS.maxLines)))) skipped.push({ part: `${line.sku}:${line.quantity}`, reason: 'too_many_lines' });
    }
    for (const code of codes) await instance.cart.addCode(code);
    if (skipped.length) report(instance, 'cart_link_skipped', `The cart link was applied in part. ${skippedSentence(skipped, 'en')}`);
    openCart(document, skipped.length ? { view: 'cart', notice: skippedSentence(skipped, locale) } : undefined);
  } catch (error) {
    report(instance, error instanceof ServerError ? error.code : 'invalid_cart_link', `The cart link was not applied: ${(error as Error).message}`);
  }
}

/** Adds one priced line of a link unless the cart already holds `maxLines` other lines; false when it could not. */
async function addLinkLine(instance: CartliftInstance, line: { sku: string; quantity: number; unitPrice: number; name?: unknown; image?: unknown }, locale: Locale, maxLines: number): Promise<boolean> {
  const lines = instance.cart.get().lines;
  if (lines.length >= maxLines && !lines.some((l) => l.key === line.sku)) return false;
  const name = localName(line.name, locale);
  const image = typeof line.image === 'string' ? line.image : undefined;
  await instance.cart.add({ sku: line.sku, quantity: line.quantity, price: line.unitPrice, ...(name ? { name } : {}), ...(image ? { image } : {}) });
  return true;
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
