import { automaticTypes } from '../currencies.js';
import type { ClientError } from './api.js';
import { validateCard } from './card.js';
import type { GroupState } from './group.js';

/** `payment_method_data` for the API, or the error Stripe.js returns instead. */
export type MethodDataResult = { value: Record<string, unknown> } | { error: ClientError };

// The test wallet's saved card and shopper, handed over as a real wallet would.
const WALLET_SHOPPER = { name: 'Test Shopper', email: 'shopper@example.com' };

/**
 * The payment method an Elements group collected, as `payment_method_data`:
 * the Express Checkout test wallet (Link when the payment allows it, else
 * card 4242), or the Payment Element's selected tab (card fields validated
 * first, errors shown in the element). `caller` names the Stripe.js method in
 * integration errors. `types` are the payment's method types: the intent's
 * when there is a client secret, else the Elements options'.
 *
 * @example
 * const data = collectMethodData(group, ['card', 'link'], 'stripe.createConfirmationToken()');
 * if ('value' in data) data.value.type // "card"
 */
export function collectMethodData(group: GroupState, types: readonly string[], caller: string): MethodDataResult {
  if (group.wallet) {
    const shopper = group.walletShopper ?? WALLET_SHOPPER;
    if (!types.includes('link')) {
      return {
        value: {
          type: 'card',
          card: { number: '4242424242424242', exp_month: 12, exp_year: new Date().getFullYear() + 4, cvc: '123' },
          billing_details: shopper,
        },
      };
    }
    return { value: { type: 'link', billing_details: shopper } };
  }
  const payment = group.payment;
  if (!payment)
    return {
      error: {
        type: 'invalid_request_error',
        code: 'integration_error',
        message: `${caller}: the Elements group has no mounted payment or expressCheckout element.`,
      },
    };
  const type = payment.selectedType();
  if (type !== 'card') return { value: { type, billing_details: {} } };
  const checked = validateCard(payment.card(), new Date());
  if (!checked.ok) {
    payment.showError(checked.error.message);
    return { error: checked.error };
  }
  return { value: { type: 'card', card: checked.card, billing_details: {} } };
}

/**
 * The payment method types of a mode-based Elements group (no PaymentIntent
 * yet): `paymentMethodTypes`, else what automatic payment methods offer for
 * the currency.
 *
 * @example
 * groupTypes({ mode: 'payment', amount: 1000, currency: 'usd' }) // ["card", "alipay", "wechat_pay", "link"]
 */
export function groupTypes(options: GroupState['options']): string[] {
  return options.paymentMethodTypes ?? automaticTypes(String(options.currency ?? 'usd').toLowerCase());
}

/**
 * Merges page-given `payment_method_data` with what Elements collected;
 * collected fields win, billing details merge key by key.
 *
 * @example
 * mergeMethodData({ billing_details: { name: 'Li' } }, { type: 'alipay', billing_details: {} }) // { type: 'alipay', billing_details: { name: 'Li' } }
 */
export function mergeMethodData(extra: Record<string, unknown>, collected: Record<string, unknown>): Record<string, unknown> {
  return { ...extra, ...collected, billing_details: { ...(extra.billing_details as object), ...(collected.billing_details as object) } };
}
