import { helpfulScore, type ReviewPhoto } from '@cartlift/reviews';
import type { SqlClient, SqlDatabase } from './sql.js';
import { toOrder, type Row } from './sql-rows.js';
import { insertReview } from './sql-reviews.js';
import { refreshTopics } from './sql-review-terms.js';
import type { NewReviewInvitation, ReviewInvitation, Store, StoredReviewPhoto } from './types.js';
import { lockReviewChanges } from './review-index/change-lock.js';

function toInvitation(row: Row): ReviewInvitation {
  return {
    id: String(row.invitation_id),
    paymentIntentId: String(row.payment_intent_id),
    lineIndex: Number(row.line_index),
    sku: String(row.sku),
    ...(row.variant != null ? { variant: String(row.variant) } : {}),
    productName: String(row.product_name),
    email: row.email == null ? null : String(row.email),
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    usedAt: row.used_at == null ? null : Number(row.used_at),
    reviewId: row.review_id == null ? null : String(row.review_id),
  };
}

function toPhoto(row: Row): StoredReviewPhoto {
  return {
    id: String(row.id),
    ...(row.bytes != null ? { bytes: row.bytes as Uint8Array } : {}),
    ...(row.file != null ? { file: String(row.file) } : {}),
    type: String(row.type) as StoredReviewPhoto['type'],
    width: Number(row.width),
    height: Number(row.height),
    createdAt: Number(row.created_at),
    reviewId: row.review_id == null ? null : String(row.review_id),
  };
}

/**
 * Stores an order's invitations in the order's transaction (the ledger calls
 * it), so a paid order has its links exactly once whichever of the webhook
 * and the checkout's own settle records it.
 *
 * @example
 * await insertReviewInvitations(tx, order, await options.reviewInvitations(order))
 */
