import type { ConfigResponse } from '@cartlift/core/contract';
import { cartBounds } from './cart-bounds.js';
import { type AddInput, type CartState, type CartliftInstance, cartCount, cartSubtotal, formatMoney, funnelEvent, toFunnelItems } from '@cartlift/core';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { AddOns } from './add-ons.js';
import { useCodeCleanup } from './code-cleanup.js';
import { buyNowCart } from './buy-now.js';
import { Coupon } from './coupon.js';
import { drawerText as text } from './drawer-text.js';
import { type Locale, buttonText, pick } from './i18n.js';
import { Line } from './lines.js';
import { lineName, useLineNames } from './line-names.js';
import { withAddOnsUnderParents } from './line-display.js';
import { openPortal } from './portal.js';
import type { PaymentOutcome } from './pay.js';

import { type CheckoutSession, sessionFor } from './checkout-session.js';
import { forgetShownOrder } from './purchase.js';
import type { PendingPayment } from './sheet.js';
import { loadProfile } from './profile.js';
import { forgetTypedForm } from './typed-form.js';
import { loadStripeJs } from './stripe-loader.js';
import { Summary, firstPurchaseOffer } from './summary.js';
import { unsoldLine } from './quote-problems.js';
import { UnsoldLine } from './unsold-line.js';
import { useQuote } from './use-quote.js';

/**
 * How the drawer opens: on the cart (default; `notice` is said first, such as
 * what a cart link could not add), straight to checkout for one product (or
 * back from Alipay unpaid, `restored`), or on a finished payment.
 */
export type DrawerStart =
  | { view: 'cart'; notice?: string }
  | { view: 'checkout'; buyNow?: AddInput; restored?: PendingPayment & { message: string } }
  | { view: 'paid'; outcome: PaymentOutcome };

export interface DrawerOptions {
  instance: CartliftInstance;
  locale: Locale;
  start?: DrawerStart;
  /** Called after the drawer has closed. */
  onClose(): void;
}

export interface DrawerProps extends Omit<DrawerOptions, 'instance' | 'locale'> {
  session: CheckoutSession;
  /** The portal's host element: Stripe's iframes mount in its light DOM. */
  host: HTMLElement;
}

/**
 * Opens the drawer in a portal at the end of <body>; closing unmounts it,
 * gives the page back and calls `onClose`.
 *
 * @example
 * mountDrawer({ instance: cartlift, locale: 'en', onClose: () => button.focus() });
 */
export function mountDrawer(options: DrawerOptions): void {
  const previous = deepActiveElement(document);
  const portal = openPortal(document);
  const onClose = () => {
    render(null, portal.container);
    portal.release();
    options.onClose();
    // Focus goes back where it was when the caller didn't place it.
    if (document.activeElement === document.body) previous?.focus();
  };
  const { instance, locale, ...rest } = options;
  render(<Drawer {...rest} session={sessionFor(instance, locale)} host={portal.host} onClose={onClose} />, portal.container);
}

type PaymentViews = typeof import('./payment-views.js');
let paymentViews: Promise<PaymentViews> | undefined;

/** Loads the payment views once; a failed load is forgotten, so "Try again" fetches it again. */
function loadPaymentViews(): Promise<PaymentViews> {
  paymentViews ??= import('./payment-views.js').catch((error: unknown) => {
    paymentViews = undefined;
    throw error;
  });
  return paymentViews;
}

/** The payment views, fetched as the drawer opens (the cart shows meanwhile), with a retry when they can't load. */
function usePaymentViews(): { loaded?: PaymentViews; failed: boolean; retry(): void } {
  const [loaded, setLoaded] = useState<PaymentViews>();
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    setFailed(false);
    loadPaymentViews().then(setLoaded, () => setFailed(true));
  }, [attempt]);
  return { ...(loaded ? { loaded } : {}), failed, retry: () => setAttempt((n) => n + 1) };
}

/** The focused element, looking inside shadow roots (a focused custom element's inner button). */
function deepActiveElement(doc: Document): HTMLElement | undefined {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== doc.body ? active : undefined;
}

type View = { name: 'cart' } | { name: 'checkout' } | { name: 'paid'; outcome: PaymentOutcome };

function firstView(start: DrawerStart | undefined): View {
  if (start?.view === 'paid') return { name: 'paid', outcome: start.outcome };
  return { name: start?.view === 'checkout' ? 'checkout' : 'cart' };
}

/**
 * The cart drawer: a dialog marked aria-modal over an inert page (see
 * openPortal for why not showModal), closed by Escape, the × button or a
 * click on the backdrop. Loaded lazily on first intent.
 */
