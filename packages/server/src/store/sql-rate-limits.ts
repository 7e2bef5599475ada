import type { SqlDatabase } from './sql.js';
import type { Store } from './types.js';

/**
 * Rate-limit windows in SQL, so every process on one database counts
 * against the same limit. Keys travel as a JSON array (one parameter shape
 * that PGlite and pg both take).
 */
export function rateLimitMethods(db: SqlDatabase): Pick<Store, 'rateWindows' | 'hitRate' | 'unhitRate' | 'sweepRateWindows'> {
  return {
    async rateWindows(keys, since) {
      if (!keys.length) return [];
      const { rows } = await db.query<{ key: string; window_start: string | number; count: string | number }>(
        `SELECT key, window_start, count FROM cartlift_rate_limits
          WHERE key IN (SELECT jsonb_array_elements_text($1::jsonb)) AND window_start > $2
          ORDER BY key`,
        [JSON.stringify(keys), since],
      );
      return rows.map((row) => ({ key: row.key, start: Number(row.window_start), count: Number(row.count) }));
    },
    async hitRate(keys, now, windowMs, weight) {
      // Sorted and unique: one statement may touch a row once, and a fixed order keeps concurrent upserts from deadlocking.
      const unique = [...new Set(keys)].sort();
      if (!unique.length) return [];
      // SET expressions read the row as it was, so both CASEs see the old window;
      // RETURNING gives each key's count after this very hit, so callers decide on it atomically.
      const { rows } = await db.query<{ key: string; window_start: string | number; count: string | number }>(
        `INSERT INTO cartlift_rate_limits (key, window_start, count)
         SELECT k, $2, $4 FROM jsonb_array_elements_text($1::jsonb) AS k
         ON CONFLICT (key) DO UPDATE SET
           count = CASE WHEN cartlift_rate_limits.window_start <= $3 THEN EXCLUDED.count ELSE cartlift_rate_limits.count + EXCLUDED.count END,
           window_start = CASE WHEN cartlift_rate_limits.window_start <= $3 THEN EXCLUDED.window_start ELSE cartlift_rate_limits.window_start END
         RETURNING key, window_start, count`,
        [JSON.stringify(unique), now, now - windowMs, weight],
      );
      return rows.map((row) => ({ key: row.key, start: Number(row.window_start), count: Number(row.count) })).sort((a, b) => (a.key < b.key ? -1 : 1));
    },
    async unhitRate(windows, weight) {
      const sorted = [...windows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      if (!sorted.length || weight <= 0) return;
      // Only the window that was hit: once a new one has started, there is nothing to give back.
      await db.query(
        `UPDATE cartlift_rate_limits AS r SET count = GREATEST(r.count - $2, 0)
           FROM jsonb_to_recordset($1::jsonb) AS w(key text, start bigint)
          WHERE r.key = w.key AND r.window_start = w.start`,
        [JSON.stringify(sorted.map(({ key, start }) => ({ key, start }))), weight],
      );
    },
    async sweepRateWindows(before) {
      const { rows } = await db.query<{ n: string | number }>(
        `WITH gone AS (DELETE FROM cartlift_rate_limits WHERE window_start <= $1 RETURNING 1) SELECT count(*) AS n FROM gone`,
        [before],
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}
