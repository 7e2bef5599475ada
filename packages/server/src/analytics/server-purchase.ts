import type { FunnelItem } from '@cartlift/core';
import type { AnalyticsEventRecord, OrderRecord } from '../store/types.js';

/**
 * The UUID namespace of the server's purchase events. Fixed forever: changing
 * it would give orders already reported a second event id.
 */
export const PURCHASE_EVENT_NAMESPACE = 'eef9959f-a85d-45a2-bd63-87783edd1363';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * A name-based UUID (RFC 9562 version 5: SHA-1 of the namespace and the
 * name), so every process derives the same id for one transaction and a
 * redelivered webhook can't store a second event.
 *
 * @example
 * await purchaseEventId('pi_3Q0abc') // '7f22d9ea-9614-5b5b-aba7-554f29c754b2'
 */
export async function purchaseEventId(transactionId: string): Promise<string> {
  const namespace = Uint8Array.from(PURCHASE_EVENT_NAMESPACE.replace(/-/g, '').match(/../g)!, (pair) => parseInt(pair, 16));
  const name = new TextEncoder().encode(transactionId);
  const input = new Uint8Array(namespace.length + name.length);
  input.set(namespace);
  input.set(name, namespace.length);
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-1', input)).slice(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const h = hex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

interface OrderLine {
  sku: string;
  variant?: string;
  quantity: number;
  unitPrice: number;
}

function isOrderLine(line: unknown): line is OrderLine {
  const l = line as Partial<OrderLine> | null;
  return typeof l?.sku === 'string' && Number.isSafeInteger(l.quantity) && Number.isSafeInteger(l.unitPrice);
}

/**
 * GA4 items for an order's priced lines, shaped as the browser's
 * `toFunnelItems` shapes cart lines: `price` is the unit price in minor
 * units, before discounts. Lines of another shape are left out.
 *
 * @example
 * orderItems([{ sku: 'TEA', quantity: 2, unitPrice: 2400, total: 4300 }]) // [{ item_id: 'TEA', quantity: 2, price: 2400 }]
 */
export function orderItems(lines: unknown): FunnelItem[] {
  if (!Array.isArray(lines)) return [];
  return lines.filter(isOrderLine).map((line) => ({
    item_id: line.sku,
    ...(typeof line.variant === 'string' ? { item_variant: line.variant } : {}),
    quantity: line.quantity,
    price: line.unitPrice,
  }));
}

/**
 * The `purchase` event the server stores for a new paid order, so the funnel
 * counts shoppers who close the tab right after paying. Its transaction_id is
 * the PaymentIntent id, as in the browser's purchase, so the collector keeps
 * whichever of the two arrives first. Without the shopper's cart id the order
 * stands as a shopper of its own (`order:<PaymentIntent id>`).
 *
 * @example
 * const event = await serverPurchaseEvent(order) // { name: 'purchase', transactionId: order.paymentIntentId, value: order.amount, … }
 */
export async function serverPurchaseEvent(order: OrderRecord): Promise<AnalyticsEventRecord> {
  const eventId = await purchaseEventId(order.paymentIntentId);
  const cartId = order.cartId ?? `order:${order.paymentIntentId}`;
  const anonymousId = order.anonymousId?.toLowerCase() ?? null;
  const payload = {
    name: 'purchase',
    event_id: eventId,
    time: order.createdAt,
    cart_id: cartId,
    currency: order.currency,
    value: order.amount,
    items: orderItems(order.lines),
    transaction_id: order.paymentIntentId,
    ...(anonymousId ? { anonymous_id: anonymousId } : {}),
    // Tells the server's report from the browser's in the stored payload.
    source: 'server',
  };
  return {
    eventId,
    name: 'purchase',
    time: order.createdAt,
    cartId,
    anonymousId,
    currency: order.currency,
    value: order.amount,
    transactionId: order.paymentIntentId,
    experiments: null,
    payload,
  };
}
