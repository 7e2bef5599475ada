import type { CartliftCartElement, DrawerStart } from './cart-element.js';

// Apart from cart-element.ts so the landing chunk can open the drawer without
// importing the module that imports it (no import cycle).

/**
 * Opens the first `<cartlift-cart>` on the page, adding a headless one when the
 * page has none, so `Cartlift.open()` and `[data-cartlift-open-cart]` always work.
 *
 * @example
 * openCart(document);
 * openCart(document, { view: 'checkout', buyNow: { sku: 'POT-YIXING' } });
 */
export function openCart(doc: Document, start?: DrawerStart): void {
  let element = doc.querySelector<CartliftCartElement>('cartlift-cart');
  if (!element) {
    element = doc.createElement('cartlift-cart') as CartliftCartElement;
    element.setAttribute('headless', '');
    doc.body.append(element);
  }
  element.open(start);
}
