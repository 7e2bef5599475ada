import type { SqlClient, SqlDatabase } from './sql.js';
import { holdCodes, releaseCodes } from './sql-codes.js';
import type { PromotionClaim, PromotionUsage, Store } from './types.js';

// A redemption counts while committed or held. An expired hold still counts:
// its PaymentIntent may yet be paid, so only settling the attempt (the intent
// canceled at Stripe, see checkout/settle.ts) releases it. `$2` (now) stays a
// parameter of the queries so the SQL keeps one shape.
const LIVE = `(status IN ('committed', 'reserved') AND $2::bigint IS NOT NULL)`;

/** Locks one promotion's counter row so concurrent reservations queue behind it. */
async function lockPromotion(tx: SqlClient, id: string): Promise<void> {
  // An upsert that always updates takes the row lock in one round trip.
  await tx.query(
    'INSERT INTO cartlift_promotion_locks (promotion_id) VALUES ($1) ON CONFLICT (promotion_id) DO UPDATE SET promotion_id = excluded.promotion_id',
    [id],
  );
}

/** A signed 64-bit advisory-lock key for one promotion and one customer. */
async function customerLockKey(promotionId: string, customerKey: string): Promise<bigint> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`cartlift-redemption\u0000${promotionId}\u0000${customerKey}`));
  return new DataView(digest).getBigInt64(0);
}

/** A total limit or a budget is shared by every shopper, so its checkouts queue behind the promotion's row. */
const sharedLimit = (claim: PromotionClaim): boolean => claim.limit != null || claim.budget != null;

/**
 * Takes every lock the claims need, in one global order (promotion rows by
 * id, then per-customer advisory locks by key), so two checkouts never
 * deadlock. A claim with a total limit or a budget locks its promotion's row; a claim
 * with only a per-customer limit (the first-purchase hold among them) locks
 * just this customer's checkouts against each other, so different shoppers
 * never queue behind one row.
 */
async function lockClaims(tx: SqlClient, claims: readonly PromotionClaim[], customerKey: string | null): Promise<void> {
  const rows = claims
    .filter(sharedLimit)
    .map((c) => c.id)
    .sort();
  const keys = await Promise.all(
    claims.flatMap((c) => {
      const key = c.customerKey ?? customerKey;
      return !sharedLimit(c) && key != null ? [customerLockKey(c.id, key)] : [];
    }),
  );
  for (const id of rows) await lockPromotion(tx, id);
  for (const key of keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [key.toString()]);
}

/** True when what other checkouts hold leaves no room for this claim under one of its limits. */
function overLimit(claim: PromotionClaim, key: string | null, held: { used: number; mine: number; discount: number }): boolean {
  const overGlobal = claim.limit != null && held.used >= claim.limit;
  const overCustomer = claim.perCustomerLimit != null && key != null && held.mine >= claim.perCustomerLimit;
  const overBudget = claim.budget != null && held.discount + (claim.amount ?? 0) > claim.budget;
  return overGlobal || overCustomer || overBudget;
}

