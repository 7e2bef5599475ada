import type { SqlClient } from '../sql.js';

/**
 * Takes, inside a transaction, the lock every write to cartlift_reviews takes
 * first (migration 16's BEFORE statement trigger), so review writes commit in
 * the order of their change numbers. Call it before locking a review row
 * (SELECT … FOR UPDATE): waiting for it while holding a row lock could deadlock
 * with a writer that holds it and wants that row.
 *
 * @example
 * await db.transaction(async (tx) => { await lockReviewChanges(tx); … })
 */
export async function lockReviewChanges(tx: SqlClient): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(${REVIEW_CHANGES_LOCK.join(', ')})`);
}

/** The advisory lock's two keys: "cart" in ASCII, and the migration that made it. */
export const REVIEW_CHANGES_LOCK = [1667330676, 16] as const;
