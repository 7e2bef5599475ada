import type { SqlClient, SqlDatabase } from './sql.js';
import { type Row, str } from './sql-rows.js';
import type { CodeBatch, CodeStatus, SingleUseCode, Store } from './types.js';

function toBatch(row: Row): CodeBatch {
  return {
    id: String(row.id),
    promotionId: String(row.promotion_id),
    count: Number(row.count),
    generated: Number(row.generated),
    prefix: String(row.prefix),
    length: Number(row.length),
    status: String(row.status) as CodeBatch['status'],
    error: str(row.error),
    createdAt: Number(row.created_at),
    createdBy: str(row.created_by),
  };
}

function toCode(row: Row): SingleUseCode {
  return {
    code: String(row.code),
    promotionId: String(row.promotion_id),
    batchId: String(row.batch_id),
    status: String(row.status) as CodeStatus,
    checkoutId: str(row.checkout_id),
    order: str(row.payment_intent_id),
    updatedAt: Number(row.updated_at),
  };
}

/**
 * Holds single-use codes for a checkout inside the caller's transaction; the
 * codes it could not take (held by another checkout, or redeemed) are returned.
 * Each UPDATE is conditional on the row as it is when its lock is granted, so
 * of two checkouts racing for one code exactly one takes it; codes go in
 * sorted order so two checkouts with the same codes never deadlock.
 *
 * @example
 * await holdCodes(tx, 'co_1', ['MAIL-ACDE3479QT'], now, now + 15 * 60_000) // [] when taken, ['MAIL-…'] when another checkout has it
 */
export async function holdCodes(tx: SqlClient, checkoutId: string, codes: readonly string[], now: number, expiresAt: number): Promise<string[]> {
  const denied: string[] = [];
  for (const code of [...new Set(codes)].sort()) {
    const { rows } = await tx.query(
      `UPDATE cartlift_codes SET status = 'held', checkout_id = $2, expires_at = $3, updated_at = $4
        WHERE code = $1 AND (status = 'unused' OR (status = 'held' AND checkout_id = $2)) RETURNING code`,
      [code, checkoutId, expiresAt, now],
    );
    if (rows.length === 0) denied.push(code);
  }
  return denied;
}

/**
 * Gives a checkout's held codes, but `kept`, back to unused; returns how many.
 *
 * @example
 * await releaseCodes(tx, 'co_1', now) // 1: its one code is unused again
 */
export async function releaseCodes(client: SqlClient, checkoutId: string, now: number, kept: readonly string[] = []): Promise<number> {
  const { rows } = await client.query(
    `UPDATE cartlift_codes SET status = 'unused', checkout_id = NULL, expires_at = NULL, updated_at = $2
      WHERE checkout_id = $1 AND status = 'held' AND NOT (code = ANY($3)) RETURNING code`,
    [checkoutId, now, kept],
  );
  return rows.length;
}

/**
 * Spends a paid checkout's held codes: redeemed by the order (its payment intent).
 *
 * @example
 * await redeemCodes(tx, 'co_1', 'pi_123', now)
 */
export async function redeemCodes(tx: SqlClient, checkoutId: string, paymentIntentId: string, now: number): Promise<void> {
  await tx.query(
    `UPDATE cartlift_codes SET status = 'redeemed', payment_intent_id = $2, expires_at = NULL, updated_at = $3
      WHERE checkout_id = $1 AND status = 'held'`,
    [checkoutId, paymentIntentId, now],
  );
}

/**
 * Batches of single-use codes and the codes themselves.
 *
 * @example
 * const store = { ...codeMethods(db) }; await store.codeBatches('mailing-3-off')
 */
export function codeMethods(
  db: SqlDatabase,
): Pick<Store, 'createCodeBatch' | 'addCodes' | 'finishCodeBatch' | 'failStalledCodeBatches' | 'codeBatch' | 'codeBatches' | 'listCodes' | 'findCodes'> {
  return {
    async createCodeBatch({ promotionId, count, prefix, length, createdBy, now }) {
      const { rows } = await db.query(
        `INSERT INTO cartlift_code_batches (id, promotion_id, count, generated, prefix, length, status, error, created_at, created_by, updated_at)
              VALUES ($1, $2, $3, 0, $4, $5, 'generating', NULL, $6, $7, $6) RETURNING *`,
        [crypto.randomUUID(), promotionId, count, prefix, length, now, createdBy],
      );
      return toBatch(rows[0]!);
    },

    async addCodes({ batchId, promotionId, codes, now }) {
      // One statement: the slice and the batch's progress (its heartbeat too) land together.
      const { rows } = await db.query(
        `WITH added AS (
           INSERT INTO cartlift_codes (code, promotion_id, batch_id, status, updated_at)
           SELECT unnest($1::text[]), $2, $3, 'unused', $4
           ON CONFLICT (code) DO NOTHING RETURNING 1)
         UPDATE cartlift_code_batches SET generated = generated + (SELECT count(*) FROM added), updated_at = $4
          WHERE id = $3 RETURNING generated`,
        [codes, promotionId, batchId, now],
      );
      return Number(rows[0]?.generated ?? 0);
    },

    async finishCodeBatch({ batchId, status, error = null, now }) {
      await db.query(`UPDATE cartlift_code_batches SET status = $2, error = $3, updated_at = $4 WHERE id = $1 AND status = 'generating'`, [
        batchId,
        status,
        error,
        now,
      ]);
    },

    async failStalledCodeBatches({ stalledBefore, error, now }) {
      const { rows } = await db.query(
        `UPDATE cartlift_code_batches SET status = 'failed', error = $2, updated_at = $3
          WHERE status = 'generating' AND updated_at < $1 RETURNING id`,
        [stalledBefore, error, now],
      );
      return rows.length;
    },

    async codeBatch(id) {
      const { rows } = await db.query('SELECT * FROM cartlift_code_batches WHERE id = $1', [id]);
      return rows[0] ? toBatch(rows[0]) : null;
    },

    async codeBatches(promotionId) {
      const { rows } = await db.query('SELECT * FROM cartlift_code_batches WHERE promotion_id = $1 ORDER BY created_at DESC, id DESC', [promotionId]);
      return rows.map(toBatch);
    },

    async listCodes({ batchId, status, limit, offset }) {
      const { rows } = await db.query(
        `SELECT * FROM cartlift_codes WHERE batch_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY code LIMIT $3 OFFSET $4`,
        [batchId, status ?? null, limit, offset],
      );
      const { rows: tally } = await db.query('SELECT status, count(*)::int AS n FROM cartlift_codes WHERE batch_id = $1 GROUP BY status', [batchId]);
      const counts: Record<CodeStatus, number> = { unused: 0, held: 0, redeemed: 0 };
      for (const row of tally) counts[String(row.status) as CodeStatus] = Number(row.n);
      return { codes: rows.map(toCode), counts };
    },

    async findCodes(codes) {
      if (codes.length === 0) return [];
      const { rows } = await db.query('SELECT * FROM cartlift_codes WHERE code = ANY($1)', [codes]);
      return rows.map(toCode);
    },
  };
}
