import type { CartLine, CartState } from './cart.js';
import type { FunnelEventName, FunnelFields, FunnelItem, FunnelParams, FunnelPayload } from './contract/funnel.js';

export type { FunnelEventName, FunnelItem, FunnelPayload };

/**
 * Any funnel event, as a listener to every event reads it: the common fields
 * and whatever params its name adds (see FunnelParams in the contract).
 */
export type FunnelEvent = FunnelFields & { transaction_id?: string; [param: string]: unknown };

/** The one map from event name to payload type. */
export type CartliftEvents = { [Name in FunnelEventName]: FunnelPayload<Name> } & {
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

/** What a writer may pass: the event's params, and a `value` or `currency` that overrides the items' own. */
type ParamsOf<Name extends FunnelEventName> = FunnelParams[Name] & { value?: number; currency?: string };

/**
 * Builds the payload of funnel event `name` for a cart and items, checking
 * its params against the contract (a missing `transaction_id` or a misspelt
 * param fails to compile). `value` is the items' display value unless the
 * params say otherwise (a checkout passes the server's total); `event_id`
 * and `time` are always fresh.
 *
 * @example
 * events.emit('add_to_cart', funnelEvent('add_to_cart', cart, [{ item_id: 'TEA', quantity: 1, price: 2400 }]));
 * events.emit('purchase', funnelEvent('purchase', cart, items, { value: 2099, transaction_id: 'pi_123' }));
 */
export function funnelEvent<Name extends FunnelEventName>(
  _name: Name,
  cart: Pick<CartState, 'id' | 'currency'>,
  items: FunnelItem[],
  ...[params]: NoParamsRequired<Name> extends true ? [params?: ParamsOf<Name>] : [params: ParamsOf<Name>]
): FunnelPayload<Name> {
  const value = items.reduce((sum, item) => sum + (item.price ?? 0) * item.quantity, 0);
  return { cart_id: cart.id, currency: cart.currency, value, ...params, event_id: uuid(), time: Date.now(), items } as FunnelPayload<Name>;
}

/** True when event `Name` has no required params, so funnelEvent may be called without them. */
type NoParamsRequired<Name extends FunnelEventName> = Record<never, never> extends FunnelParams[Name] ? true : false;
