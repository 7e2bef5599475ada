import { RATINGS, type Rating, type ReviewStatus } from '@cartlift/reviews';
import type { SqlDatabase } from './sql.js';
import { insertReview, REVIEW_COLUMNS, toReview } from './sql-reviews.js';
import type { Row } from './sql-rows.js';
import type { ReviewHistoryEntry, ReviewStarCounts, Store } from './types.js';

/** A moderation `cursor` the store did not write: the route answers 400 naming `cursor`. */
export class InvalidModerationCursorError extends Error {
  constructor() {
    super("cursor must be the previous page's nextCursor, unchanged.");
    this.name = 'InvalidModerationCursorError';
  }
}

/** `[created_at, id]` of a page's last review, as base64url JSON. */
function encodeCursor(createdAt: number, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
}

function decodeCursor(text: string): { createdAt: number; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (Number.isSafeInteger(createdAt) && typeof id === 'string' && id.length > 0) return { createdAt: createdAt as number, id };
  } catch {
    // falls through to the refusal
  }
  throw new InvalidModerationCursorError();
}

function toHistory(row: Row): ReviewHistoryEntry {
  return {
    at: Number(row.at),
    status: String(row.status) as ReviewHistoryEntry['status'],
    ...(row.reason == null ? {} : { reason: String(row.reason) }),
    actor: String(row.actor),
  };
}

/**
 * `%`, `_` and `\` taken literally in an ILIKE pattern (with ESCAPE '\'): the console's search
 * reads a moderator's few hundred reviews, where a substring is what a person expects.
 *
 * @example
 * likePattern('100%') // "%100\\%%"
 */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const HISTORY_INSERT = 'INSERT INTO cartlift_review_history (review_id, at, status, reason, actor)';

/**
 * The console's side of reviews: every status, the queue oldest first, status
 * changes and replies that append to `cartlift_review_history` in the same
 * statement (a change without its history row cannot happen), and per-star counts.
 */
export function reviewModerationMethods(
  db: SqlDatabase,
): Pick<Store, 'moderationReviews' | 'reviewWithHistory' | 'moderateReview' | 'replyToReview' | 'addReviewWithHistory' | 'reviewStarCounts'> {
  return {
    async moderationReviews(query) {
      const values: unknown[] = [];
      const add = (value: unknown) => {
        values.push(value);
        return `$${values.length}`;
      };
      const conditions: string[] = [];
      if (query.status) conditions.push(`status = ${add(query.status)}`);
      if (query.product) conditions.push(`sku = ${add(query.product)}`);
      if (query.rating?.length) conditions.push(`rating = ANY(${add(query.rating)}::int[])`);
      if (query.q) {
        const pattern = add(likePattern(query.q));
        conditions.push(`(title ILIKE ${pattern} ESCAPE '\\' OR body ILIKE ${pattern} ESCAPE '\\' OR author ILIKE ${pattern} ESCAPE '\\')`);
      }
      // The queue is worked oldest first (nobody waits forever); other lists read newest first.
      const ascending = query.status === 'pending';
      if (query.cursor) {
        const after = decodeCursor(query.cursor);
        conditions.push(`(created_at, id) ${ascending ? '>' : '<'} (${add(after.createdAt)}::bigint, ${add(after.id)}::text)`);
      }
      const direction = ascending ? 'ASC' : 'DESC';
      const { rows } = await db.query<Row>(
        `SELECT ${REVIEW_COLUMNS} FROM cartlift_reviews ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
          ORDER BY created_at ${direction}, id ${direction} LIMIT ${add(query.limit + 1)}`,
        values,
      );
      const page = rows.slice(0, query.limit).map(toReview);
      const last = page[page.length - 1];
      return { reviews: page, ...(rows.length > query.limit && last ? { nextCursor: encodeCursor(last.createdAt, last.id) } : {}) };
    },

    async reviewWithHistory(id) {
      const [review, history] = await Promise.all([
        db.query<Row>(`SELECT ${REVIEW_COLUMNS} FROM cartlift_reviews WHERE id = $1`, [id]),
        db.query<Row>('SELECT at, status, reason, actor FROM cartlift_review_history WHERE review_id = $1 ORDER BY id', [id]),
      ]);
      const row = review.rows[0];
      return row ? { review: toReview(row), history: history.rows.map(toHistory) } : null;
    },

    async moderateReview({ id, status, reason, actor, now }) {
      const kept = status === 'rejected' ? reason : null;
      const { rows } = await db.query<Row>(
        `WITH changed AS (
           UPDATE cartlift_reviews SET status = $2, rejection_reason = $3 WHERE id = $1 RETURNING ${REVIEW_COLUMNS}
         ), logged AS (
           ${HISTORY_INSERT} SELECT id, $4, status, $3, $5 FROM changed
         )
         SELECT * FROM changed`,
        [id, status, kept, now, actor],
      );
      return rows[0] ? toReview(rows[0]) : null;
    },

    async replyToReview({ id, body, actor, now }) {
      const reply = body === null ? null : JSON.stringify({ body, createdAt: now });
      const { rows } = await db.query<Row>(
        `WITH changed AS (
           UPDATE cartlift_reviews SET reply = $2::jsonb WHERE id = $1 RETURNING ${REVIEW_COLUMNS}
         ), logged AS (
           ${HISTORY_INSERT} SELECT id, $3, $4, NULL, $5 FROM changed
         )
         SELECT * FROM changed`,
        [id, reply, now, body === null ? 'reply_removed' : 'replied', actor],
      );
      return rows[0] ? toReview(rows[0]) : null;
    },

    addReviewWithHistory(review, { at, reason, actor }) {
      // One transaction: an imported review never lands without its history row.
      return db.transaction(async (tx) => {
        // Topics are refreshed once after the whole import (afterReviewChanged), not per row.
        if (!(await insertReview(tx, review))) return false;
        await tx.query(`${HISTORY_INSERT} VALUES ($1, $2, $3, $4, $5)`, [review.id, at, review.status, reason ?? null, actor]);
        return true;
      });
    },

    async reviewStarCounts(product) {
      const { rows } = await db.query<Row>(
        `SELECT rating, status, count(*) AS n FROM cartlift_reviews ${product ? 'WHERE sku = $1' : ''} GROUP BY rating, status`,
        product ? [product] : [],
      );
      const counts = Object.fromEntries(RATINGS.map((star) => [star, { published: 0, rejected: 0, pending: 0 }])) as ReviewStarCounts;
      for (const row of rows) {
        const star = counts[Number(row.rating) as Rating];
        const status = String(row.status) as ReviewStatus;
        if (star && status in star) star[status] = Number(row.n);
      }
      return counts;
    },
  };
}
