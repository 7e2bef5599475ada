import { type CartliftInstance, cartCount } from '@cartlift/core';
import { type Locale, buttonText, pick } from './i18n.js';
import { type DrawerStart, loadDrawer } from './drawer-loader.js';
import { adoptStyles, baseCss } from './styles.js';

export type { DrawerStart };

export interface CartElementOptions {
  locale: Locale;
}

/** The `<cartlift-cart>` element's public methods. */
export interface CartliftCartElement extends HTMLElement {
  /** Opens the drawer (loads it first if needed), on the cart unless told otherwise. */
  open(start?: DrawerStart): void;
}

/** Intent only warms the chunk: a failure is said when the shopper opens the drawer. */
const warm = () => void loadDrawer().catch(() => {});

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]>, attrs: Record<string, string> = {}) {
  const node = Object.assign(document.createElement(tag), props);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}

/**
 * Defines `<cartlift-cart>`: a count button in shadow DOM that opens the cart
 * drawer. The button is plain DOM so the first script-tag chunk stays small;
 * the drawer (Preact) loads on intent. Safe to call twice: the first wins.
 * The `headless` attribute hides the button (open it from code).
 *
 * @example
 * defineCartElement(createCartlift({ currency: 'USD' }), { locale: 'en' });
 * document.body.append(document.createElement('cartlift-cart'));
 */
export function defineCartElement(instance: CartliftInstance, { locale }: CartElementOptions): void {
  if (customElements.get('cartlift-cart')) return;
  class CartliftCart extends HTMLElement implements CartliftCartElement {
    private off?: () => void;
    private button = el(
      'button',
      { type: 'button', onclick: () => this.open(), onpointerenter: warm, onfocus: warm },
      { part: 'badge', 'aria-haspopup': 'dialog', 'aria-expanded': 'false' },
    );
    private count = el('span', {}, { part: 'count' });
    private live = el('div', { className: 'sr-only' }, { role: 'status', 'aria-live': 'polite' });

    connectedCallback() {
      if (!this.shadowRoot) {
        const root = this.attachShadow({ mode: 'open' });
        adoptStyles(root, baseCss);
        this.button.append(`${pick(buttonText.cart, locale)} `, this.count);
        this.button.hidden = this.hasAttribute('headless');
        root.append(this.button, this.live);
      }
      let shown = -1;
      this.off = instance.cart.subscribe((cart) => {
        const n = cartCount(cart);
        if (n === shown) return;
        if (shown >= 0) this.live.textContent = pick(buttonText.updated, locale)(n);
        shown = n;
        this.count.textContent = String(n);
        this.button.setAttribute('aria-label', pick(buttonText.openCart, locale)(n));
      });
    }

    disconnectedCallback() {
      this.off?.();
    }

    open(start?: DrawerStart) {
      loadDrawer().then(
        ({ mountDrawer }) => {
          this.button.setAttribute('aria-expanded', 'true');
          // Buy now's sheet closes back onto its own button, which the drawer refocuses; the cart, onto this one.
          const buyNow = start?.view === 'checkout' && start.buyNow !== undefined;
          mountDrawer({ instance, locale, ...(start ? { start } : {}), onClose: () => this.closed(buyNow) });
        },
        (error: unknown) => instance.events.emit('error', { code: 'chunk_load_failed', message: `The cart drawer could not load: ${String(error)}` }),
      );
    }

    private closed(elsewhere: boolean) {
      this.button.setAttribute('aria-expanded', 'false');
      if (!elsewhere && !this.button.hidden) this.button.focus();
    }
  }
  customElements.define('cartlift-cart', CartliftCart);
}
