import type { SqlClient, SqlDatabase } from './sql.js';
import type { AnalyticsEventRecord, Store } from './types.js';

/** How far ahead of the server a browser's clock may run and its events still be found through the time index. */
const CLOCK_AHEAD_MS = 86_400_000;

/**
 * The ids of up to 2 × $2 events received before $1 (the server's clock; an
 * event's own time is whatever the browser said), found without an index on
 * received_at, which every insert would pay for: events whose browser clock
 * was at most a day ahead have time < $1 + a day and are found through the
 * funnel's time index; the rest through the small partial index of migration
 * 11, whose predicate is repeated here word for word so the planner can use it.
 * Which old events go first doesn't matter, so no ORDER BY.
 *
 * @example
 * await db.query(`DELETE FROM cartlift_analytics_events WHERE event_id IN (${OLD_EVENT_IDS})`, [cutoff, 1000])
 */
export const OLD_EVENT_IDS = `
  (SELECT event_id FROM cartlift_analytics_events WHERE time < $1::bigint + ${CLOCK_AHEAD_MS} AND received_at < $1::bigint LIMIT $2)
  UNION ALL
  (SELECT event_id FROM cartlift_analytics_events WHERE time > received_at + ${CLOCK_AHEAD_MS} AND received_at < $1::bigint LIMIT $2)`;

// The funnel's shopper: the anonymous id (the unit experiments randomise), or the cart without one. An event
// without an id (the server's purchase for an order that knows only its cart) takes the id the browser's
// events of that cart carry, so a webhook that beats the browser doesn't split one shopper in two.
// Both funnel queries read events e of [$1, $2) LEFT JOINed to `known` on the cart.
const KNOWN_CARTS = `known AS (
           SELECT cart_id, min(anonymous_id) AS anonymous_id
             FROM cartlift_analytics_events
            WHERE time >= $1 AND time < $2 AND anonymous_id IS NOT NULL AND cart_id IS NOT NULL
            GROUP BY cart_id
         )`;
const SHOPPER = `coalesce(e.anonymous_id, known.anonymous_id, 'cart:' || e.cart_id)`;
// Conversions come from the ledger: a purchase counts only for a paid order.
const PAID_PURCHASES_ONLY = `(name <> 'purchase' OR EXISTS (SELECT 1 FROM cartlift_orders o WHERE o.payment_intent_id = e.transaction_id))`;

/** One row for jsonb_to_recordset: the columns, then the payload as JSON, taken as made when the record has it. */
/**
 * The funnel's shoppers in a range split by whether any of their events is `eventName` (a review
 * filter, an AR launch): per side and furthest step, how many shoppers. The comparisons of the
 * reviews filters and of AR read it, each naming its side.
 */
async function shopperSplit(
  db: SqlClient,
  { from, to, steps }: { from: number; to: number; steps: readonly string[] },
  eventName: string,
): Promise<{ marked: boolean; furthest: number; shoppers: number }[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `WITH ${KNOWN_CARTS}, ev AS (
       SELECT ${SHOPPER} AS shopper,
              coalesce(array_position($3::text[], name), 0) AS step,
              name = $4 AS marked
         FROM cartlift_analytics_events e LEFT JOIN known ON known.cart_id = e.cart_id
        WHERE e.time >= $1 AND e.time < $2
          AND ${PAID_PURCHASES_ONLY}
     ), per AS (
       SELECT shopper, max(step) AS furthest, bool_or(marked) AS marked FROM ev GROUP BY shopper
     )
     SELECT marked, furthest, count(*) AS shoppers FROM per GROUP BY marked, furthest`,
    [from, to, steps, eventName],
  );
  return rows.map((row) => ({ marked: row.marked === true, furthest: Number(row.furthest), shoppers: Number(row.shoppers) }));
}

function rowJson(e: AnalyticsEventRecord): string {
  const columns = JSON.stringify({
    event_id: e.eventId,
    name: e.name,
    time: e.time,
    cart_id: e.cartId,
    anonymous_id: e.anonymousId,
    currency: e.currency,
    value: e.value,
    transaction_id: e.transactionId,
    experiments: e.experiments,
  });
  return `${columns.slice(0, -1)},"payload":${e.payloadJson ?? JSON.stringify(e.payload)}}`;
}

/**
 * Stores the events not seen before and returns the ids newly stored. An
 * event is seen when its event_id is, or, for a purchase, its transaction_id:
 * the browser and the webhook both report each paid order, and whichever
 * arrives first is kept. One statement per batch; the unique keys make
 * concurrent resends store each event once.
 *
 * @example
 * await insertAnalyticsEvents(tx, [serverPurchase], now) // ['0b6e…'] the first time, [] afterwards
 */
