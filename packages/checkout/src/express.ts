import type { CheckoutSession } from './checkout-session.js';
import { CartliftError, type CartState, uuid } from '@cartlift/core';
import type { StripeExpressCheckoutElementConfirmEvent } from '@stripe/stripe-js';
import type { EvaluateResult } from '@cartlift/discounts';
import { type PaymentOutcome, finish, paymentError } from './pay.js';
import { paymentSentence } from './payment-text.js';
import { priceChangeSentence } from './price-change.js';
import { loadProfile, shippingAddress } from './profile.js';
import { couponOf } from './purchase.js';
import { loadStripeJs } from './stripe-loader.js';
import { cartBody } from './use-quote.js';
import { walletOptions, walletShipping } from './wallet-options.js';

export interface ExpressOptions {
  session: CheckoutSession;
  /** What this button buys: the cart, or one product (buy now). */
  cart(): CartState;
  onPaid(outcome: PaymentOutcome, cart: CartState): void;
  onError(message: string): void;
  /** The wallet buttons are shown; `focusWallet` moves keyboard focus onto them. */
  onReady?(focusWallet: () => void): void;
  /** The server's price at payment differed from the one shown: this is the total to show now. */
  onPriceChanged?(quote: EvaluateResult): void;
  /** The server's quote for this cart and shopper when the owner has one (the drawer's): mounting then asks for none of its own. */
  quote?: EvaluateResult | undefined;
}

/** What the mounted wallet buttons let their owner do. */
export interface ExpressControls {
  destroy(): void;
  /** The server's latest quote for this cart and shopper: the amount the wallet sheet shows and charges. */
  setQuote(quote: EvaluateResult): void;
}

/**
 * Mounts Stripe's Express Checkout Element (Apple Pay, Google Pay, Link…) in
 * `target` (light DOM). One click on a wallet pays: the server prices and
 * creates the PaymentIntent on confirm, with the wallet's email or the saved
 * profile's, and the saved address or else the one the wallet collects.
 * Rejects when the server or Stripe.js can't be reached. Returns its controls.
 *
 * @example
 * const express = await mountExpressCheckout(div, { session, cart: () => session.instance.cart.get(), onPaid, onError });
 */
export async function mountExpressCheckout(target: HTMLElement, options: ExpressOptions): Promise<ExpressControls> {
  const { session } = options;
  const { api, locale, storage } = session;
  const config = await api.config();
  const first = options.cart();
  // Quoted as the server will price it at payment: with the email this shopper saved (as the drawer's quote is).
  const quote: EvaluateResult =
    options.quote ?? (await loadProfile(storage).then((saved) => api.quote({ ...cartBody(first), ...(saved ? { contact: { email: saved.email } } : {}) })));
  let shown: EvaluateResult | undefined = quote;
  const stripe = await loadStripeJs(config, locale);
  const elements = stripe.elements({
    mode: 'payment',
    amount: Math.max(quote.total, 1),
    currency: config.currency.toLowerCase(),
    locale: locale === 'zh-CN' ? 'zh' : 'en',
  });
  const element = elements.create('expressCheckout', { buttonHeight: 48, layout: { maxColumns: 1, maxRows: 1, overflow: 'never' } });
  let checkoutId = uuid();
  // The cart and total as they are when the shopper clicks, not as they were at mount (the drawer's cart changes).
  let total = quote.total;
  let clicked: CartState | undefined;

  element.on('ready', () => options.onReady?.(() => element.focus()));
  element.on('click', (event) => {
    const cart = options.cart();
    clicked = cart;
    session.report('begin_checkout', cart, { value: total, method: 'express', ...couponOf(cart) });
    void loadProfile(storage).then((profile) => event.resolve(walletOptions(profile, config.shippingOptions, locale)));
  });
  element.on('confirm', (event: StripeExpressCheckoutElementConfirmEvent) => {
    void confirm(event).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      event.paymentFailed?.({ reason: 'fail' });
      options.onError(message);
      session.report('checkout_error', clicked ?? options.cart(), { error_code: (error as { code?: string }).code ?? 'unknown', message, method: 'express' });
    });
  });

  async function confirm(event: StripeExpressCheckoutElementConfirmEvent) {
    const cart = clicked ?? options.cart();
    const profile = await loadProfile(storage);
    // The shop knows a returning shopper by the email they saved here (orders, first purchase); else the wallet's.
    const email = profile?.email ?? event.billingDetails?.email;
    if (!email) throw paymentError('email_required', locale === 'zh-CN' ? '需要邮箱地址才能完成支付。' : 'An email address is needed to pay.');
    const name = event.billingDetails?.name ?? profile?.name;
    const phone = profile?.phone ?? event.billingDetails?.phone;
    const submitted = await elements.submit();
    if (submitted.error)
      throw paymentError(submitted.error.code ?? 'invalid_payment_details', submitted.error.message ?? paymentSentence('payment_failed', locale));
    const made = await stripe.createConfirmationToken({
      elements,
      params: { return_url: location.href, payment_method_data: { billing_details: { email, ...(name ? { name } : {}) } } },
    });
    if (made.error) throw paymentError(made.error.code ?? 'payment_failed', paymentSentence(made.error.code, locale, made.error.message));
    const shipping = profile?.address ? { address: shippingAddress(profile.address) } : walletShipping(event);
    // The wallet sheet did the sheet's two steps; report them so wallet shoppers walk the same funnel.
    const step = { value: total, method: 'express' as const, ...couponOf(cart) };
    const tier = (shipping && 'optionId' in shipping ? shipping.optionId : undefined) ?? config.shippingOptions?.[0]?.id;
    session.report('add_shipping_info', cart, { ...step, ...(tier ? { shipping_tier: tier } : {}) });
    session.report('add_payment_info', cart, { ...step, payment_type: event.expressPaymentType });
    const attempt = checkoutId;
    // Each attempt ends here, paid or not: the next click is a new one.
    checkoutId = uuid();
    const body = {
      ...cartBody(cart),
      checkoutId: attempt,
      contact: { email, ...(name ? { name } : {}), ...(phone ? { phone } : {}) },
      ...(shipping ? { shipping } : {}),
      confirmationToken: made.confirmationToken.id,
      expectedTotal: total,
    };
    const outcome = await finish({ stripe, api, locale, checkoutId: attempt }, () => api.checkout(body)).catch((error: unknown) => {
      // The wallet showed another total: show the new one, charge nothing, let the shopper click again.
      if (error instanceof CartliftError && error.quote) {
        total = error.quote.total;
        elements.update({ amount: Math.max(total, 1) });
        options.onPriceChanged?.(error.quote);
        throw paymentError(error.code, priceChangeSentence(shown, error.quote, locale), error.quote);
      }
      throw error;
    });
    options.onPaid(outcome, cart);
  }

  element.mount(target);
  return {
    destroy: () => element.destroy(),
    setQuote: (quote) => {
      shown = quote;
      if (quote.total <= 0) return;
      total = quote.total;
      elements.update({ amount: total });
    },
  };
}
