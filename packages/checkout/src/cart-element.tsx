import type { CartliftInstance } from '@cartlift/core';
import { render } from 'preact';
import { CartButton } from './cart-button';
import type { Locale } from './i18n';
import { adoptStyles, baseCss } from './styles';

export interface CartElementOptions {
  locale: Locale;
}

/** The `<cartlift-cart>` element's public methods. */
export interface CartliftCartElement extends HTMLElement {
  /** Opens the drawer (loads it first if needed). */
  open(): void;
}

/**
 * Defines `<cartlift-cart>`: a count button that opens the cart drawer, in
 * shadow DOM. Safe to call twice (a second script tag): the first wins.
 * Add the `headless` attribute to hide the button and open it only from code.
 *
 * @example
 * defineCartElement(createCartlift({ currency: 'USD' }), { locale: 'en' });
 * document.body.append(document.createElement('cartlift-cart'));
 */
export function defineCartElement(instance: CartliftInstance, options: CartElementOptions): void {
  if (customElements.get('cartlift-cart')) return;
  class CartliftCart extends HTMLElement implements CartliftCartElement {
    private openDrawer?: () => void;
    private root?: ShadowRoot;

    connectedCallback() {
      if (!this.root) {
        this.root = this.attachShadow({ mode: 'open' });
        adoptStyles(this.root, baseCss);
      }
      render(
        <CartButton instance={instance} locale={options.locale} headless={this.hasAttribute('headless')} expose={(open) => (this.openDrawer = open)} />,
        this.root,
      );
    }

    disconnectedCallback() {
      if (this.root) render(null, this.root);
    }

    open() {
      this.openDrawer?.();
    }
  }
  customElements.define('cartlift-cart', CartliftCart);
}

/**
 * Opens the first `<cartlift-cart>` on the page, adding a headless one when the
 * page has none, so `Cartlift.open()` and `[data-cartlift-open-cart]` always work.
 *
 * @example
 * openCart(document);
 */
export function openCart(doc: Document): void {
  let element = doc.querySelector<CartliftCartElement>('cartlift-cart');
  if (!element) {
    element = doc.createElement('cartlift-cart') as CartliftCartElement;
    element.setAttribute('headless', '');
    doc.body.append(element);
  }
  element.open();
}
