import { type CartState, type CartliftInstance, type FunnelEvent, type StoragePort, funnelEvent, toFunnelItems } from '@cartlift/core';
import type { PaymentOutcome } from './pay.js';

/**
 * A funnel event for a cart. Unlike core's funnelEvent, whose `value` is the
 * items' display value, `extra` wins here: checkout knows the server's price.
 *
 * @example
 * instance.events.emit('begin_checkout', checkoutEvent(cart, { value: quote.total, ...couponOf(cart) }));
 */
export function checkoutEvent(cart: CartState, extra: Record<string, unknown> = {}): FunnelEvent {
  return funnelEvent(cart, toFunnelItems(cart.lines), extra);
}

/**
 * GA4's `coupon` parameter: the cart's codes, comma-separated; nothing without codes.
 *
 * @example
 * couponOf({ ...cart, codes: ['WELCOME10'] }) // { coupon: 'WELCOME10' }
 */
export function couponOf(cart: CartState): { coupon?: string } {
  return cart.codes?.length ? { coupon: cart.codes.join(',') } : {};
}

/**
 * Reports a finished payment: `purchase` with the PaymentIntent id as
 * transaction_id, the amount the server charged as value and the coupon, then
 * forgets the pending redirect record. Clears the shopper's cart unless this
 * was a "buy now".
 *
 * @example
 * recordPurchase(instance, storage, outcome, cart, { clearCart: true });
 */
export function recordPurchase(instance: CartliftInstance, storage: StoragePort, outcome: PaymentOutcome, cart: CartState, { clearCart }: { clearCart: boolean }): void {
  instance.events.emit('purchase', checkoutEvent(cart, { transaction_id: outcome.paymentIntentId, value: outcome.amount, currency: outcome.currency.toUpperCase(), ...couponOf(cart) }));
  if (clearCart) void instance.cart.clear().catch(() => {});
  void storage.del('pending-payment').catch(() => {});
  rememberShownOrder(storage, outcome);
}

const SHOWN_ORDER = 'shown-order';
const ORDER_PARAM = 'cartlift-order';

/**
 * Keeps the thank-you screen through a reload: the outcome in storage and
 * its id in the address bar (`?cartlift-order=`), which `handleLanding` reads.
 *
 * @example
 * rememberShownOrder(storage, outcome);
 */
export function rememberShownOrder(storage: StoragePort, outcome: PaymentOutcome): void {
  void storage.update(SHOWN_ORDER, () => outcome).catch(() => {});
  if (typeof history === 'undefined') return;
  const url = new URL(location.href);
  url.searchParams.set(ORDER_PARAM, outcome.paymentIntentId);
  history.replaceState(history.state, '', url);
}

/** The shopper closed the thank-you screen: a reload shows the shop again. */
export function forgetShownOrder(storage: StoragePort): void {
  void storage.del(SHOWN_ORDER).catch(() => {});
  if (typeof history === 'undefined') return;
  const url = new URL(location.href);
  url.searchParams.delete(ORDER_PARAM);
  history.replaceState(history.state, '', url);
}

/**
 * The remembered order whose id the address bar names, if it is this one.
 *
 * @example
 * const outcome = await shownOrder(storage, 'pi_123');
 */
export async function shownOrder(storage: StoragePort, paymentIntentId: string): Promise<PaymentOutcome | undefined> {
  const outcome = await storage.get<PaymentOutcome>(SHOWN_ORDER).catch(() => undefined);
  return outcome?.paymentIntentId === paymentIntentId ? outcome : undefined;
}