export async function insertAnalyticsEvents(client: SqlClient, events: readonly AnalyticsEventRecord[], now: number): Promise<string[]> {
  if (!events.length) return [];
  // No conflict target: a clash on event_id or on the purchase's transaction_id both skip the row.
  const { rows } = await client.query<{ event_id: string }>(
    `INSERT INTO cartlift_analytics_events (event_id, name, time, received_at, cart_id, anonymous_id, currency, value, transaction_id, experiments, payload)
     SELECT x.event_id, x.name, x.time, $2, x.cart_id, x.anonymous_id, x.currency, x.value, x.transaction_id, x.experiments, x.payload
       FROM jsonb_to_recordset($1::jsonb) AS x(event_id text, name text, time bigint, cart_id text, anonymous_id text, currency text,
                                              value bigint, transaction_id text, experiments jsonb, payload jsonb)
     ON CONFLICT DO NOTHING
     RETURNING event_id`,
    [`[${events.map(rowJson).join(',')}]`, now],
  );
  return rows.map((row) => String(row.event_id));
}

/**
 * Analytics events: stored once per event_id (and once per purchase
 * transaction), and counted per shopper's furthest funnel step for the
 * funnel report.
 */
export function analyticsMethods(
  db: SqlDatabase,
): Pick<Store, 'recordAnalyticsEvents' | 'funnelRows' | 'reviewFilterRows' | 'arUseRows' | 'arLaunchCounts' | 'countAnalyticsEvents' | 'pruneAnalyticsEvents'> {
  return {
    recordAnalyticsEvents: (events, now) => insertAnalyticsEvents(db, events, now),

    async funnelRows({ from, to, steps, byDay, experiment }) {
      const { rows } = await db.query<Record<string, unknown>>(
        `WITH ${KNOWN_CARTS}, ev AS (
           SELECT ${SHOPPER} AS shopper,
                  coalesce(array_position($3::text[], name), 0) AS step,
                  CASE WHEN $4::boolean THEN time / 86400000 END AS day,
                  CASE WHEN $5::text IS NOT NULL THEN
                    coalesce(experiments ->> $5::text,
                             CASE WHEN name = 'experiment_exposure' AND payload ->> 'experiment' = $5::text THEN payload ->> 'variant' END)
                  END AS variant
             FROM cartlift_analytics_events e LEFT JOIN known ON known.cart_id = e.cart_id
            WHERE e.time >= $1 AND e.time < $2
              AND ${PAID_PURCHASES_ONLY}
         ), per AS (
           SELECT day, shopper, max(step) AS furthest, min(variant) AS variant FROM ev GROUP BY day, shopper
         )
         SELECT day, variant, furthest, count(*) AS shoppers
           FROM per
          WHERE $5::text IS NULL OR variant IS NOT NULL
          GROUP BY day, variant, furthest`,
        [from, to, steps, byDay, experiment ?? null],
      );
      return rows.map((row) => ({
        day: row.day == null ? null : Number(row.day),
        variant: row.variant == null ? null : String(row.variant),
        furthest: Number(row.furthest),
        shoppers: Number(row.shoppers),
      }));
    },

    async reviewFilterRows(range) {
      const rows = await shopperSplit(db, range, 'review_filter_applied');
      return rows.map(({ marked, furthest, shoppers }) => ({ filtered: marked, furthest, shoppers }));
    },

    async arUseRows(range) {
      const rows = await shopperSplit(db, range, 'ar_launched');
      return rows.map(({ marked, furthest, shoppers }) => ({ launchedAr: marked, furthest, shoppers }));
    },

    async arLaunchCounts({ from, to }) {
      const { rows } = await db.query<Record<string, unknown>>(
        `WITH ${KNOWN_CARTS}
         SELECT e.payload ->> 'mode' AS mode, count(*) AS launches, count(DISTINCT ${SHOPPER}) AS shoppers
           FROM cartlift_analytics_events e LEFT JOIN known ON known.cart_id = e.cart_id
          WHERE e.name = 'ar_launched' AND e.time >= $1 AND e.time < $2
          GROUP BY 1 ORDER BY 1`,
        [from, to],
      );
      return rows.map((row) => ({ mode: String(row.mode), launches: Number(row.launches), shoppers: Number(row.shoppers) }));
    },

    async countAnalyticsEvents() {
      const { rows } = await db.query<{ n: unknown }>('SELECT count(*) AS n FROM cartlift_analytics_events');
      return Number(rows[0]?.n ?? 0);
    },

    async pruneAnalyticsEvents(before, limit) {
      const { rows } = await db.query<{ n: unknown }>(
        `WITH gone AS (DELETE FROM cartlift_analytics_events WHERE event_id IN (${OLD_EVENT_IDS}) RETURNING 1)
         SELECT count(*) AS n FROM gone`,
        [before, limit],
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}
