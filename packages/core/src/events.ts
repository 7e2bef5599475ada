import type { CartLine, CartState } from './cart.js';

/** GA4's item shape. `price` is per unit in minor units (destinations convert for GA4). */
export interface FunnelItem {
  item_id: string;
  item_name?: string;
  item_variant?: string;
  price?: number;
  quantity: number;
}

/** Fields every funnel event carries. `value` is in minor units of `currency`. */
export interface FunnelEvent {
  event_id: string;
  time: number;
  cart_id: string;
  currency: string;
  value: number;
  items: FunnelItem[];
  transaction_id?: string;
  [extra: string]: unknown;
}

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
] as const;

export type FunnelEventName = (typeof FUNNEL_EVENTS)[number];

/** The one map from event name to payload type. */
export type CartliftEvents = { [K in FunnelEventName]: FunnelEvent } & {
  /** The cart changed: here (`local`), in another tab (`remote`) or on first load (`storage`). */
  cart_updated: { cart: CartState; source: 'local' | 'remote' | 'storage' };
  /** Persistent storage failed; the cart carries on in memory. Emitted once. */
  storage_unavailable: { reason: string };
  /** Something went wrong that the host page should know about; nothing was thrown at it. */
  error: { code: string; message: string; field?: string };
  /** The drawer was asked to open. */
  open: { source: string };
};

/**
 * GA4-shaped items for cart lines.
 *
 * @example
 * toFunnelItems(cart.lines) // [{ item_id: 'TEA', quantity: 2, price: 2400 }]
 */
export function toFunnelItems(lines: readonly CartLine[]): FunnelItem[] {
  return lines.map((l) => {
    const item: FunnelItem = { item_id: l.sku, quantity: l.quantity };
    if (l.name !== undefined) item.item_name = l.name;
    if (l.variant !== undefined) item.item_variant = l.variant;
    if (l.price !== undefined) item.price = l.price;
    return item;
  });
}

/** Random UUID v4 for event ids, from the platform's crypto. */
export function uuid(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * Builds a funnel event for a cart and items. `value` is the items' display
 * value unless `extra` says otherwise (a checkout passes the server's total);
 * `event_id` and `time` are always fresh.
 *
 * @example
 * events.emit('add_to_cart', funnelEvent(cart, [{ item_id: 'TEA', quantity: 1, price: 2400 }]));
 * events.emit('purchase', funnelEvent(cart, items, { value: 2099, transaction_id: 'pi_123' }));
 */
export function funnelEvent(cart: Pick<CartState, 'id' | 'currency'>, items: FunnelItem[], extra: Record<string, unknown> = {}): FunnelEvent {
  const value = items.reduce((sum, i) => sum + (i.price ?? 0) * i.quantity, 0);
  return { cart_id: cart.id, currency: cart.currency, value, ...extra, event_id: uuid(), time: Date.now(), items };
}
