import type { SqlDatabase } from './sql.js';
import { CHECKOUT_COLUMNS, JSON_COLUMNS, json, toCheckout } from './sql-rows.js';
import type { Store } from './types.js';

/** Checkout rows and their lease: the cross-process guard of "one intent per checkout id". */
export function checkoutMethods(db: SqlDatabase): Pick<Store, 'acquireCheckout' | 'getCheckout' | 'updateCheckout' | 'releaseCheckout'> {
  return {
    async acquireCheckout(checkoutId, token, now, leaseMs) {
      const { rows } = await db.query(
        `INSERT INTO cartlift_checkouts (checkout_id, lease_token, lease_until, created_at, updated_at)
              VALUES ($1, $2, $3, $4, $4)
         ON CONFLICT (checkout_id) DO UPDATE SET lease_token = excluded.lease_token, lease_until = excluded.lease_until
               WHERE cartlift_checkouts.lease_until IS NULL OR cartlift_checkouts.lease_until <= $4
         RETURNING *`,
        [checkoutId, token, now + leaseMs, now],
      );
      return rows[0] ? toCheckout(rows[0]) : null;
    },

    async getCheckout(checkoutId) {
      const { rows } = await db.query('SELECT * FROM cartlift_checkouts WHERE checkout_id = $1', [checkoutId]);
      return rows[0] ? toCheckout(rows[0]) : null;
    },

    async updateCheckout(checkoutId, token, patch, now, { release = false } = {}) {
      const sets: string[] = [];
      const params: unknown[] = [checkoutId, token, now];
      for (const [key, value] of Object.entries(patch)) {
        const column = CHECKOUT_COLUMNS[key];
        if (!column || value === undefined) continue;
        params.push(JSON_COLUMNS.has(column) ? json(value) : value);
        sets.push(`${column} = $${params.length}${JSON_COLUMNS.has(column) ? '::jsonb' : ''}`);
      }
      const { rows } = await db.query(
        `UPDATE cartlift_checkouts SET updated_at = $3${release ? ', lease_token = NULL, lease_until = NULL' : ''}${sets.map((s) => `, ${s}`).join('')}
          WHERE checkout_id = $1 AND lease_token = $2 RETURNING checkout_id`,
        params,
      );
      if (rows.length === 0) throw new Error(`Checkout ${checkoutId} lost its lease before it was saved.`);
    },

    async releaseCheckout(checkoutId, token) {
      await db.query('UPDATE cartlift_checkouts SET lease_token = NULL, lease_until = NULL WHERE checkout_id = $1 AND lease_token = $2', [checkoutId, token]);
    },
  };
}
