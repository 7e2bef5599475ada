import type { OrderSummary } from '@cartlift/core/contract';
import type { Catalog } from '../catalog.js';
import type { OrderRecord } from '../store/types.js';

export type { OrderItem, OrderSummary } from '@cartlift/core/contract';

/**
 * A short order number a shopper can read out: the intent id's tail, upper-cased.
 *
 * @example
 * orderNumber('pi_3Q0abcDEF123xyz') // "DEF123XYZ"
 */
export function orderNumber(paymentIntentId: string): string {
  return paymentIntentId.replace(/^pi_/, '').slice(-9).toUpperCase();
}

type PricedLine = { sku: string; variant?: string; quantity: number; unitPrice: number; total: number };

/**
 * The order as the shopper sees it, with names from the catalog.
 *
 * @example
 * const summary = await orderSummary(catalog, await store.getOrder('pi_123'))
 */
export async function orderSummary(catalog: Catalog, order: OrderRecord): Promise<OrderSummary> {
  const lines = (Array.isArray(order.lines) ? order.lines : []) as PricedLine[];
  const products = await catalog.lookup([...new Set(lines.map((line) => line.sku))]);
  const addOnNames = new Map([...products.values()].flatMap((product) => (product.addOns ?? []).map((offer) => [offer.sku, offer.name] as const)));
  return {
    orderNumber: orderNumber(order.paymentIntentId),
    transactionId: order.paymentIntentId,
    amount: order.amount,
    currency: order.currency,
    email: order.email,
    items: lines.map((line) => {
      const name = products.get(line.sku)?.name ?? addOnNames.get(line.sku);
      return {
        sku: line.sku,
        ...(line.variant ? { variant: line.variant } : {}),
        ...(name ? { name } : {}),
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        total: line.total,
      };
    }),
    createdAt: order.createdAt,
  };
}
