import { migrate } from './migrations';
import type { SqlClient, SqlDatabase } from './sql';
import type { CheckoutRecord, OrderRecord, PromotionUsage, Store } from './types';

type Row = Record<string, unknown>;

const num = (value: unknown): number | null => (value == null ? null : Number(value));
const str = (value: unknown): string | null => (value == null ? null : String(value));
const json = (value: unknown): string | null => (value == null ? null : JSON.stringify(value));

function toCheckout(row: Row): CheckoutRecord {
  return {
    checkoutId: String(row.checkout_id),
    paymentIntentId: str(row.payment_intent_id),
    clientSecret: str(row.client_secret),
    pendingCreate: (row.pending_create as Record<string, unknown> | null) ?? null,
    status: String(row.status) as CheckoutRecord['status'],
    amount: num(row.amount),
    currency: str(row.currency),
    email: str(row.email),
    emailNormalized: str(row.email_normalized),
    stripeCustomerId: str(row.stripe_customer_id),
    lines: row.lines ?? null,
    quote: row.quote ?? null,
    promotionIds: (row.promotion_ids as string[] | null) ?? [],
  };
}

function toOrder(row: Row): OrderRecord {
  return {
    paymentIntentId: String(row.payment_intent_id),
    checkoutId: str(row.checkout_id),
    amount: Number(row.amount),
    currency: String(row.currency),
    email: str(row.email),
    emailNormalized: str(row.email_normalized),
    stripeCustomerId: str(row.stripe_customer_id),
    lines: row.lines,
    promotions: (row.promotions as string[]) ?? [],
    createdAt: Number(row.created_at),
  };
}

const CHECKOUT_COLUMNS: Record<string, string> = {
  paymentIntentId: 'payment_intent_id',
  clientSecret: 'client_secret',
  pendingCreate: 'pending_create',
  status: 'status',
  amount: 'amount',
  currency: 'currency',
  email: 'email',
  emailNormalized: 'email_normalized',
  stripeCustomerId: 'stripe_customer_id',
  lines: 'lines',
  quote: 'quote',
  promotionIds: 'promotion_ids',
};
const JSON_COLUMNS = new Set(['pending_create', 'lines', 'quote', 'promotion_ids']);

// A redemption counts while committed, or reserved and not yet expired.
const LIVE = `(status = 'committed' OR (status = 'reserved' AND expires_at > $2))`;

/** Locks one promotion's counter row so concurrent reservations queue behind it. */
async function lockPromotion(tx: SqlClient, id: string): Promise<void> {
  // An upsert that always updates takes the row lock in one round trip.
  await tx.query(
    'INSERT INTO cartlift_promotion_locks (promotion_id) VALUES ($1) ON CONFLICT (promotion_id) DO UPDATE SET promotion_id = excluded.promotion_id',
    [id],
  );
}

/** Inserts the event id; false when it already exists (a replay). */
async function claimEvent(tx: SqlClient, eventId: string, type: string, now: number): Promise<boolean> {
  const { rows } = await tx.query(
    'INSERT INTO cartlift_webhook_events (event_id, type, received_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING event_id',
    [eventId, type, now],
  );
  return rows.length === 1;
}

/**
 * The `Store` over SQL, shared by the PGlite and PostgreSQL adapters.
 *
 * @example
 * const store = createSqlStore(await openPGlite({ memory: true }))
 * await store.migrate()
 */
