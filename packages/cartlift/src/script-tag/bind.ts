import { type CartliftInstance, DEFAULT_LIMITS, cartCount, parseMinorUnits } from '@cartlift/core';

const ADD = 'data-cartlift-add';
const OPEN = 'data-cartlift-open-cart';

/** The first element on the event's path (through shadow roots) carrying `attribute`. */
function target(event: Event, attribute: string): HTMLElement | undefined {
  for (const node of event.composedPath()) {
    if (node instanceof HTMLElement && node.hasAttribute(attribute)) return node;
  }
  return undefined;
}

function who(el: Element): string {
  return `<${el.tagName.toLowerCase()} ${ADD}="${el.getAttribute(ADD)}">`;
}

/**
 * Reads an add-to-cart element's attributes. A bad quantity refuses the add
 * (a wrong quantity is worse than none); a bad display price drops only the price.
 */
function readAdd(el: HTMLElement, report: (message: string) => void) {
  const sku = el.getAttribute(ADD) ?? '';
  const quantityText = el.getAttribute('data-cartlift-quantity');
  let quantity = 1;
  if (quantityText !== null) {
    quantity = Number(quantityText);
    if (!/^\d+$/.test(quantityText.trim()) || quantity < 1 || quantity > DEFAULT_LIMITS.maxQuantity) {
      report(
        `Cartlift: data-cartlift-quantity on ${who(el)} must be a whole number from 1 to ${DEFAULT_LIMITS.maxQuantity}; received ${JSON.stringify(quantityText)}. Nothing was added.`,
      );
      return undefined;
    }
  }
  let price: number | undefined;
  const priceText = el.getAttribute('data-cartlift-price');
  if (priceText !== null) {
    try {
      price = parseMinorUnits(priceText, `data-cartlift-price on ${who(el)}`);
    } catch (error) {
      report(`Cartlift: ${(error as Error).message} The item was added without a display price.`);
    }
  }
  const name = el.getAttribute('data-cartlift-name') ?? undefined;
  const image = el.getAttribute('data-cartlift-image') ?? undefined;
  return { sku, quantity, price, name, image };
}

/**
 * Binds `[data-cartlift-add]` and `[data-cartlift-open-cart]` by delegation on
 * the document, so elements added later (single-page apps) work with no extra
 * call. `added` runs once an add has put something in the cart (a full cart
 * takes nothing: that is reported instead). Returns the unbind function.
 *
 * @example
 * const unbind = bindDocument(document, cartlift, () => openCart(document), console.error, prefetch, addedFeedback('en', open));
 */
export function bindDocument(
  doc: Document,
  instance: CartliftInstance,
  open: () => void,
  report: (message: string) => void,
  prefetch: () => void,
  added: (button: HTMLElement, name?: string) => void,
): () => void {
  const onClick = (event: Event) => {
    const adder = target(event, ADD);
    if (adder) {
      event.preventDefault();
      const item = readAdd(adder, report);
      if (!item) return;
      const before = cartCount(instance.cart.get());
      try {
        void instance.cart.add(item).then(
          // The reducer drops a line past maxLines and clamps at maxQuantity: then nothing was added.
          (cart) => (cartCount(cart) > before ? added(adder, item.name) : report(`Cartlift: the cart is full. Nothing was added from ${who(adder)}.`)),
          (error: Error) => report(`Cartlift: ${error.message}`),
        );
      } catch (error) {
        report(`Cartlift: ${(error as Error).message} (from ${who(adder)})`);
      }
      return;
    }
    if (target(event, OPEN)) {
      event.preventDefault();
      open();
    }
  };
  // Hovering or focusing an "open cart" control is intent: fetch the drawer early.
  const onIntent = (event: Event) => target(event, OPEN) && prefetch();
  doc.addEventListener('click', onClick);
  doc.addEventListener('pointerover', onIntent, { passive: true });
  doc.addEventListener('focusin', onIntent);
  return () => {
    doc.removeEventListener('click', onClick);
    doc.removeEventListener('pointerover', onIntent);
    doc.removeEventListener('focusin', onIntent);
  };
}
