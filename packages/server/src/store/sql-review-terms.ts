import { chooseTopics, helpfulScore, reviewSearchTerms, type Review, topicCandidates } from '@cartlift/reviews';
import type { SqlClient } from './sql.js';
import type { Row } from './sql-rows.js';

/** Rows per statement: one JSON parameter each, so no placeholder limit applies, and memory stays small. */
const BATCH = 1000;

/** What search and topics read of a review: its title and body, as one text. */
const reviewText = (review: Pick<Review, 'title' | 'body'>) => `${review.title}\n${review.body}`;

const RECORD_COLUMNS = `id text, sku text, variant text, rating smallint, title text, body text, author text, language text,
  photos jsonb, has_photos boolean, attributes jsonb, helpful integer, not_helpful integer, helpful_score double precision,
  created_at bigint, status text, rejection_reason text, held_for text, reply jsonb, verified boolean, search_terms text[], topic_candidates text[]`;
const COLUMN_NAMES = RECORD_COLUMNS.split(',')
  .map((column) => column.trim().split(' ')[0])
  .join(', ');

/** A review as one JSON record for jsonb_to_recordset: its columns, the computed ones included. */
function reviewRecord(review: Review): Record<string, unknown> {
  const notHelpful = review.notHelpful ?? 0;
  const text = reviewText(review);
  // Absent optional fields are left out of the JSON: the column is then NULL.
  return {
    id: review.id,
    sku: review.sku,
    variant: review.variant,
    rating: review.rating,
    title: review.title,
    body: review.body,
    author: review.author,
    language: review.language,
    photos: review.photos,
    has_photos: review.photos.length > 0,
    attributes: review.attributes,
    helpful: review.helpful,
    not_helpful: notHelpful,
    helpful_score: helpfulScore(review.helpful, review.helpful + notHelpful),
    created_at: review.createdAt,
    status: review.status,
    rejection_reason: review.rejectionReason,
    held_for: review.heldFor,
    reply: review.reply,
    verified: review.verified,
    search_terms: reviewSearchTerms(text),
    topic_candidates: topicCandidates(text),
  };
}

/**
 * Inserts reviews a thousand per statement (ids already taken are skipped)
 * with their search terms and topic candidates, and returns the products
 * whose published reviews changed. Topics are not refreshed here.
 *
 * @example
 * const changed = await insertReviews(db, reviews) // Set { 'TEA-LJ-100' }
 */
export async function insertReviews(db: SqlClient, reviews: readonly Review[]): Promise<{ inserted: number; publishedSkus: Set<string> }> {
  let inserted = 0;
  const publishedSkus = new Set<string>();
  for (let start = 0; start < reviews.length; start += BATCH) {
    const records = reviews.slice(start, start + BATCH).map(reviewRecord);
    const { rows } = await db.query<Row>(
      `INSERT INTO cartlift_reviews (${COLUMN_NAMES})
       SELECT ${COLUMN_NAMES} FROM jsonb_to_recordset($1::jsonb) AS x(${RECORD_COLUMNS})
       ON CONFLICT (id) DO NOTHING RETURNING sku, status`,
      [JSON.stringify(records)],
    );
    inserted += rows.length;
    for (const row of rows) if (row.status === 'published') publishedSkus.add(String(row.sku));
  }
  return { inserted, publishedSkus };
}

/**
 * Recounts a product's topic candidates over its published reviews, chooses
 * its topics (`chooseTopics`) and writes to each of its reviews the ones it
 * mentions, touching only rows whose topics change. Returns the topics.
 * Every count is in SQL (an unnest grouped by candidate), so a product with
 * 100,000 reviews is never read into memory.
 *
 * @example
 * await refreshTopics(db, 'TEA-LJ-100') // ["香气", "runs small", …]
 */
export async function refreshTopics(db: SqlClient, sku: string): Promise<string[]> {
  const { rows } = await db.query<Row>(
    `SELECT t AS topic, count(*) AS n FROM cartlift_reviews r, unnest(r.topic_candidates) t
      WHERE r.sku = $1 AND r.status = 'published' GROUP BY t HAVING count(*) >= 2`,
    [sku],
  );
  const topics = chooseTopics(rows.map((row) => ({ topic: String(row.topic), reviews: Number(row.n) })));
  // COLLATE "C" is code-point order on UTF-8, the order reviewTopics writes, whatever the database's collation.
  const mentioned = `ARRAY(SELECT t FROM unnest(topic_candidates) t WHERE t = ANY($2::text[]) ORDER BY t COLLATE "C")`;
  await db.query(`UPDATE cartlift_reviews SET topics = ${mentioned} WHERE sku = $1 AND topics IS DISTINCT FROM ${mentioned}`, [sku, topics]);
  return topics;
}

/**
 * Fills search terms and topic candidates of reviews stored before they
 * existed (migration 13 leaves them NULL; SQL cannot run Intl.Segmenter), a
 * batch at a time, then refreshes those products' topics. Returns how many
 * reviews it filled: 0 once done, so every start after the first is one
 * indexed look-up.
 *
 * @example
 * await backfillReviewTerms(db) // 0
 */
export async function backfillReviewTerms(db: SqlClient): Promise<number> {
  const skus = new Set<string>();
  let filled = 0;
  for (;;) {
    const { rows } = await db.query<Row>('SELECT id, sku, title, body FROM cartlift_reviews WHERE search_terms IS NULL ORDER BY id LIMIT 500');
    if (rows.length === 0) break;
    const records = rows.map((row) => {
      const text = reviewText({ title: String(row.title), body: String(row.body) });
      skus.add(String(row.sku));
      return { id: String(row.id), search_terms: reviewSearchTerms(text), topic_candidates: topicCandidates(text) };
    });
    await db.query(
      `UPDATE cartlift_reviews r SET search_terms = x.search_terms, topic_candidates = x.topic_candidates
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, search_terms text[], topic_candidates text[]) WHERE r.id = x.id`,
      [JSON.stringify(records)],
    );
    filled += rows.length;
  }
  for (const sku of skus) await refreshTopics(db, sku);
  return filled;
}
