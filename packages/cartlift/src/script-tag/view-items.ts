import { type CartliftInstance, type FunnelItem, funnelEvent, parseMinorUnits } from '@cartlift/core';

// A product control a shopper can see: the add button, or the product-page buy elements.
const PRODUCT = '[data-cartlift-add],cartlift-buy-button[sku],cartlift-express-checkout[sku]';

/** The product an element stands for, from its attributes; an unreadable price is left out (the click reports it). */
export function viewedItem(el: Element): FunnelItem | undefined {
  const attr = (name: string) => el.getAttribute(`data-cartlift-${name}`) ?? (el.hasAttribute('sku') ? el.getAttribute(name) : null);
  const sku = el.getAttribute('data-cartlift-add') ?? el.getAttribute('sku');
  if (!sku) return undefined;
  const item: FunnelItem = { item_id: sku, quantity: 1 };
  const name = attr('name');
  if (name) item.item_name = name;
  const price = attr('price');
  if (price !== null) {
    try {
      item.price = parseMinorUnits(price, 'price');
    } catch {
      // Display price only; the server prices the cart.
    }
  }
  return item;
}

/**
 * Emits `view_item` once per sku per page view, when one of the product's
 * controls is at least half on screen — the funnel's first step. Controls
 * added later (single-page apps) are watched too. Returns the stop function.
 *
 * @example
 * const stop = watchViewedItems(document, cartlift);
 */
export function watchViewedItems(doc: Document, instance: CartliftInstance): () => void {
  // No check for IntersectionObserver: every browser that runs the script tag's ES2022 modules has it.
  const seen = new Set<string>();
  const watched = new WeakSet<Element>();
  const visible = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        visible.unobserve(entry.target);
        const item = viewedItem(entry.target);
        if (!item || seen.has(item.item_id)) continue;
        seen.add(item.item_id);
        // After the saved cart is read, so the event carries the shopper's cart id.
        void instance.cart.ready.then(() => instance.events.emit('view_item', funnelEvent('view_item', instance.cart.get(), [item])));
      }
    },
    { threshold: 0.5 },
  );
  const watch = (el: Element) => {
    if (watched.has(el)) return;
    watched.add(el);
    visible.observe(el);
  };
  const scan = (root: Element | Document) => {
    if (root instanceof Element && root.matches(PRODUCT)) watch(root);
    root.querySelectorAll(PRODUCT).forEach(watch);
  };
  scan(doc);
  // Only the added subtrees are scanned, so a busy single-page app pays for what changed.
  const added = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
  });
  added.observe(doc.documentElement, { childList: true, subtree: true });
  return () => {
    visible.disconnect();
    added.disconnect();
  };
}
