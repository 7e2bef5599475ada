import { type CartState, type CartliftInstance, type StoragePort, funnelEvent, toFunnelItems } from '@cartlift/core';
import type { PaymentOutcome } from './pay';

/**
 * Reports a finished payment: `purchase` with the PaymentIntent id as
 * transaction_id and the amount the server charged, then forgets the pending
 * redirect record. Clears the shopper's cart unless this was a "buy now".
 *
 * @example
 * recordPurchase(instance, storage, outcome, cart, { clearCart: true });
 */
export function recordPurchase(instance: CartliftInstance, storage: StoragePort, outcome: PaymentOutcome, cart: CartState, { clearCart }: { clearCart: boolean }): void {
  instance.events.emit(
    'purchase',
    funnelEvent(cart, toFunnelItems(cart.lines), { transaction_id: outcome.paymentIntentId, value: outcome.amount, currency: outcome.currency.toUpperCase() }),
  );
  if (clearCart) void instance.cart.clear().catch(() => {});
  void storage.del('pending-payment').catch(() => {});
}