/** Usage counting and atomic reservations of limited promotions. */
export function promotionMethods(db: SqlDatabase): Pick<Store, 'promotionUsage' | 'reservePromotions' | 'releaseReservations' | 'staleHolds'> {
  return {
    async staleHolds(ids, now, limit) {
      const { rows } = await db.query(
        `SELECT c.checkout_id, c.payment_intent_id, c.pending_create, min(r.expires_at) AS expired
           FROM (SELECT checkout_id, promotion_id, expires_at FROM cartlift_redemptions WHERE status = 'reserved'
                 UNION ALL
                 SELECT checkout_id, promotion_id, expires_at FROM cartlift_codes WHERE status = 'held') r
           JOIN cartlift_checkouts c ON c.checkout_id = r.checkout_id
          WHERE r.expires_at <= $1 AND ($2::text[] IS NULL OR r.promotion_id = ANY($2))
            AND (c.lease_until IS NULL OR c.lease_until <= $1)
          GROUP BY c.checkout_id, c.payment_intent_id, c.pending_create
          ORDER BY expired LIMIT $3`,
        [now, ids, limit],
      );
      return rows.map((row) => ({
        checkoutId: String(row.checkout_id),
        paymentIntentId: row.payment_intent_id == null ? null : String(row.payment_intent_id),
        pendingCreate: (row.pending_create as Record<string, unknown> | null) ?? null,
      }));
    },

    async promotionUsage(ids, customerKey, now, excludeCheckoutId) {
      const usage: Record<string, PromotionUsage> = {};
      for (const id of ids) usage[id] = { used: 0, usedByCustomer: 0, discount: 0 };
      if (ids.length === 0) return usage;
      const { rows } = await db.query(
        `SELECT promotion_id, count(*)::int AS used, count(*) FILTER (WHERE customer_key = $3)::int AS mine, coalesce(sum(discount_amount), 0)::bigint AS discount
           FROM cartlift_redemptions
          WHERE promotion_id = ANY($1) AND ${LIVE} AND checkout_id <> $4
          GROUP BY promotion_id`,
        [ids, now, customerKey, excludeCheckoutId ?? ''],
      );
      for (const row of rows) {
        usage[String(row.promotion_id)] = { used: Number(row.used), usedByCustomer: Number(row.mine), discount: Number(row.discount) };
      }
      return usage;
    },

    async reservePromotions({ checkoutId, customerKey, promotions, codes = [], now, expiresAt }) {
      // Unlimited promotions need no hold: the checkout row lists what was applied.
      const limited = promotions.filter((p) => sharedLimit(p) || (p.perCustomerLimit != null && (p.customerKey ?? customerKey) != null));
      const releaseOthers = async (client: SqlClient, kept: string[], keptCodes: string[]) => {
        await client.query(
          `UPDATE cartlift_redemptions SET status = 'released', updated_at = $2
            WHERE checkout_id = $1 AND status = 'reserved' AND NOT (promotion_id = ANY($3))`,
          [checkoutId, now, kept],
        );
        await releaseCodes(client, checkoutId, now, keptCodes);
      };
      if (limited.length === 0 && codes.length === 0) {
        await releaseOthers(db, [], []);
        return { reserved: [], denied: [], deniedCodes: [] };
      }
      return db.transaction(async (tx) => {
        const reserved: string[] = [];
        const denied: string[] = [];
        await lockClaims(tx, limited, customerKey);
        // After the promotion locks, in the same order for every checkout: a code's row lock never waits inside a cycle.
        const deniedCodes = await holdCodes(tx, checkoutId, codes, now, expiresAt);
        for (const promotion of limited) {
          const key = promotion.customerKey ?? customerKey;
          const { rows } = await tx.query(
            `SELECT count(*)::int AS used, count(*) FILTER (WHERE customer_key = $3)::int AS mine, coalesce(sum(discount_amount), 0)::bigint AS discount
               FROM cartlift_redemptions WHERE promotion_id = $1 AND ${LIVE} AND checkout_id <> $4`,
            [promotion.id, now, key, checkoutId],
          );
          const held = { used: Number(rows[0]?.used ?? 0), mine: Number(rows[0]?.mine ?? 0), discount: Number(rows[0]?.discount ?? 0) };
          if (overLimit(promotion, key, held)) {
            denied.push(promotion.id);
            continue;
          }
          await tx.query(
            `INSERT INTO cartlift_redemptions (promotion_id, checkout_id, customer_key, status, expires_at, created_at, updated_at, discount_amount)
                  VALUES ($1, $2, $3, 'reserved', $4, $5, $5, $6)
             ON CONFLICT (promotion_id, checkout_id) DO UPDATE
                     SET customer_key = excluded.customer_key, status = 'reserved', expires_at = excluded.expires_at, updated_at = excluded.updated_at,
                         discount_amount = excluded.discount_amount
                   WHERE cartlift_redemptions.status <> 'committed'`,
            [promotion.id, checkoutId, key, expiresAt, now, promotion.amount ?? 0],
          );
          reserved.push(promotion.id);
        }
        await releaseOthers(
          tx,
          reserved,
          codes.filter((code) => !deniedCodes.includes(code)),
        );
        return { reserved, denied, deniedCodes };
      });
    },

    async releaseReservations(checkoutId, now) {
      const { rows } = await db.query(
        `UPDATE cartlift_redemptions SET status = 'released', updated_at = $2 WHERE checkout_id = $1 AND status = 'reserved' RETURNING promotion_id`,
        [checkoutId, now],
      );
      return rows.length + (await releaseCodes(db, checkoutId, now));
    },
  };
}
