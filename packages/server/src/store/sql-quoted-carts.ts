import type { SqlDatabase } from './sql.js';
import { type Row, json } from './sql-rows.js';
import type { QuotedCart, Store } from './types.js';

/**
 * The carts `/quote` priced recently, for replaying a draft on real carts:
 * lines, codes and the shipping option only (no email, name or address),
 * the newest `keep` of them.
 */
export function quotedCartMethods(db: SqlDatabase): Pick<Store, 'rememberQuotedCart' | 'recentQuotedCarts'> {
  return {
    async rememberQuotedCart({ cart, firstPurchase, segments, now }, keep = 2000) {
      const { rows } = await db.query<{ id: string }>(
        'INSERT INTO cartlift_quoted_carts (cart, first_purchase, segments, quoted_at) VALUES ($1::jsonb, $2, $3::jsonb, $4) RETURNING id',
        [json(cart), firstPurchase, json(segments), now],
      );
      // Bounded: older carts go as new ones come (every 100th insert, so most quotes pay one statement).
      const id = Number(rows[0]!.id);
      if (id % 100 === 0) await db.query('DELETE FROM cartlift_quoted_carts WHERE id <= $1', [id - keep]);
    },
    async recentQuotedCarts({ limit = 2000 } = {}) {
      const { rows } = await db.query<Row>('SELECT cart, first_purchase, segments, quoted_at FROM cartlift_quoted_carts ORDER BY id DESC LIMIT $1', [limit]);
      return rows.map(
        (row): QuotedCart => ({
          cart: row.cart as QuotedCart['cart'],
          firstPurchase: Boolean(row.first_purchase),
          segments: row.segments as string[],
          quotedAt: Number(row.quoted_at),
        }),
      );
    },
  };
}
