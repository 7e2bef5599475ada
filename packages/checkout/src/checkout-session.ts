import { type CartState, type CartliftEvents, type CartliftInstance, type StoragePort, memoryStorage } from '@cartlift/core';
import type { FunnelParams } from '@cartlift/core/contract';
import type { Locale } from './i18n.js';
import type { PaymentOutcome } from './pay.js';
import { type CheckoutStep, checkoutEvent, recordPurchase } from './purchase.js';
import { type ServerApi, createServerApi } from './server-api.js';
import { forgetTypedForm } from './typed-form.js';

/**
 * One shopper's checkout on this page: what every view of it (the drawer,
 * the sheet, Buy now, the wallet buttons, the landing after a redirect)
 * shares, passed to each. It owns the server client (so `/config` is
 * fetched once), checkout's storage, and the funnel events of checkout.
 */
export interface CheckoutSession {
  readonly instance: CartliftInstance;
  readonly locale: Locale;
  /** The shop's server: `/config`, `/quote`, `/checkout`. */
  readonly api: ServerApi;
  /**
   * Where the saved profile, a pending redirect payment and the shown order
   * are kept: the storage passed to `createCartlift`, like the cart, so an
   * integrator who chose `memoryStorage()` gets nothing written to IndexedDB;
   * without one, the session's own memory.
   */
  readonly storage: StoragePort;
  /** Reports a checkout step for `cart`; `params.value`, when given, is the server's price. */
  report<Step extends CheckoutStep>(step: Step, cart: CartState, params: FunnelParams[Step] & { value?: number }): void;
  /**
   * A payment went through: `purchase` reported, the cart cleared unless it
   * was a "buy now", the typed form forgotten, the order kept through a
   * reload. Settles once stored.
   */
  paid(outcome: PaymentOutcome, cart: CartState, options: { clearCart: boolean }): Promise<void>;
}

/**
 * Makes a checkout session for an instance.
 *
 * @example
 * const session = createCheckoutSession(cartlift, 'en');
 * const quote = await session.api.quote({ lines: [{ sku: 'TEA-LJ-100', quantity: 1 }] });
 */
export function createCheckoutSession(instance: CartliftInstance, locale: Locale): CheckoutSession {
  const storage = instance.options.storage ?? memoryStorage();
  return {
    instance,
    locale,
    api: createServerApi(instance.options.endpoint ?? '/api/cartlift'),
    storage,
    // TypeScript can't see that FunnelPayload<Step> is CartliftEvents[Step] for a generic Step; it is, by definition.
    report: (step, cart, params) => instance.events.emit(step, checkoutEvent(step, cart, params) as CartliftEvents[typeof step]),
    paid: (outcome, cart, options) => {
      // Paid: what was typed for this checkout must not prefill the next one after a reload.
      forgetTypedForm();
      return recordPurchase(instance, storage, outcome, cart, options);
    },
  };
}

// Keyed by the options object, which the copies of an instance that plugins get share.
const sessions = new WeakMap<object, CheckoutSession>();

/**
 * The session of `instance` in `locale`: made once, then handed to every
 * view. The elements (defined in the first download, which can't carry this
 * code) ask for it here as their lazy chunk loads.
 *
 * @example
 * mountDrawer({ session: sessionFor(instance, 'en'), onClose });
 */
export function sessionFor(instance: CartliftInstance, locale: Locale): CheckoutSession {
  let session = sessions.get(instance.options);
  if (!session) {
    session = createCheckoutSession(instance, locale);
    sessions.set(instance.options, session);
  }
  // Another locale on the same page (rare) still shares the server client and the storage.
  return session.locale === locale ? session : { ...session, locale };
}
