import type { CartState } from '@cartlift/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CheckoutSession } from './checkout-session.js';
import type { EvaluateResult } from '@cartlift/discounts';
import { type ExpressControls, mountExpressCheckout } from './express.js';
import { drawerText as text } from './drawer-text.js';
import { pick } from './i18n.js';
import type { PaymentOutcome } from './pay.js';

export interface ExpressSlotProps {
  session: CheckoutSession;
  host: HTMLElement;
  cart: CartState;
  /** The server's quote for this cart and shopper: the wallet shows and charges its total. */
  quote?: EvaluateResult;
  onPaid(outcome: PaymentOutcome, cart: CartState): void;
  onPriceChanged(quote: EvaluateResult): void;
}

/**
 * Wallet buttons inside the drawer. Stripe's iframe lives in the host's light
 * DOM, projected here through a named slot; the box's height is reserved so
 * mounting shifts nothing. It mounts with the drawer's first quote, so opening
 * the drawer asks for one. If Stripe.js or the server can't be reached, it
 * says so and offers a retry.
 */
export function ExpressSlot({ session, host, cart, quote, onPaid, onPriceChanged }: ExpressSlotProps) {
  const { locale } = session;
  const [error, setError] = useState('');
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(cart);
  latest.current = cart;
  const express = useRef<ExpressControls>(undefined);
  const latestQuote = useRef(quote);
  latestQuote.current = quote;
  // The wallet waits for the drawer's first quote and takes it, rather than asking the server the same question at once.
  const priced = useRef(false);
  priced.current ||= quote !== undefined;

  useEffect(() => {
    if (!priced.current) return;
    const target = Object.assign(document.createElement('div'), { slot: 'express' });
    host.append(target);
    let live = true;
    const first = latestQuote.current;
    mountExpressCheckout(target, {
      session,
      cart: () => latest.current,
      onPaid,
      onPriceChanged,
      onError: setError,
      quote: first,
    }).then(
      (mounted) => {
        if (!live) return mounted.destroy();
        express.current = mounted;
        // A quote that arrived while the wallet mounted.
        if (latestQuote.current && latestQuote.current !== first) mounted.setQuote(latestQuote.current);
      },
      () => live && setError(pick(text.stripeFailed, locale)),
    );
    return () => {
      live = false;
      express.current?.destroy();
      target.remove();
    };
  }, [attempt, priced.current]);

  useEffect(() => {
    if (quote) express.current?.setQuote(quote);
  }, [quote]);

  const failed = error === pick(text.stripeFailed, locale);
  return (
    <div class="express" part="express">
      <slot name="express" />
      <p class="error" role="alert">
        {error}
      </p>
      {failed && (
        <button
          type="button"
          onClick={() => {
            setError('');
            setAttempt(attempt + 1);
          }}
        >
          {pick(text.retry, locale)}
        </button>
      )}
    </div>
  );
}
