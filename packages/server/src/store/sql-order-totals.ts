import type { SqlDatabase } from './sql.js';
import type { Store } from './types.js';

/**
 * Paid orders and revenue for the funnel report, read from the ledger (not
 * from browser events, which anyone can post).
 */
export function orderTotalsMethods(db: SqlDatabase): Pick<Store, 'orderTotals'> {
  return {
    async orderTotals({ from, to, byDay, experiment }) {
      // A shopper's browser was collected when it sent begin_checkout under the
      // order's anonymous id or cart id; orders knowing neither cannot be joined.
      // The variant is read as the funnel reads it, from any of the shopper's
      // events (the exposure may predate the range).
      const { rows } = await db.query<Record<string, unknown>>(
        `WITH paid AS (
           SELECT CASE WHEN $3::boolean THEN created_at / 86400000 END AS day, currency, amount,
                  CASE WHEN $4::text IS NOT NULL THEN
                    (SELECT min(coalesce(e.experiments ->> $4::text,
                                         CASE WHEN e.name = 'experiment_exposure' AND e.payload ->> 'experiment' = $4::text THEN e.payload ->> 'variant' END))
                       FROM cartlift_analytics_events e WHERE e.anonymous_id = lower(o.anonymous_id))
                  END AS variant,
                  EXISTS (SELECT 1 FROM cartlift_analytics_events e
                           WHERE e.name = 'begin_checkout'
                             AND (e.anonymous_id = lower(o.anonymous_id) OR e.cart_id = o.cart_id)) AS collected
             FROM cartlift_orders o
            WHERE created_at >= $1 AND created_at < $2
         )
         SELECT day, variant, currency, count(*) AS orders, sum(amount) AS revenue, count(*) FILTER (WHERE collected) AS collected
           FROM paid
          GROUP BY day, variant, currency`,
        [from, to, byDay, experiment ?? null],
      );
      return rows.map((row) => ({
        day: row.day == null ? null : Number(row.day),
        variant: row.variant == null ? null : String(row.variant),
        currency: String(row.currency),
        orders: Number(row.orders),
        revenue: Number(row.revenue),
        collected: Number(row.collected),
      }));
    },
  };
}
