import { type CartState, type CartliftInstance, cartCount, funnelEvent, idbStorage, toFunnelItems } from '@cartlift/core';
import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { AddOns } from './add-ons';
import { Coupon } from './coupon';
import { drawerCss } from './drawer-css';
import { drawerText as text } from './drawer-text';
import { type Locale, buttonText, pick } from './i18n';
import { Line } from './lines';
import type { PaymentOutcome } from './pay';
import { type PublicConfig, type ServerApi, createServerApi } from './server-api';
import { Sheet } from './sheet';
import { adoptStyles } from './styles';
import { Summary, firstPurchaseOffer } from './summary';
import { useQuote } from './use-quote';

export interface DrawerProps {
  instance: CartliftInstance;
  locale: Locale;
  /** The <cartlift-cart> element: Stripe's iframe mounts in its light DOM. */
  host: HTMLElement;
  onClose(): void;
}

const styled = new WeakSet<Node>();
const apis = new Map<string, ServerApi>();
const storage = idbStorage();

function apiFor(instance: CartliftInstance): ServerApi {
  const endpoint = instance.options.endpoint ?? '/api/cartlift';
  let api = apis.get(endpoint);
  if (!api) apis.set(endpoint, (api = createServerApi(endpoint)));
  return api;
}

/**
 * Renders the drawer into `container` (inside the element's shadow root) and
 * opens it; closing unmounts it and calls `onClose`.
 *
 * @example
 * mountDrawer(shadowRoot.querySelector('div'), { instance, locale: 'en', host, onClose });
 */
export function mountDrawer(container: HTMLElement, props: DrawerProps): void {
  const onClose = () => {
    render(null, container);
    props.onClose();
  };
  render(<Drawer {...props} onClose={onClose} />, container);
}

type View = { name: 'cart' } | { name: 'checkout' } | { name: 'paid'; outcome: PaymentOutcome };

/**
 * The cart drawer: a modal <dialog>, so the browser traps focus, closes on
 * Escape and makes the page behind it inert. Loaded lazily on first intent.
 */
export function Drawer({ instance, locale, host, onClose }: DrawerProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const api = apiFor(instance);
  const [cart, setCart] = useState<CartState>(instance.cart.get);
  const [config, setConfig] = useState<PublicConfig>();
  const [view, setView] = useState<View>({ name: 'cart' });
  const [slot, setSlot] = useState<HTMLElement>();
  const { quote, preview, error, pending } = useQuote(api, cart, config);
  const t = (key: 'title' | 'checkoutTitle' | 'paidTitle' | 'close' | 'back' | 'empty' | 'checkout' | 'continueShopping' | 'updating' | 'serverFailed') => pick(text[key], locale);

  useEffect(() => instance.cart.subscribe(setCart), [instance]);
  useEffect(() => {
    api.config().then(setConfig, () => {});
  }, [api]);

  useLayoutEffect(() => {
    // The drawer's styles travel with its chunk, not the first download.
    const root = dialog.current?.getRootNode();
    if (root instanceof ShadowRoot && !styled.has(root)) {
      styled.add(root);
      adoptStyles(root, drawerCss);
    }
  }, []);

  useEffect(() => {
    dialog.current?.showModal();
    instance.events.emit('view_cart', funnelEvent(cart, toFunnelItems(cart.lines)));
  }, []);

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

  const paid = (outcome: PaymentOutcome, paidCart: CartState) => {
    instance.events.emit('purchase', funnelEvent(paidCart, toFunnelItems(paidCart.lines), { transaction_id: outcome.paymentIntentId, value: outcome.amount, currency: outcome.currency.toUpperCase() }));
    void instance.cart.clear().catch(() => {});
    void storage.del('pending-payment').catch(() => {});
    setView({ name: 'paid', outcome });
  };

  const shown = quote ?? preview;
  const title = view.name === 'cart' ? t('title') : view.name === 'checkout' ? t('checkoutTitle') : t('paidTitle');
  return (
    <dialog part="drawer" ref={dialog} aria-labelledby="cartlift-title" onClose={onClose} onClick={(e) => e.target === dialog.current && dialog.current?.close()}>
      <div class="panel">
        <header>
          {view.name === 'checkout' && (
            <button type="button" class="link" onClick={() => setView({ name: 'cart' })}>
              ← {t('back')}
            </button>
          )}
          <h2 id="cartlift-title" tabIndex={-1} ref={heading}>
            {title} {view.name === 'cart' && <span class="muted">({pick(buttonText.items, locale)(cartCount(cart))})</span>}
          </h2>
          <button type="button" part="close" aria-label={t('close')} onClick={() => dialog.current?.close()}>
            ×
          </button>
        </header>
        {view.name === 'paid' ? (
          <div class="paid" role="status">
            <p>{pick(text.paidDetail, locale)(view.outcome.paymentIntentId)}</p>
            <button type="button" class="primary" onClick={() => dialog.current?.close()}>
              {t('continueShopping')}
            </button>
          </div>
        ) : cart.lines.length === 0 ? (
          <p class="muted">{t('empty')}</p>
        ) : (
          <>
            {view.name === 'cart' && (
              <ul part="lines">
                {cart.lines.map((line) => (
                  <Line key={line.key} line={line} instance={instance} locale={locale} currency={cart.currency} />
                ))}
              </ul>
            )}
            {config && view.name === 'cart' && <AddOns instance={instance} cart={cart} addOns={config.addOns} locale={locale} />}
            {view.name === 'cart' && <Coupon instance={instance} cart={cart} quote={quote} locale={locale} />}
            {shown && <Summary result={shown} estimate={!quote} locale={locale} firstPurchase={config && firstPurchaseOffer(config.promotions)} />}
            <p class="muted" aria-live="polite">
              {pending ? t('updating') : error ? `${t('serverFailed')} ${error.message}` : ''}
            </p>
            {view.name === 'cart' && (
              <button type="button" class="primary checkout" part="checkout" disabled={!config} onClick={() => setView({ name: 'checkout' })}>
                {t('checkout')}
              </button>
            )}
            {view.name === 'checkout' && config && slot && (
              <Sheet instance={instance} api={api} config={config} cart={cart} quote={quote} locale={locale} storage={storage} paymentSlot={slot} onPaid={paid} />
            )}
          </>
        )}
      </div>
    </dialog>
  );
}
