import type { FunnelEventName, FunnelItem } from '@cartlift/core';
import type { Destination } from './destinations.js';
import { major } from './major.js';
import type { WireEvent } from './wire.js';

/** Segment's Ecommerce v2 (and A/B testing) event names for ours; the rest are Title Case customs. */
export const SEGMENT_NAMES: Record<FunnelEventName, string> = {
  view_item: 'Product Viewed',
  add_to_cart: 'Product Added',
  remove_from_cart: 'Product Removed',
  view_cart: 'Cart Viewed',
  begin_checkout: 'Checkout Started',
  add_shipping_info: 'Checkout Step Completed',
  add_payment_info: 'Payment Info Entered',
  purchase: 'Order Completed',
  coupon_applied: 'Coupon Applied',
  coupon_denied: 'Coupon Denied',
  upsell_added: 'Upsell Added',
  review_filter_applied: 'Review Filter Applied',
  ar_launched: 'AR Launched',
  checkout_error: 'Checkout Error',
  experiment_exposure: 'Experiment Viewed',
};

const SINGLE = new Set<string>(['view_item', 'add_to_cart', 'remove_from_cart', 'upsell_added']);
const OWN = new Set(['name', 'event_id', 'time', 'value', 'items', 'currency', 'anonymous_id', 'transaction_id', 'coupon', 'experiment', 'variant']);

const product = (item: FunnelItem, currency: string) => ({
  product_id: item.item_id,
  sku: item.item_id,
  name: item.item_name,
  variant: item.item_variant,
  price: item.price === undefined ? undefined : major(item.price, currency),
  quantity: item.quantity,
});

/**
 * Segment `track` properties for one of our events, amounts in major units.
 *
 * @example
 * segmentProperties({ name: 'purchase', transaction_id: 'ord_1', value: 4800, currency: 'USD', items: […] , … })
 * // { order_id: 'ord_1', total: 48, revenue: 48, currency: 'USD', products: [{ product_id: 'TEA', price: 24, quantity: 2, … }], … }
 */
export function segmentProperties(event: WireEvent): Record<string, unknown> {
  const value = major(event.value, event.currency);
  const props: Record<string, unknown> = { currency: event.currency, value, cart_id: event.cart_id };
  const first = event.items[0];
  if (SINGLE.has(event.name) && first && event.items.length === 1) Object.assign(props, product(first, event.currency));
  else props.products = event.items.map((item) => product(item, event.currency));
  if (event.name === 'purchase') Object.assign(props, { order_id: event.transaction_id, total: value, revenue: value });
  if (event.name === 'add_shipping_info') props.step = 1;
  if (event.name === 'add_payment_info') props.step = 2;
  // Segment's checkout step properties for GA4's shipping_tier and payment_type (which also pass through as they are).
  if (event.shipping_tier !== undefined) props.shipping_method = event.shipping_tier;
  if (event.payment_type !== undefined) props.payment_method = event.payment_type;
  if (event.coupon !== undefined) props.coupon = props.coupon_id = event.coupon;
  if (event.name === 'experiment_exposure')
    Object.assign(props, { experiment_id: event.experiment, experiment_name: event.experiment, variation_id: event.variant, variation_name: event.variant });
  for (const [key, v] of Object.entries(event)) if (!OWN.has(key) && !(key in props)) props[key] = v;
  return props;
}

/** Segment's `track` message, with our event id as `messageId` so Segment dedupes too. */
export function segmentMessage(event: WireEvent) {
  return {
    type: 'track',
    event: SEGMENT_NAMES[event.name],
    properties: segmentProperties(event),
    anonymousId: event.anonymous_id,
    messageId: event.event_id,
    timestamp: new Date(event.time).toISOString(),
  };
}

type SegmentJs = { track(name: string, properties: Record<string, unknown>, options?: Record<string, unknown>): unknown };

/**
 * A Segment-compatible destination: `window.analytics.track(…)` in the page,
 * or, with `endpoint`, batches `{"batch":[track messages]}` from the persisted
 * queue to a Segment-compatible HTTP endpoint (it must accept text/plain JSON).
 *
 * @example
 * analytics({ destinations: [collector(), segment()] })                              // window.analytics
 * analytics({ destinations: [collector(), segment({ endpoint: '/segment/v1/batch' })] }) // HTTP
 */
export function segment(options: { analytics?: SegmentJs; endpoint?: string } = {}): Destination {
  if (options.endpoint) return { kind: 'http', name: 'segment', url: options.endpoint, field: 'batch', map: segmentMessage };
  return {
    kind: 'page',
    name: 'segment',
    track(event) {
      const js = options.analytics ?? (globalThis as { analytics?: SegmentJs }).analytics;
      js?.track(SEGMENT_NAMES[event.name], segmentProperties(event), { messageId: event.event_id, anonymousId: event.anonymous_id });
    },
  };
}
