import type { SqlClient, SqlDatabase } from './sql.js';
import { insertAnalyticsEvents } from './sql-analytics.js';
import { insertReviewInvitations } from './sql-review-submissions.js';
import { redeemCodes, releaseCodes } from './sql-codes.js';
import { json, str, toCheckout, toFlag, toOrder } from './sql-rows.js';
import type { CheckoutRecord, PaymentFacts, PaymentFlag, Store } from './types.js';

/** Inserts the event id; false when it already exists (a replay). */
async function claimEvent(tx: SqlClient, eventId: string, type: string, now: number): Promise<boolean> {
  const { rows } = await tx.query(
    'INSERT INTO cartlift_webhook_events (event_id, type, received_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING event_id',
    [eventId, type, now],
  );
  return rows.length === 1;
}

/** The discount each promotion gave in a checkout's saved quote, by promotion id (minor units). */
function appliedDiscounts(quote: unknown): Map<string, number> {
  const applied = (quote as { applied?: unknown } | null)?.applied;
  const discounts = new Map<string, number>();
  if (!Array.isArray(applied)) return discounts;
  for (const entry of applied as Array<{ promotionId?: unknown; amount?: unknown }>) {
    if (typeof entry.promotionId === 'string' && Number.isSafeInteger(entry.amount)) discounts.set(entry.promotionId, entry.amount as number);
  }
  return discounts;
}

/** Why a succeeded payment is not what the server priced, or null when it is. */
function mismatch(checkout: CheckoutRecord, facts: PaymentFacts): string | null {
  if (checkout.amount === null || checkout.currency === null) return 'the checkout was never priced for an intent';
  if (checkout.amount !== facts.amount || checkout.currency.toUpperCase() !== facts.currency.toUpperCase()) {
    return `amount_mismatch: priced ${checkout.amount} ${checkout.currency.toUpperCase()}, paid ${facts.amount} ${facts.currency.toUpperCase()}`;
  }
  return null;
}

/** Records a payment that differs from the server's price: no order, no redemption, holds released. */
async function flagPayment(tx: SqlClient, checkout: CheckoutRecord, facts: PaymentFacts, reason: string): Promise<PaymentFlag> {
  const { rows } = await tx.query(
    `INSERT INTO cartlift_payment_flags (payment_intent_id, checkout_id, expected_amount, expected_currency, received_amount, received_currency, reason, created_at)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (payment_intent_id) DO UPDATE SET reason = cartlift_payment_flags.reason RETURNING *`,
    [facts.paymentIntentId, checkout.checkoutId, checkout.amount, checkout.currency, facts.amount, facts.currency.toUpperCase(), reason, facts.now],
  );
  await tx.query(`UPDATE cartlift_redemptions SET status = 'released', updated_at = $2 WHERE checkout_id = $1 AND status = 'reserved'`, [
    checkout.checkoutId,
    facts.now,
  ]);
  await releaseCodes(tx, checkout.checkoutId, facts.now);
  const outcome = {
    status: 'flagged',
    code: 'payment_flagged',
    message: `The payment of ${facts.amount} ${facts.currency.toUpperCase()} does not match the order's price; the shop will review it.`,
  };
  await tx.query(`UPDATE cartlift_checkouts SET status = 'flagged', outcome = $3::jsonb, updated_at = $2 WHERE checkout_id = $1`, [
    checkout.checkoutId,
    facts.now,
    json(outcome),
  ]);
  return toFlag(rows[0]!);
}

/** Orders, webhook events and customers: the ledger that decides first purchases. */
export function ledgerMethods(
  db: SqlDatabase,
): Pick<
  Store,
  | 'hasPaidOrder'
  | 'stripeCustomerFor'
  | 'customerLedger'
  | 'rememberStripeCustomer'
  | 'recordPaymentSucceeded'
  | 'recordPaymentEnded'
  | 'recordEventOnce'
  | 'getOrder'
  | 'listOrders'
  | 'listPaymentFlags'
  | 'recentOrders'
  | 'recentPaymentFlags'