export function Drawer({ session, host, start, onClose }: DrawerProps) {
  const { instance, locale, api, storage } = session;
  const heading = useRef<HTMLHeadingElement>(null);
  const [shopperCart, setCart] = useState<CartState>(instance.cart.get);
  // "Buy now" checks out one product without touching the shopper's cart.
  const [buyNow] = useState(() => (start?.view === 'checkout' && start.buyNow ? buyNowCart(instance, start.buyNow) : undefined));
  // Back from Alipay unpaid: the sheet as the shopper left it, for the cart they were buying.
  const [restored] = useState(() => (start?.view === 'checkout' ? start.restored : undefined));
  const cart = buyNow ?? (restored && restored.cart.id !== shopperCart.id ? restored.cart : shopperCart);
  // The sheet's way out: back to the cart it checks out, or, for what is not in the cart (Buy now), Cancel.
  const ownCart = cart === shopperCart;
  const [config, setConfig] = useState<ConfigResponse>();
  const [view, setView] = useState<View>(() => firstView(start));
  const [slot, setSlot] = useState<HTMLElement>();
  // The saved email, then whatever valid one the sheet has: quotes price for this shopper.
  const [email, setEmail] = useState<string>();
  const [emailKnown, setEmailKnown] = useState(false);
  const { quote, preview, last, error, pending, adopt } = useQuote(api, cart, config, email, emailKnown);
  const [note, setNote] = useCodeCleanup(instance, cart, quote, error, locale);
  // The server's catalog names, so lines added from any page or link read in the shopper's language.
  const names = useLineNames(quote);
  // Errors the drawer answers in the shopper's words (a line to remove, a code dropped), not with the server's sentence.
  const handled = unsoldLine(error, cart) !== undefined || error?.code === 'too_many_coupon_attempts';
  const t = (
    key: 'title' | 'checkoutTitle' | 'paidTitle' | 'close' | 'back' | 'cancel' | 'empty' | 'checkout' | 'continueShopping' | 'updating' | 'serverFailed',
  ) => pick(text[key], locale);

  const views = usePaymentViews();
  const bounds = cartBounds(instance, config);

  useEffect(() => instance.cart.subscribe(setCart), [instance]);
  useEffect(() => {
    // A storage that never answers must not keep the cart unpriced: after a second, price without the saved email.
    const known = () => setEmailKnown(true);
    const timer = setTimeout(known, 1000);
    void loadProfile(storage).then((profile) => {
      if (profile) setEmail((typed) => typed ?? profile.email);
      clearTimeout(timer);
      known();
    });
    return () => clearTimeout(timer);
  }, []);

  // The page behind the drawer is inert, so <cartlift-cart>'s live region is silent: announce here.
  const count = cartCount(cart);
  const counted = useRef(count);
  const [said, setSaid] = useState('');
  useEffect(() => {
    if (count !== counted.current && view.name === 'cart') setSaid(pick(buttonText.updated, locale)(count));
    counted.current = count;
  }, [count]);
  useEffect(() => {
    api.config().then(
      (c) => {
        setConfig(c);
        // Opening the drawer is checkout intent: fetch Stripe.js now, not at page load.
        loadStripeJs(c, locale).catch(() => {});
      },
      () => {},
    );
  }, [api]);

  // view_cart once the shopper sees the cart: not for the thank-you screen (back from Alipay, or its reload),
  // whose cart was just emptied, nor for a sheet opened straight away (Buy now, an unpaid return), nor for an
  // empty cart (the funnel counts a shopper at a step and every step before it: that would be an add to cart).
  const viewedCart = useRef(false);
  const hasLines = cart.lines.length > 0;
  // A cart the shopper emptied is checkout abandoned: forget what they typed for it. Only on the change
  // from lines to none, so a cart still loading from storage (empty for a moment) forgets nothing.
  const hadLines = useRef(hasLines);
  useEffect(() => {
    if (hadLines.current && !hasLines && ownCart) forgetTypedForm();
    hadLines.current = hasLines;
  }, [hasLines]);
  useEffect(() => {
    if (view.name !== 'cart' || viewedCart.current || !hasLines) return;
    viewedCart.current = true;
    instance.events.emit('view_cart', funnelEvent('view_cart', cart, toFunnelItems(cart.lines)));
  }, [view.name, hasLines]);

  // Stripe's iframe can't live in shadow DOM reliably: give it a light-DOM slot.
  useEffect(() => {
    if (view.name !== 'checkout') return;
    const element = Object.assign(document.createElement('div'), { slot: 'payment' });
    host.append(element);
    setSlot(element);
    return () => {
      element.remove();
      setSlot(undefined);
    };
  }, [view.name]);

  useEffect(() => heading.current?.focus(), [view.name]);

  // Escape closes from anywhere in the drawer, or when focus is nowhere (on <body>);
  // not from Stripe's own overlays (3-D Secure, WeChat Pay QR), whose Escape is theirs.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented && (event.target === document.body || event.composedPath().includes(host))) closeRef.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const paid = async (outcome: PaymentOutcome, paidCart: CartState) => {
    await session.paid(outcome, paidCart, { clearCart: !buyNow });
    setView({ name: 'paid', outcome });
  };
  const close = () => {
    // The thank-you screen stays through a reload until the shopper closes it.
    if (view.name === 'paid') forgetShownOrder(storage);
    onClose();
  };
  // Escape's listener is added once; it must close the view shown now.
  const closeRef = useRef(close);
  closeRef.current = close;

  // While the server re-prices, its last quote holds the summary's rows in place (the estimate has no shipping or code rows).
  const shown = quote ?? (pending ? last : undefined) ?? preview;
  const title = view.name === 'cart' ? t('title') : view.name === 'checkout' ? t('checkoutTitle') : t('paidTitle');
  return (
    <>
      {/* biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: a pointer shortcut; the keyboard closes with Escape or the × button */}
      <div class="backdrop" part="backdrop" onClick={close} />
      <dialog open part="drawer" lang={locale} aria-modal="true" aria-labelledby="cartlift-title">
        <div class="panel">
          <header>
            {view.name === 'checkout' &&
              (ownCart ? (
                <button type="button" class="link" onClick={() => setView({ name: 'cart' })}>
                  ← {t('back')}
                </button>
              ) : (
                <button type="button" class="link" onClick={close}>
                  {t('cancel')}
                </button>
              ))}
            <h2 id="cartlift-title" tabIndex={-1} ref={heading}>
              {title} {view.name === 'cart' && <span class="muted">({pick(buttonText.items, locale)(count)})</span>}
            </h2>
            <button type="button" part="close" aria-label={t('close')} onClick={close}>
              ×
            </button>
          </header>
          <p class="sr-only" role="status">
            {said}
          </p>
          {views.failed && (
            <p class="error" role="alert">
              {pick(text.stripeFailed, locale)}{' '}
              <button type="button" onClick={views.retry}>
                {pick(text.retry, locale)}
              </button>
            </p>
          )}
          {start?.view === 'cart' && start.notice && (
            <p class="error" role="alert">
              {start.notice}
            </p>
          )}
          {view.name === 'paid' ? (
            views.loaded && (
              <views.loaded.Paid
                outcome={view.outcome}
                locale={locale}
                onClose={close}
                remind={config?.reviewEmails && view.outcome.checkoutId ? () => api.remind(view.outcome.checkoutId!) : undefined}
              />
            )
          ) : cart.lines.length === 0 ? (
            <p class="muted">{t('empty')}</p>
          ) : (
            <>
              {view.name === 'cart' && (
                <ul part="lines">
                  {withAddOnsUnderParents(cart.lines).map((line) => (
                    <Line
                      key={line.key}
                      line={line}
                      name={lineName(line, names, locale)}
                      instance={instance}
                      locale={locale}
                      currency={cart.currency}
                      maxQuantity={bounds.maxQuantity}
                    />
                  ))}
                </ul>
              )}
              {config && view.name === 'cart' && <AddOns instance={instance} cart={cart} addOns={config.addOns} locale={locale} />}
              {view.name === 'cart' && <Coupon instance={instance} cart={cart} quote={quote} locale={locale} note={note} clearNote={() => setNote('')} />}
              <UnsoldLine instance={instance} cart={cart} error={error} locale={locale} />
              {shown ? (
                <Summary
                  result={shown}
                  estimate={!quote}
                  pending={pending}
                  codes={cart.codes}
                  locale={locale}
                  firstPurchase={config && firstPurchaseOffer(config.promotions)}
                />
              ) : (
                // Without the server (yet), the display prices still give an estimate.
                cart.lines.every((l) => l.price !== undefined) && (
                  <p class="total">
                    {pick(text.estimatedTotal, locale)} <strong>{formatMoney({ amount: cartSubtotal(cart), currency: cart.currency }, locale)}</strong>
                  </p>
                )
              )}
              <p class="muted status-line" aria-live="polite">
                {pending ? t('updating') : error && !handled ? `${t('serverFailed')} ${error.message}` : ''}
              </p>
              {view.name === 'cart' && (
                <>
                  <button type="button" class="primary checkout" part="checkout" disabled={!config} onClick={() => setView({ name: 'checkout' })}>
                    {t('checkout')}
                  </button>
                  {config && views.loaded && (
                    <views.loaded.ExpressSlot session={session} host={host} cart={cart} quote={quote} onPaid={paid} onPriceChanged={adopt} />
                  )}
                </>
              )}
              {view.name === 'checkout' && config && slot && views.loaded && (
                <views.loaded.Sheet
                  session={session}
                  config={config}
                  cart={cart}
                  quote={quote}
                  paymentSlot={slot}
                  onPaid={paid}
                  onEmail={setEmail}
                  onPriceChanged={adopt}
                  {...(restored ? { restored } : {})}
                />
              )}
            </>
          )}
        </div>
      </dialog>
    </>
  );
}
