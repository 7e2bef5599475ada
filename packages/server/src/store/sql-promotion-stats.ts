import type { SqlDatabase } from './sql.js';
import type { PromotionStats, Store } from './types.js';

/** Per-promotion results of paid orders, for the console's list. */
export function promotionStatsMethods(db: SqlDatabase): Pick<Store, 'promotionStats'> {
  return {
    async promotionStats() {
      // Committed rows are paid orders; holds ("@…", like the first-purchase hold) are bookkeeping, not promotions.
      const { rows } = await db.query(
        `SELECT promotion_id, count(*)::int AS redemptions, coalesce(sum(discount_amount), 0)::bigint AS discount_given
           FROM cartlift_redemptions
          WHERE status = 'committed' AND promotion_id NOT LIKE '@%'
          GROUP BY promotion_id`,
      );
      const stats: Record<string, PromotionStats> = {};
      for (const row of rows) stats[String(row.promotion_id)] = { redemptions: Number(row.redemptions), discountGiven: Number(row.discount_given) };
      return stats;
    },
  };
}
