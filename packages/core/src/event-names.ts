import type { AddToCartSource, ArLaunchMode, FunnelEventName, ReviewFilterName } from './contract/funnel.js';

// The names as runtime lists, for validators (the analytics chunk, the server's collector): a module
// of its own, which the script tag's first download never imports, so a new event name costs it nothing.

/** GA4's recommended e-commerce names plus Cartlift's own, as fixed in DESIGN.md. */
export const FUNNEL_EVENTS = [
  'view_item',
  'add_to_cart',
  'remove_from_cart',
  'view_cart',
  'begin_checkout',
  'add_shipping_info',
  'add_payment_info',
  'purchase',
  'coupon_applied',
  'coupon_denied',
  'upsell_added',
  'review_filter_applied',
  'ar_launched',
  'checkout_error',
  'experiment_exposure',
] as const satisfies readonly FunnelEventName[];

/**
 * The `filter` of a `review_filter_applied` event: the reviews filters, the sort, and `clear`.
 *
 * @example
 * REVIEW_FILTER_NAMES.includes('topic') // true
 */
export const REVIEW_FILTER_NAMES = [
  'rating',
  'media',
  'verified',
  'variant',
  'attr',
  'topic',
  'q',
  'sort',
  'clear',
] as const satisfies readonly ReviewFilterName[];

/**
 * The `mode` of an `ar_launched` event: iOS AR Quick Look, Android Scene Viewer, or the QR code for the phone.
 *
 * @example
 * AR_LAUNCH_MODES.includes('qr') // true
 */
export const AR_LAUNCH_MODES = ['quick_look', 'scene_viewer', 'qr'] as const satisfies readonly ArLaunchMode[];

/**
 * The `source` an `add_to_cart` event may carry: `ar`, added from the AR viewer's banner.
 *
 * @example
 * ADD_TO_CART_SOURCES.includes('ar') // true
 */
export const ADD_TO_CART_SOURCES = ['ar'] as const satisfies readonly AddToCartSource[];
