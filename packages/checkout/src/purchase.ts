import { type CartState, type CartliftInstance, type FunnelItem, type StoragePort, funnelEvent, toFunnelItems } from '@cartlift/core';
import type { FunnelParams, FunnelPayload } from '@cartlift/core/contract';
import type { PaymentOutcome } from './pay.js';
import type { OrderSummary } from '@cartlift/core/contract';

/** The checkout steps reported for the whole cart. */
export type CheckoutStep = 'begin_checkout' | 'add_shipping_info' | 'add_payment_info' | 'checkout_error';

/**
 * A checkout step's funnel event for the whole cart. `params.value`, when
 * given, is the server's price, which wins over the items' display value.
 *
 * @example
 * instance.events.emit('begin_checkout', checkoutEvent('begin_checkout', cart, { value: quote.total, ...couponOf(cart) }));
 */
export function checkoutEvent<Step extends CheckoutStep>(step: Step, cart: CartState, params: FunnelParams[Step] & { value?: number }): FunnelPayload<Step> {
  return funnelEvent<CheckoutStep>(step, cart, toFunnelItems(cart.lines), params) as FunnelPayload<Step>;
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
 * What was bought, at the server's prices, as `value` is: the order's lines
 * with their unit prices (names in the page's words, from the cart). Before
 * the server has recorded the order (a payment still processing) the cart's
 * lines go without a price: the page's display price is not what was charged.
 *
 * @example
 * soldItems(cart, outcome.order) // [{ item_id: 'TEA-LJ-100', quantity: 2, price: 2200 }]
 */
export function soldItems(cart: CartState, order: OrderSummary | null | undefined): FunnelItem[] {
  if (!order) return toFunnelItems(cart.lines.map(({ price: _page, ...line }) => line));
  return order.items.map((i) => {
    const name = cart.lines.find((l) => l.sku === i.sku && l.variant === i.variant)?.name ?? (typeof i.name === 'string' ? i.name : undefined);
    return {
      item_id: i.sku,
      quantity: i.quantity,
      price: i.unitPrice,
      ...(i.variant ? { item_variant: i.variant } : {}),
      ...(name ? { item_name: name } : {}),
    };
  });
}

/** Longest the thank-you screen waits on storage: a storage that never answers must not hide a done payment. */
export const PURCHASE_STORAGE_WAIT_MS = 2000;

/**
 * Reports a finished payment: `purchase` with the PaymentIntent id as
 * transaction_id, the amount the server charged as value, the items at the
 * server's unit prices (see soldItems) and the coupon, then
 * forgets the pending redirect record. Clears the shopper's cart unless this
 * was a "buy now", with no `remove_from_cart` for what was bought. Settles
 * once those writes are stored, so a shopper who leaves the thank-you screen
 * at once never finds the paid cart again.
 * Storage failures are swallowed, and a storage that never answers is waited
 * on for PURCHASE_STORAGE_WAIT_MS at most: the payment is done either way.
 *
 * @example
 * await recordPurchase(instance, storage, outcome, cart, { clearCart: true });
 */
export async function recordPurchase(
  instance: CartliftInstance,
  storage: StoragePort,
  outcome: PaymentOutcome,
  cart: CartState,
  { clearCart }: { clearCart: boolean },
): Promise<void> {
  instance.events.emit(
    'purchase',
    funnelEvent('purchase', cart, soldItems(cart, outcome.order), {
      transaction_id: outcome.paymentIntentId,
      value: outcome.amount,
      currency: outcome.currency.toUpperCase(),
      ...couponOf(cart),
    }),
  );
  const stored = Promise.all([
    // Bought, not removed: no remove_from_cart for these lines.
    clearCart ? instance.cart.clear({ purchased: true }).catch(() => {}) : undefined,
    storage.del('pending-payment').catch(() => {}),
    rememberShownOrder(storage, outcome),
  ]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([stored, new Promise((waited) => (timer = setTimeout(waited, PURCHASE_STORAGE_WAIT_MS)))]);
  clearTimeout(timer);
}

const SHOWN_ORDER = 'shown-order';
const ORDER_PARAM = 'cartlift-order';

/**
 * Keeps the thank-you screen through a reload: the outcome in storage and
 * its id in the address bar (`?cartlift-order=`), which `handleLanding` reads.
 *
 * @example
 * await rememberShownOrder(storage, outcome);
 */
export async function rememberShownOrder(storage: StoragePort, outcome: PaymentOutcome): Promise<void> {
  if (typeof history !== 'undefined') {
    const url = new URL(location.href);
    url.searchParams.set(ORDER_PARAM, outcome.paymentIntentId);
    history.replaceState(history.state, '', url);
  }
  await storage.update(SHOWN_ORDER, () => outcome).catch(() => {});
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
