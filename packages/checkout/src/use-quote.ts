import type { ConfigResponse } from '@cartlift/core/contract';
import type { CartState } from '@cartlift/core';
import { type EvaluateResult, evaluate } from '@cartlift/discounts';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ServerApi } from './server-api.js';
import { CartliftError } from '@cartlift/core';

export interface QuoteState {
  /** The server's price for this exact cart, once it has answered. */
  quote?: EvaluateResult;
  /** Instant local estimate from public promotions and display prices. */
  preview?: EvaluateResult;
  /**
   * The last server quote, kept while the next one is pending (it may price
   * the cart as it was): the summary keeps its rows in place with it instead
   * of jumping to the estimate's shorter list and back.
   */
  last?: EvaluateResult | undefined;
  error?: CartliftError;
  pending: boolean;
  /** Takes a quote the server answered elsewhere for this cart (a `price_changed` at payment) as the current one. */
  adopt(quote: EvaluateResult): void;
}

/**
 * The request body for a cart: only sku, variant and quantity — the server
 * prices — plus the cart's id, which the server counts coupon guesses
 * against (so shoppers sharing one network address don't block each other).
 *
 * @example
 * cartBody(cart) // { lines: [{ sku: 'TEA-LJ-100', quantity: 2 }], codes: ['WELCOME10'], cartId: '6f1c…' }
 */
export function cartBody(cart: CartState) {
  return {
    lines: cart.lines.map((l) => (l.variant ? { sku: l.sku, variant: l.variant, quantity: l.quantity } : { sku: l.sku, quantity: l.quantity })),
    codes: [...(cart.codes ?? [])],
    cartId: cart.id,
  };
}

function previewOf(cart: CartState, config: ConfigResponse | undefined): EvaluateResult | undefined {
  if (!config || cart.lines.length === 0 || cart.lines.some((l) => l.price === undefined)) return undefined;
  // The shop's default option, as the server prices it: the estimate has the shipping row the quote will have.
  const [shipping] = config.shippingOptions ?? [];
  return evaluate({
    currency: cart.currency,
    lines: cart.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.price ?? 0 })),
    ...(shipping ? { shipping: { amount: shipping.amount, optionId: shipping.id } } : {}),
    // The browser can't know; the server decides and its quote replaces this.
    customer: { firstPurchase: true },
    now: Date.now(),
    promotions: config.promotions,
  });
}

/**
 * Prices the cart twice: at once from the local engine (an estimate), then by
 * the server (authoritative), for the shopper's email when known (saved or
 * typed), so the total shown is the one the server charges. With `emailKnown`
 * false (the saved profile still being read) it waits, so opening asks once,
 * for the right shopper. When the cart changes the previous server quote
 * is dropped — it priced another cart — so the estimate shows until the new
 * one arrives (`last` keeps the previous one for the summary's layout);
 * stale server answers are dropped too.
 */
export function useQuote(api: ServerApi, cart: CartState, config: ConfigResponse | undefined, email?: string, emailKnown = true): QuoteState {
  const preview = useMemo(() => previewOf(cart, config), [cart, config]);
  const [state, setState] = useState<Omit<QuoteState, 'preview' | 'adopt' | 'last'>>({ pending: false });
  const last = useRef<EvaluateResult | undefined>(undefined);
  if (state.quote) last.current = state.quote;
  // With the shopper's email as soon as it is known: the server prices first orders and per-customer codes by it.
  const body = { ...cartBody(cart), ...(email ? { contact: { email } } : {}) };
  // What the server prices, as text: a quote is asked for only when that changes.
  const key = JSON.stringify(body);

  useEffect(() => {
    // Until the saved email is read, a quote would be for another shopper, and asked again at once.
    if (!emailKnown) return;
    if (cart.lines.length === 0) {
      setState({ pending: false });
      return;
    }
    let current = true;
    setState({ pending: true });
    const timer = setTimeout(() => {
      api.quote(body).then(
        (quote) => current && setState({ quote, pending: false }),
        (error: unknown) =>
          current && setState({ pending: false, error: error instanceof CartliftError ? error : new CartliftError('unknown', String(error)) }),
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, emailKnown]);

  return { ...state, preview, last: last.current, adopt: (quote) => setState({ quote, pending: false }) };
}
