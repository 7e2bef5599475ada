import type { PromotionsConfig } from '@cartlift/discounts';
import type { SqlDatabase } from './sql.js';
import { type Row, json, str } from './sql-rows.js';
import type { PromotionDraft, PromotionVersion, Store } from './types.js';

const COLUMNS = 'version, config, published_at, published_by, note';

// jsonb columns arrive parsed from both drivers, as the other parts of the store read them.
function versionOf(row: Row): PromotionVersion {
  return { ...versionSummaryOf(row), config: row.config as PromotionsConfig };
}

function versionSummaryOf(row: Row): Omit<PromotionVersion, 'config'> {
  return { version: Number(row.version), publishedAt: Number(row.published_at), publishedBy: str(row.published_by), note: str(row.note) };
}

function draftOf(row: Row): PromotionDraft {
  return { config: row.config as PromotionsConfig, rev: Number(row.rev), updatedAt: Number(row.updated_at), updatedBy: str(row.updated_by) };
}

/** A unique violation: another process took this version number first. */
const isTaken = (error: unknown) => (error as { code?: string }).code === '23505';

/**
 * Published promotion versions: numbered, kept for good, never changed.
 * Version numbers are taken in order under the primary key; a publish that
 * loses a race to another process takes the next number.
 */
export function promotionVersionMethods(
  db: SqlDatabase,
): Pick<
  Store,
  'publishPromotions' | 'importPromotions' | 'latestPromotionVersion' | 'promotionVersion' | 'listPromotionVersions' | 'promotionDraft' | 'savePromotionDraft'
> {
  const insert = (version: number | null, config: PromotionsConfig, now: number, by: string | null, note: string | null) =>
    db.query<Row>(
      `INSERT INTO cartlift_promotion_versions (${COLUMNS})
       SELECT coalesce($1::integer, coalesce(max(version), 0) + 1), $2::jsonb, $3, $4, $5 FROM cartlift_promotion_versions
       RETURNING ${COLUMNS}`,
      [version, json(config), now, by, note],
    );
  const readDraft = async () => {
    const { rows } = await db.query<Row>('SELECT config, rev, updated_at, updated_by FROM cartlift_promotion_draft WHERE id = 1');
    return rows[0] ? draftOf(rows[0]) : null;
  };
  return {
    async publishPromotions({ config, now, by = null, note = null }) {
      for (let attempt = 0; ; attempt++) {
        try {
          return versionOf((await insert(null, config, now, by, note)).rows[0]!);
        } catch (error) {
          if (!isTaken(error) || attempt >= 10) throw error;
        }
      }
    },
    async importPromotions({ config, now }) {
      // Version 1 only: once anything is published, the file is history.
      await db.query(
        `INSERT INTO cartlift_promotion_versions (${COLUMNS}) VALUES (1, $1::jsonb, $2, NULL, 'imported from the configuration') ON CONFLICT (version) DO NOTHING`,
        [json(config), now],
      );
      const latest = await db.query<Row>(`SELECT ${COLUMNS} FROM cartlift_promotion_versions ORDER BY version DESC LIMIT 1`);
      return versionOf(latest.rows[0]!);
    },
    async latestPromotionVersion({ newerThan } = {}) {
      const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM cartlift_promotion_versions WHERE version > $1 ORDER BY version DESC LIMIT 1`, [
        newerThan ?? 0,
      ]);
      return rows[0] ? versionOf(rows[0]) : null;
    },
    async promotionVersion(version) {
      const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM cartlift_promotion_versions WHERE version = $1`, [version]);
      return rows[0] ? versionOf(rows[0]) : null;
    },
    promotionDraft: readDraft,
    async savePromotionDraft({ config, rev, now, by = null }) {
      // Saved only over the revision the editor started from (0: there was no draft).
      const { rows } = await db.query<Row>(
        `INSERT INTO cartlift_promotion_draft AS d (id, config, rev, updated_at, updated_by) VALUES (1, $1::jsonb, 1, $3, $4)
         ON CONFLICT (id) DO UPDATE SET config = EXCLUDED.config, rev = d.rev + 1, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
           WHERE d.rev = $2
         RETURNING config, rev, updated_at, updated_by`,
        [json(config), rev, now, by],
      );
      if (rows[0]) return { saved: true, draft: draftOf(rows[0]) };
      return { saved: false, draft: await readDraft() };
    },
    async listPromotionVersions({ limit = 100 } = {}) {
      const { rows } = await db.query<Row>(`SELECT version, published_at, published_by, note FROM cartlift_promotion_versions ORDER BY version DESC LIMIT $1`, [
        limit,
      ]);
      return rows.map(versionSummaryOf);
    },
  };
}
