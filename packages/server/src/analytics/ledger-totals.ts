import type { OrderTotalsRow } from '../store/types.js';
import { basisPoints, type FunnelGroup, type FunnelQuery } from './funnel.js';

/** Paid orders from the ledger, for a range or one group of it. */
export interface LedgerTotals {
  /** Paid orders created in the range. */
  orders: number;
  /** Sum of their amounts per currency, minor units (`{ "USD": 3100 }`). */
  revenue: Record<string, number>;
  /**
   * Share of those orders whose shopper also sent a browser `begin_checkout`
   * (matched by anonymous id or cart id), in basis points; null without orders.
   */
  collectionCoverageBp: number | null;
}

/**
 * Adds up ledger rows (one per day and currency) into totals.
 *
 * @example
 * sumOrders([{ day: null, variant: null, currency: 'USD', orders: 2, revenue: 5000, collected: 1 }]) // { orders: 2, revenue: { USD: 5000 }, collectionCoverageBp: 5000 }
 */
export function sumOrders(rows: readonly OrderTotalsRow[]): LedgerTotals {
  let orders = 0;
  let collected = 0;
  const revenue: Record<string, number> = {};
  for (const row of rows) {
    orders += row.orders;
    collected += row.collected;
    revenue[row.currency] = (revenue[row.currency] ?? 0) + row.revenue;
  }
  return { orders, revenue, collectionCoverageBp: basisPoints(collected, orders) };
}

const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * Puts the ledger's totals on the groups they describe: the whole range
 * (`all`), each UTC day, or each variant (orders of shoppers in it).
 *
 * @example
 * withOrders(groups, rows, { ...query, by: 'day' })[1].orders // orders paid that day
 */
export function withOrders(groups: readonly FunnelGroup[], rows: readonly OrderTotalsRow[], query: FunnelQuery): FunnelGroup[] {
  const inGroup = (row: OrderTotalsRow, key: string) =>
    query.by === 'day' ? isoDay(row.day ?? 0) === key : query.by === 'variant' ? row.variant === key : true;
  return groups.map((group) => ({ ...group, ...sumOrders(rows.filter((row) => inGroup(row, group.key))) }));
}
