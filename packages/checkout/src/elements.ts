/**
 * What a page needs at boot: the custom element definitions and landing
 * handling. Everything heavier (drawer, checkout, Stripe.js) loads from here
 * on intent, so this subpath stays in the script tag's first chunk.
 *
 * @example
 * import { defineCartElement, defineBuyElements } from '@cartlift/checkout/elements';
 */
export { defineCartElement } from './cart-element.js';
export { loadDrawer } from './drawer-loader.js';
export { handleLanding } from './landing-entry.js';
export { openCart } from './open-cart.js';
export type { CartElementOptions, CartliftCartElement } from './cart-element.js';
export { defineBuyElements } from './buy-elements.js';
export { showAddedToast } from './added-toast-loader.js';
export { resolveLocale } from './i18n.js';
export { whenNear } from './when-near.js';
export type { Locale } from './i18n.js';