> {
  return {
    async hasPaidOrder({ emailNormalized, stripeCustomerId }) {
      if (!emailNormalized && !stripeCustomerId) return false;
      const { rows } = await db.query('SELECT 1 FROM cartlift_orders WHERE email_normalized = $1 OR stripe_customer_id = $2 LIMIT 1', [
        emailNormalized ?? null,
        stripeCustomerId ?? null,
      ]);
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

    recordPaymentSucceeded(facts, options = {}) {
      return db.transaction(async (tx) => {
        if (!(await claimEvent(tx, facts.eventId, facts.eventType, facts.now))) return { duplicate: true, order: null };
        const { rows: checkouts } = await tx.query('SELECT * FROM cartlift_checkouts WHERE payment_intent_id = $1 FOR UPDATE', [facts.paymentIntentId]);
        const checkout = checkouts[0] ? toCheckout(checkouts[0]) : null;
        // An intent Cartlift did not create (another system on the same account) is not an order here.
        if (!checkout) return { duplicate: false, order: null };
        if (checkout.status === 'succeeded') return { duplicate: true, order: null };
        const wrong = mismatch(checkout, facts);
        if (wrong) return { duplicate: false, order: null, flag: await flagPayment(tx, checkout, facts, wrong) };
        const promotions = checkout.promotionIds;
        const { rows } = await tx.query(
          `INSERT INTO cartlift_orders (payment_intent_id, checkout_id, amount, currency, email, email_normalized, stripe_customer_id, lines, promotions, created_at, cart_id, anonymous_id)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11, $12)
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
            checkout.cartId,
            checkout.anonymousId,
          ],
        );
        if (rows.length === 0) return { duplicate: true, order: null };
        const order = toOrder(rows[0]!);
        // In the order's transaction: a paid order is never left without its purchase event.
        if (options.purchaseEvent) await insertAnalyticsEvents(tx, [await options.purchaseEvent(order)], facts.now);
        // And never without its review links: the mailer hook may fail, the links are kept for the console.
        if (options.reviewInvitations) await insertReviewInvitations(tx, order, await options.reviewInvitations(order));
        // The shopper paid with these promotions. Their holds are still in place:
        // a hold is released only once its intent is canceled (checkout/settle.ts).
        // Each records the discount it gave (a hold already has the amount its budget was checked with).
        const discounts = appliedDiscounts(checkout.quote);
        for (const id of promotions) {
          await tx.query(
            `INSERT INTO cartlift_redemptions (promotion_id, checkout_id, customer_key, status, expires_at, created_at, updated_at, discount_amount)
                  VALUES ($1, $2, $3, 'committed', NULL, $4, $4, $5)
             ON CONFLICT (promotion_id, checkout_id) DO UPDATE SET status = 'committed', expires_at = NULL, updated_at = excluded.updated_at`,
            [id, checkout.checkoutId, checkout.emailNormalized, facts.now, discounts.get(id) ?? 0],
          );
        }
        // Its other holds (the first-purchase hold) are spent by this payment too.
        await tx.query(
          `UPDATE cartlift_redemptions SET status = 'committed', expires_at = NULL, updated_at = $2 WHERE checkout_id = $1 AND status = 'reserved'`,
          [checkout.checkoutId, facts.now],
        );
        // Its single-use codes are spent by this order.
        await redeemCodes(tx, checkout.checkoutId, facts.paymentIntentId, facts.now);
        await tx.query(`UPDATE cartlift_checkouts SET status = 'succeeded', updated_at = $2 WHERE checkout_id = $1`, [checkout.checkoutId, facts.now]);
        return { duplicate: false, order };
      });
    },

    recordPaymentEnded(facts) {
      return db.transaction(async (tx) => {
        if (!(await claimEvent(tx, facts.eventId, facts.eventType, facts.now))) return { duplicate: true, checkoutId: null };
        const { rows } = await tx.query(`SELECT checkout_id, status FROM cartlift_checkouts WHERE payment_intent_id = $1`, [facts.paymentIntentId]);
        const row = rows[0];
        if (!row || row.status === 'succeeded' || row.status === 'flagged') return { duplicate: false, checkoutId: null };
        // A failed intent can still be paid with another method: its holds stay
        // until it is canceled (the webhook route cancels it; its canceled event lands here).
        if (!facts.canceled) return { duplicate: false, checkoutId: String(row.checkout_id) };
        await tx.query(`UPDATE cartlift_redemptions SET status = 'released', updated_at = $2 WHERE checkout_id = $1 AND status = 'reserved'`, [
          row.checkout_id,
          facts.now,
        ]);
        await releaseCodes(tx, String(row.checkout_id), facts.now);
        // An attempt settled here keeps the reason it ended with, for the shopper who asks again.
        const outcome = facts.outcome ?? { status: 'canceled', code: 'payment_canceled', message: 'The payment was canceled.' };
        await tx.query(
          `UPDATE cartlift_checkouts SET status = CASE WHEN status = 'open' THEN $3 ELSE status END,
                  outcome = CASE WHEN status = 'open' THEN $4::jsonb ELSE outcome END, updated_at = $2
            WHERE checkout_id = $1`,
          [row.checkout_id, facts.now, outcome.status, json(outcome)],
        );
        return { duplicate: false, checkoutId: String(row.checkout_id) };
      });
    },

    recordEventOnce(eventId, eventType, now) {
      return claimEvent(db, eventId, eventType, now);
    },

    async listPaymentFlags() {
      const { rows } = await db.query('SELECT * FROM cartlift_payment_flags ORDER BY created_at, payment_intent_id');
      return rows.map(toFlag);
    },

    async getOrder(paymentIntentId) {
      const { rows } = await db.query('SELECT * FROM cartlift_orders WHERE payment_intent_id = $1', [paymentIntentId]);
      return rows[0] ? toOrder(rows[0]) : null;
    },

    async listOrders() {
      const { rows } = await db.query('SELECT * FROM cartlift_orders ORDER BY created_at, payment_intent_id');
      return rows.map(toOrder);
    },

    async recentOrders({ limit }) {
      const { rows } = await db.query('SELECT * FROM cartlift_orders ORDER BY created_at DESC, payment_intent_id DESC LIMIT $1', [limit]);
      return rows.map(toOrder);
    },

    async recentPaymentFlags({ limit }) {
      const { rows } = await db.query('SELECT * FROM cartlift_payment_flags ORDER BY created_at DESC, payment_intent_id DESC LIMIT $1', [limit]);
      return rows.map(toFlag);
    },
  };
}
