// The <cartlift-reviews> chunk: boot imports it only on pages that have such an
// element. It plugs itself in through window.Cartlift (a plugin receives the
// instance), so the first download spends nothing on handing the instance over.
import { type CartliftInstance, funnelEvent } from '@cartlift/core';
import { defineReviewsElement } from '@cartlift/reviews/widget';
import type { CartliftScriptApi } from './api.js';

const SHOPPER_KEY = 'cartlift-reviews-shopper';

/**
 * A random id per browser for helpful votes (one vote per shopper), kept in
 * localStorage; undefined where storage is refused, and then no vote buttons.
 */
function shopperId(): string | undefined {
  try {
    const saved = localStorage.getItem(SHOPPER_KEY);
    if (saved) return saved;
    const id = crypto.randomUUID();
    localStorage.setItem(SHOPPER_KEY, id);
    return id;
  } catch {
    return undefined;
  }
}

const api = window.Cartlift as CartliftScriptApi;
api.use({
  name: 'reviews',
  setup(instance: CartliftInstance) {
    defineReviewsElement({
      endpoint: api.config.endpoint,
      locale: api.config.locale,
      shopper: shopperId,
      // After the saved cart is read, so the event carries the shopper's cart id, as view_item does.
      onFilter: ({ product, filter, value, total }) =>
        void instance.cart.ready.then(() =>
          instance.events.emit(
            'review_filter_applied',
            funnelEvent('review_filter_applied', instance.cart.get(), [], { product, filter, filter_value: value, total }),
          ),
        ),
    });
  },
});
