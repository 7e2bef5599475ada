import { type CartLine, type CartState, type CartliftInstance, cartCount, cartSubtotal, formatMoney, funnelEvent, toFunnelItems } from '@cartlift/core';
import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { drawerText as text } from './drawer-text';
import { type Locale, buttonText, pick } from './i18n';
import { adoptStyles } from './styles';

const styled = new WeakSet<Node>();

export interface DrawerProps {
  instance: CartliftInstance;
  locale: Locale;
  onClose(): void;
}

/**
 * Renders the drawer into `container` (inside the element's shadow root) and
 * opens it; closing unmounts it and calls `onClose`.
 *
 * @example
 * mountDrawer(shadowRoot.querySelector('div'), { instance, locale: 'en', onClose });
 */
export function mountDrawer(container: HTMLElement, props: DrawerProps): void {
  const onClose = () => {
    render(null, container);
    props.onClose();
  };
  render(<Drawer {...props} onClose={onClose} />, container);
}

/**
 * The cart drawer: a modal <dialog>, so the browser traps focus, closes on
 * Escape and makes the page behind it inert. Loaded lazily on first open.
 */
export function Drawer({ instance, locale, onClose }: DrawerProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [cart, setCart] = useState<CartState>(instance.cart.get);
  useEffect(() => instance.cart.subscribe(setCart), [instance]);
  const t = (key: 'title' | 'close' | 'empty' | 'subtotal' | 'subtotalNote') => pick(text[key], locale);

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
    // Opening is a one-off: the cart changing while open is not another view.
  }, []);

  const subtotal = cartSubtotal(cart);
  const hasPrices = cart.lines.some((l) => l.price !== undefined);
  return (
    <dialog
      part="drawer"
      ref={dialog}
      aria-labelledby="cartlift-title"
      onClose={onClose}
      onClick={(e) => e.target === dialog.current && dialog.current?.close()}
    >
      <div class="panel">
        <header>
          <h2 id="cartlift-title">
            {t('title')} <span class="muted">({pick(buttonText.items, locale)(cartCount(cart))})</span>
          </h2>
          <button type="button" part="close" aria-label={t('close')} onClick={() => dialog.current?.close()}>
            ×
          </button>
        </header>
        {cart.lines.length === 0 ? (
          <p class="muted">{t('empty')}</p>
        ) : (
          <ul part="lines">
            {cart.lines.map((line) => (
              <Line key={line.key} line={line} instance={instance} locale={locale} currency={cart.currency} />
            ))}
          </ul>
        )}
        {hasPrices && (
          <footer>
            <p class="total">
              <span>{t('subtotal')}</span> <strong>{formatMoney({ amount: subtotal, currency: cart.currency }, locale)}</strong>
            </p>
            <p class="muted">{t('subtotalNote')}</p>
          </footer>
        )}
      </div>
    </dialog>
  );
}

function Line({ line, instance, locale, currency }: { line: CartLine; instance: CartliftInstance; locale: Locale; currency: string }) {
  const name = line.name ?? line.sku;
  const label = (key: 'removeItem' | 'increase' | 'decrease' | 'quantity') => pick(text[key], locale)(name);
  const set = (quantity: number) => void instance.cart.setQuantity(line.key, quantity).catch(() => {});
  return (
    <li part="line">
      {line.image && <img src={line.image} alt="" width={56} height={56} loading="lazy" />}
      <div class="info">
        <span class="name">{name}</span>
        {line.variant && <span class="muted">{line.variant}</span>}
        {line.price !== undefined && <span>{formatMoney({ amount: line.price * line.quantity, currency }, locale)}</span>}
      </div>
      <div class="qty" role="group" aria-label={label('quantity')}>
        <button type="button" aria-label={label('decrease')} onClick={() => set(line.quantity - 1)}>
          −
        </button>
        <span part="quantity">{line.quantity}</span>
        <button type="button" aria-label={label('increase')} disabled={line.quantity >= 999} onClick={() => set(line.quantity + 1)}>
          +
        </button>
        <button type="button" class="link" aria-label={label('removeItem')} onClick={() => void instance.cart.remove(line.key).catch(() => {})}>
          {pick(text.remove, locale)}
        </button>
      </div>
    </li>
  );
}

/** Drawer layout; shipped in the drawer chunk, not the first one. */
export const drawerCss = `
dialog{margin:0 0 0 auto;height:100%;max-height:100%;width:min(420px,100%);border:0;padding:0;background:var(--cl-bg);color:var(--cl-fg);box-shadow:-8px 0 24px rgb(0 0 0/.2)}
dialog::backdrop{background:rgb(0 0 0/.4)}
.panel{display:flex;flex-direction:column;gap:1rem;padding:1.25rem;min-height:100%;box-sizing:border-box}
header{display:flex;justify-content:space-between;align-items:center;gap:1rem}
h2{font-size:1.25rem;margin:0}
ul{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:1rem}
li{display:grid;grid-template-columns:auto 1fr;gap:.5rem 1rem;align-items:center}
li img{border-radius:var(--cl-radius);object-fit:cover;grid-row:span 2}
.info{display:flex;flex-direction:column;gap:.25rem}
.name{font-weight:600}
.qty{display:flex;align-items:center;gap:.5rem;grid-column:2}
.qty [part=quantity]{min-width:2ch;text-align:center}
.link{border:0;text-decoration:underline;color:var(--cl-fg)}
.muted{color:var(--cl-muted);font-weight:normal}
footer{margin-top:auto;border-top:1px solid #ddd;padding-top:1rem}
.total{display:flex;justify-content:space-between;font-size:1.1rem;margin:0 0 .5rem}
`;