export async function insertReviewInvitations(
  tx: SqlClient,
  order: { paymentIntentId: string; email: string | null; createdAt: number },
  invitations: readonly NewReviewInvitation[],
): Promise<void> {
  for (const invitation of invitations) {
    await tx.query(
      `INSERT INTO cartlift_review_invitations (token_hash, invitation_id, payment_intent_id, line_index, sku, variant, product_name, email, created_at, expires_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
      [
        invitation.tokenHash,
        invitation.id,
        order.paymentIntentId,
        invitation.lineIndex,
        invitation.sku,
        invitation.variant ?? null,
        invitation.productName,
        order.email,
        order.createdAt,
        invitation.expiresAt,
      ],
    );
  }
}

/** Thrown inside `submitReview`'s transaction to roll it back with an answer. */
class Refusal extends Error {
  constructor(readonly answer: 'invitation_spent' | 'photo_unavailable') {
    super(answer);
  }
}

/** Invitation cursors: base64url of `[created_at, invitation_id]` of a page's last row. */
const encodeCursor = (createdAt: number, id: string) => Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
function decodeCursor(cursor: string): [number, string] | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && Number.isSafeInteger(value[0]) && typeof value[1] === 'string') return [value[0], value[1]];
  } catch {
    // not a cursor this store wrote
  }
  return null;
}

/** Thrown by `listReviewInvitations` for a cursor it did not write: the route answers 400 naming `cursor`. */
export class InvalidInvitationCursorError extends Error {
  constructor() {
    super("cursor must be the previous page's nextCursor, unchanged.");
    this.name = 'InvalidInvitationCursorError';
  }
}

/**
 * What shoppers send after a purchase: invitations (spent once), reviews with
 * their photos, helpful votes (once per shopper), and the signing secret.
 *
 * @example
 * const store = { ...reviewMethods(db), ...reviewSubmissionMethods(db) }
 */
export function reviewSubmissionMethods(
  db: SqlDatabase,
): Pick<
  Store,
  | 'reviewInvitation'
  | 'orderReviewInvitations'
  | 'orderOfCheckout'
  | 'listReviewInvitations'
  | 'submitReview'
  | 'voteHelpful'
  | 'addReviewPhoto'
  | 'reviewPhoto'
  | 'serverSecret'
> {
  return {
    async reviewInvitation(tokenHash) {
      const { rows } = await db.query('SELECT * FROM cartlift_review_invitations WHERE token_hash = $1', [tokenHash]);
      return rows[0] ? toInvitation(rows[0]) : null;
    },

    async orderReviewInvitations(paymentIntentId) {
      const { rows } = await db.query('SELECT * FROM cartlift_review_invitations WHERE payment_intent_id = $1 ORDER BY line_index', [paymentIntentId]);
      return rows.map(toInvitation);
    },

    async orderOfCheckout(checkoutId) {
      const { rows } = await db.query('SELECT * FROM cartlift_orders WHERE checkout_id = $1', [checkoutId]);
      return rows[0] ? toOrder(rows[0]) : null;
    },

    async listReviewInvitations({ limit, cursor }) {
      const after = cursor === undefined ? null : decodeCursor(cursor);
      if (cursor !== undefined && !after) throw new InvalidInvitationCursorError();
      const { rows } = await db.query(
        `SELECT * FROM cartlift_review_invitations
          ${after ? 'WHERE (created_at, invitation_id) < ($2::bigint, $3::text)' : ''}
          ORDER BY created_at DESC, invitation_id DESC LIMIT $1`,
        after ? [limit + 1, after[0], after[1]] : [limit + 1],
      );
      const invitations = rows.slice(0, limit).map(toInvitation);
      const last = invitations[invitations.length - 1];
      return rows.length > limit && last ? { invitations, nextCursor: encodeCursor(last.createdAt, last.id) } : { invitations };
    },

    async submitReview(review, { invitationHash, photoIds, photoUrl, now }) {
      try {
        const answer = await db.transaction(async (tx) => {
          if (invitationHash !== undefined) {
            // The UPDATE is the single use: of two concurrent posts, the second waits on the row and then matches nothing.
            const { rows } = await tx.query(
              `UPDATE cartlift_review_invitations SET used_at = $2, review_id = $3
                WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING token_hash`,
              [invitationHash, now, review.id],
            );
            if (rows.length === 0) throw new Refusal('invitation_spent');
          }
          const photos: ReviewPhoto[] = [];
          for (const id of photoIds) {
            const { rows } = await tx.query('UPDATE cartlift_review_photos SET review_id = $2 WHERE id = $1 AND review_id IS NULL RETURNING width, height', [
              id,
              review.id,
            ]);
            if (!rows[0]) throw new Refusal('photo_unavailable');
            photos.push({ url: photoUrl(id), width: Number(rows[0].width), height: Number(rows[0].height) });
          }
          await insertReview(tx, { ...review, photos });
          // The review's first history row is the shopper's: a moderator sees how it arrived and why it was held.
          await tx.query(`INSERT INTO cartlift_review_history (review_id, at, status, reason, actor) VALUES ($1, $2, $3, $4, 'shopper')`, [
            review.id,
            now,
            review.status,
            review.heldFor ?? null,
          ]);
          return 'stored' as const;
        });
        // A review published at once (moderation "flagged") changes what its product's topics are.
        if (review.status === 'published') await refreshTopics(db, review.sku);
        return answer;
      } catch (error) {
        if (error instanceof Refusal) return error.answer;
        throw error;
      }
    },

    voteHelpful({ reviewId, shopper, helpful, now }) {
      return db.transaction(async (tx) => {
        // Before the row lock: the UPDATE below takes this lock (migration 16), and waiting for it
        // while holding the row could deadlock with a submission refreshing the product's topics.
        await lockReviewChanges(tx);
        const { rows: found } = await tx.query(`SELECT helpful, not_helpful FROM cartlift_reviews WHERE id = $1 AND status = 'published' FOR UPDATE`, [
          reviewId,
        ]);
        if (!found[0]) return null;
        const { rows: inserted } = await tx.query(
          `INSERT INTO cartlift_review_votes (review_id, shopper, helpful, created_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING RETURNING review_id`,
          [reviewId, shopper, helpful, now],
        );
        let yes = Number(found[0].helpful);
        let no = Number(found[0].not_helpful);
        if (inserted.length === 0) return { counted: false, helpful: yes, notHelpful: no };
        if (helpful) yes++;
        else no++;
        // The score beside the counts, from the one definition in @cartlift/reviews.
        await tx.query('UPDATE cartlift_reviews SET helpful = $2, not_helpful = $3, helpful_score = $4 WHERE id = $1', [
          reviewId,
          yes,
          no,
          helpfulScore(yes, yes + no),
        ]);
        return { counted: true, helpful: yes, notHelpful: no };
      });
    },

    async addReviewPhoto(photo) {
      await db.query(
        'INSERT INTO cartlift_review_photos (id, bytes, file, type, width, height, created_at, review_id) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)',
        [photo.id, photo.bytes ?? null, photo.file ?? null, photo.type, photo.width, photo.height, photo.createdAt],
      );
    },

    async reviewPhoto(id) {
      const { rows } = await db.query('SELECT * FROM cartlift_review_photos WHERE id = $1', [id]);
      return rows[0] ? toPhoto(rows[0]) : null;
    },

    async serverSecret(name, make, now) {
      await db.query('INSERT INTO cartlift_secrets (name, value, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [name, make(), now]);
      const { rows } = await db.query('SELECT value FROM cartlift_secrets WHERE name = $1', [name]);
      return String(rows[0]!.value);
    },
  };
}
