import type { AddInput, CartliftInstance } from '@cartlift/core';
import { openCart } from './open-cart.js';
import { buyNowCart } from './buy-now.js';
import { mountExpressCheckout } from './express.js';
import type { Locale } from './i18n.js';
import { sessionFor } from './checkout-session.js';

/**
 * Mounts wallet buttons for `<cartlift-express-checkout>` into its light DOM.
 * With a product it buys that product alone; without, the cart. Rejects when
 * Stripe.js or the server can't be reached, leaving the host as it was.
 * `say` shows a payment's failure beside the buttons.
 */
export async function mountExpressElement(
  host: HTMLElement,
  instance: CartliftInstance,
  locale: Locale,
  product: AddInput | undefined,
  onReady: (focusWallet: () => void) => void,
  say: (message: string) => void,
): Promise<void> {
  const session = sessionFor(instance, locale);
  const target = document.createElement('div');
  host.append(target);
  const cart = () => (product ? buyNowCart(instance, product) : instance.cart.get());
  await mountExpressCheckout(target, {
    session,
    cart,
    onReady,
    onPaid: async (outcome, paid) => {
      await session.paid(outcome, paid, { clearCart: !product });
      openCart(document, { view: 'paid', outcome });
    },
    // Said beside the wallet buttons (a decline, a changed price with its new total), and reported.
    onError: (message) => {
      say(message);
      instance.events.emit('error', { code: 'express_checkout_failed', message });
    },
  }).catch((error: unknown) => {
    target.remove();
    throw error;
  });
}