export function createSqlStore(db: SqlDatabase): Store {
  return {
    kind: db.kind,
    migrate: () => migrate(db),

    async hasPaidOrder({ emailNormalized, stripeCustomerId }) {
      if (!emailNormalized && !stripeCustomerId) return false;
      const { rows } = await db.query(
        'SELECT 1 FROM cartlift_orders WHERE email_normalized = $1 OR stripe_customer_id = $2 LIMIT 1',
        [emailNormalized ?? null, stripeCustomerId ?? null],
      );
      return rows.length > 0;
    },

    async stripeCustomerFor(emailNormalized) {
      const { rows } = await db.query('SELECT stripe_customer_id FROM cartlift_customers WHERE email_normalized = $1', [emailNormalized]);
      return str(rows[0]?.stripe_customer_id);
    },

    async customerLedger(emailNormalized) {
      const { rows } = await db.query(
        `SELECT c.stripe_customer_id,
                EXISTS (SELECT 1 FROM cartlift_orders o
                         WHERE o.email_normalized = x.email
                            OR (c.stripe_customer_id IS NOT NULL AND o.stripe_customer_id = c.stripe_customer_id)) AS paid
           FROM (SELECT $1::text AS email) x
           LEFT JOIN cartlift_customers c ON c.email_normalized = x.email`,
        [emailNormalized],
      );
      return { stripeCustomerId: str(rows[0]?.stripe_customer_id), paid: rows[0]?.paid === true };
    },

    async rememberStripeCustomer(emailNormalized, stripeCustomerId, now) {
      // The no-op update returns the row that won when two processes raced.
      const { rows } = await db.query(
        `INSERT INTO cartlift_customers (email_normalized, stripe_customer_id, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (email_normalized) DO UPDATE SET stripe_customer_id = cartlift_customers.stripe_customer_id
         RETURNING stripe_customer_id`,
        [emailNormalized, stripeCustomerId, now],
      );
      return str(rows[0]?.stripe_customer_id) ?? stripeCustomerId;
    },

    async promotionUsage(ids, customerKey, now, excludeCheckoutId) {
      const usage: Record<string, PromotionUsage> = {};
      for (const id of ids) usage[id] = { used: 0, usedByCustomer: 0 };
      if (ids.length === 0) return usage;
      const { rows } = await db.query(
        `SELECT promotion_id, count(*)::int AS used, count(*) FILTER (WHERE customer_key = $3)::int AS mine
           FROM cartlift_redemptions
          WHERE promotion_id = ANY($1) AND ${LIVE} AND checkout_id <> $4
          GROUP BY promotion_id`,
        [ids, now, customerKey, excludeCheckoutId ?? ''],
      );
      for (const row of rows) usage[String(row.promotion_id)] = { used: Number(row.used), usedByCustomer: Number(row.mine) };
      return usage;
    },

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
      await db.query('UPDATE cartlift_checkouts SET lease_token = NULL, lease_until = NULL WHERE checkout_id = $1 AND lease_token = $2', [
        checkoutId,
        token,
      ]);
    },

    async reservePromotions({ checkoutId, customerKey, promotions, now, expiresAt }) {
      // Unlimited promotions need no hold: the checkout row lists what was applied.
      const limited = promotions
        .filter((p) => p.limit != null || (p.perCustomerLimit != null && customerKey != null))
        // Locks are always taken in id order, so two checkouts never deadlock.
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const releaseOthers = (client: SqlClient, kept: string[]) =>
        client.query(
          `UPDATE cartlift_redemptions SET status = 'released', updated_at = $2
            WHERE checkout_id = $1 AND status = 'reserved' AND NOT (promotion_id = ANY($3))`,
          [checkoutId, now, kept],
        );
      if (limited.length === 0) {
        await releaseOthers(db, []);
        return { reserved: [], denied: [] };
      }
      return db.transaction(async (tx) => {
        const reserved: string[] = [];
        const denied: string[] = [];
        for (const promotion of limited) {
          await lockPromotion(tx, promotion.id);
          const { rows } = await tx.query(
            `SELECT count(*)::int AS used, count(*) FILTER (WHERE customer_key = $3)::int AS mine
               FROM cartlift_redemptions WHERE promotion_id = $1 AND ${LIVE} AND checkout_id <> $4`,
            [promotion.id, now, customerKey, checkoutId],
          );
          const used = Number(rows[0]?.used ?? 0);
          const mine = Number(rows[0]?.mine ?? 0);
          const overGlobal = promotion.limit != null && used >= promotion.limit;
          const overCustomer = promotion.perCustomerLimit != null && customerKey != null && mine >= promotion.perCustomerLimit;
          if (overGlobal || overCustomer) {
            denied.push(promotion.id);
            continue;
          }
          await tx.query(
            `INSERT INTO cartlift_redemptions (promotion_id, checkout_id, customer_key, status, expires_at, created_at, updated_at)
                  VALUES ($1, $2, $3, 'reserved', $4, $5, $5)
             ON CONFLICT (promotion_id, checkout_id) DO UPDATE
                     SET customer_key = excluded.customer_key, status = 'reserved', expires_at = excluded.expires_at, updated_at = excluded.updated_at
                   WHERE cartlift_redemptions.status <> 'committed'`,
            [promotion.id, checkoutId, customerKey, expiresAt, now],
          );
          reserved.push(promotion.id);
        }
        await releaseOthers(tx, reserved);
        return { reserved, denied };
      });
    },

    async releaseReservations(checkoutId, now) {
      const { rows } = await db.query(
        `UPDATE cartlift_redemptions SET status = 'released', updated_at = $2 WHERE checkout_id = $1 AND status = 'reserved' RETURNING promotion_id`,
        [checkoutId, now],
      );
      return rows.length;
    },

    recordPaymentSucceeded(facts) {
      return db.transaction(async (tx) => {
        if (!(await claimEvent(tx, facts.eventId, facts.eventType, facts.now))) return { duplicate: true, order: null };
        const { rows: checkouts } = await tx.query('SELECT * FROM cartlift_checkouts WHERE payment_intent_id = $1 FOR UPDATE', [
          facts.paymentIntentId,
        ]);
        const checkout = checkouts[0] ? toCheckout(checkouts[0]) : null;
        // An intent Cartlift did not create (another system on the same account) is not an order here.
        if (!checkout) return { duplicate: false, order: null };
        const promotions = checkout.promotionIds;
        const { rows } = await tx.query(
          `INSERT INTO cartlift_orders (payment_intent_id, checkout_id, amount, currency, email, email_normalized, stripe_customer_id, lines, promotions, created_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10)
           ON CONFLICT DO NOTHING RETURNING *`,
          [
            facts.paymentIntentId,
            checkout.checkoutId,
            facts.amount,
            facts.currency.toUpperCase(),
            checkout.email,
            checkout.emailNormalized,
            facts.stripeCustomerId ?? checkout.stripeCustomerId,
            json(checkout.lines ?? []),
            json(promotions),
            facts.now,
          ],
        );
        if (rows.length === 0) return { duplicate: true, order: null };
        // The shopper paid with these promotions, so they are committed even
        // when the reservation had expired or been released meanwhile.
        for (const id of promotions) {
          await tx.query(
            `INSERT INTO cartlift_redemptions (promotion_id, checkout_id, customer_key, status, expires_at, created_at, updated_at)
                  VALUES ($1, $2, $3, 'committed', NULL, $4, $4)
             ON CONFLICT (promotion_id, checkout_id) DO UPDATE SET status = 'committed', expires_at = NULL, updated_at = excluded.updated_at`,
            [id, checkout.checkoutId, checkout.emailNormalized, facts.now],
          );
        }
        await tx.query(`UPDATE cartlift_checkouts SET status = 'succeeded', updated_at = $2 WHERE checkout_id = $1`, [checkout.checkoutId, facts.now]);
        return { duplicate: false, order: toOrder(rows[0]!) };
      });
    },

    recordPaymentEnded(facts) {
      return db.transaction(async (tx) => {
        if (!(await claimEvent(tx, facts.eventId, facts.eventType, facts.now))) return { duplicate: true };
        const { rows } = await tx.query(`SELECT checkout_id, status FROM cartlift_checkouts WHERE payment_intent_id = $1`, [facts.paymentIntentId]);
        const row = rows[0];
        if (!row || row.status === 'succeeded') return { duplicate: false };
        await tx.query(
          `UPDATE cartlift_redemptions SET status = 'released', updated_at = $2 WHERE checkout_id = $1 AND status = 'reserved'`,
          [row.checkout_id, facts.now],
        );
        if (facts.canceled) {
          await tx.query(`UPDATE cartlift_checkouts SET status = 'canceled', updated_at = $2 WHERE checkout_id = $1`, [row.checkout_id, facts.now]);
        }
        return { duplicate: false };
      });
    },

    recordEventOnce(eventId, eventType, now) {
      return claimEvent(db, eventId, eventType, now);
    },

    async listOrders() {
      const { rows } = await db.query('SELECT * FROM cartlift_orders ORDER BY created_at, payment_intent_id');
      return rows.map(toOrder);
    },

    close: () => db.close(),
  };
}
