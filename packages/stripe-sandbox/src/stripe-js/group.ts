import { automaticTypes } from '../currencies.js';
import type { ApiClient, ClientIntent } from './api.js';
import type { CardInput } from './card.js';
import type { Texts } from './i18n.js';

/** Options given to `stripe.elements()` (both the client-secret and the deferred `mode` forms). */
export interface GroupOptions {
  clientSecret?: string;
  mode?: 'payment' | 'setup' | 'subscription';
  amount?: number;
  currency?: string;
  paymentMethodTypes?: string[];
  locale?: string;
  [key: string]: unknown;
}

/** What the Payment Element exposes to its group (for submit and confirmPayment). */
export interface PaymentElementPort {
  selectedType(): string;
  card(): CardInput;
  showError(message: string): void;
  refresh(): void;
}

/** State shared by an Elements group, its elements and confirmPayment. */
export interface GroupState {
  options: GroupOptions;
  texts: Texts;
  api: ApiClient;
  intent: ClientIntent | null;
  loaded: Promise<void>;
  submitted: boolean;
  /** Set when the Express Checkout element fired `confirm` and payment is pending. */
  wallet: 'link' | null;
  /** Who the test wallet pays as: its email can be changed in the wallet sheet, as a shopper signs in to Link. */
  walletShopper: { name: string; email: string } | null;
  payment: PaymentElementPort | null;
}

const RENDERED = ['card', 'alipay', 'wechat_pay'];

/**
 * The payment method tabs the Payment Element shows: the intent's types when
 * there is a client secret, else `paymentMethodTypes`, else what automatic
 * payment methods allow for the currency.
 *
 * @example
 * availableTypes(null, { mode: 'payment', amount: 1000, currency: 'cny' }) // ["card", "alipay", "wechat_pay"]
 */
export function availableTypes(intent: ClientIntent | null, options: GroupOptions): string[] {
  const types = intent?.payment_method_types ?? options.paymentMethodTypes ?? automaticTypes(String(options.currency ?? 'usd').toLowerCase());
  const shown = types.filter((t) => RENDERED.includes(t));
  return shown.length > 0 ? shown : ['card'];
}
