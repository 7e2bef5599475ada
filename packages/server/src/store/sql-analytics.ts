import type { SqlDatabase } from './sql';
import type { Store } from './types';

/**
 * Analytics events: stored once per event_id, and counted per shopper's
 * furthest funnel step for the funnel report.
 */
export function analyticsMethods(db: SqlDatabase): Pick<Store, 'recordAnalyticsEvents' | 'funnelRows' | 'countAnalyticsEvents'> {
  return {
    async recordAnalyticsEvents(events, now) {
      if (!events.length) return [];
      // One statement per batch; the unique key makes concurrent resends of one event store it once.
      const { rows } = await db.query<{ event_id: string }>(
        `INSERT INTO cartlift_analytics_events (event_id, name, time, received_at, cart_id, anonymous_id, currency, value, transaction_id, experiments, payload)
         SELECT x.event_id, x.name, x.time, $2, x.cart_id, x.anonymous_id, x.currency, x.value, x.transaction_id, x.experiments, x.payload
           FROM jsonb_to_recordset($1::jsonb) AS x(event_id text, name text, time bigint, cart_id text, anonymous_id text, currency text,
                                                  value bigint, transaction_id text, experiments jsonb, payload jsonb)
         ON CONFLICT (event_id) DO NOTHING
         RETURNING event_id`,
        [
          JSON.stringify(
            events.map((e) => ({
              event_id: e.eventId,
              name: e.name,
              time: e.time,
              cart_id: e.cartId,
              anonymous_id: e.anonymousId,
              currency: e.currency,
              value: e.value,
              transaction_id: e.transactionId,
              experiments: e.experiments,
              payload: e.payload,
            })),
          ),
          now,
        ],
      );
      return rows.map((row) => String(row.event_id));
    },

    async funnelRows({ from, to, steps, byDay, experiment }) {
      // A shopper is the anonymous id (the unit experiments randomise), or the cart without one.
      const { rows } = await db.query<Record<string, unknown>>(
        `WITH ev AS (
           SELECT coalesce(anonymous_id, 'cart:' || cart_id) AS shopper,
                  coalesce(array_position($3::text[], name), 0) AS step,
                  CASE WHEN $4::boolean THEN time / 86400000 END AS day,
                  CASE WHEN $5::text IS NOT NULL THEN
                    coalesce(experiments ->> $5::text,
                             CASE WHEN name = 'experiment_exposure' AND payload ->> 'experiment' = $5::text THEN payload ->> 'variant' END)
                  END AS variant
             FROM cartlift_analytics_events
            WHERE time >= $1 AND time < $2
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

    async countAnalyticsEvents() {
      const { rows } = await db.query<{ n: unknown }>('SELECT count(*) AS n FROM cartlift_analytics_events');
      return Number(rows[0]?.n ?? 0);
    },
  };
}
