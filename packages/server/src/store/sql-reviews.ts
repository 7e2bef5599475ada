import { averageRating, RATINGS, ratingRankingScore, type Rating, type Review, type ReviewPage, type ReviewQuery, type ReviewSort } from '@cartlift/reviews';
import { indexedFacets, pagePositions } from './review-index/index-query.js';
import { type ReviewIndexOptions, ReviewIndexes } from './review-index/review-indexes.js';
import type { SqlClient } from './sql.js';
import { type CountedFacets, rolledUpFacets, scannedFacets } from './sql-review-facets.js';
import { filterConditions, Params, where } from './sql-review-filters.js';
import { insertReviews, refreshTopics } from './sql-review-terms.js';
import type { Row } from './sql-rows.js';
import type { Store } from './types.js';

/** A `cursor` the store did not write, or wrote for another sort: the route answers 400 naming `cursor`. */
export class InvalidReviewCursorError extends Error {
  constructor() {
    super("cursor must be the previous page's nextCursor, unchanged, with the same sort.");
    this.name = 'InvalidReviewCursorError';
  }
}

/** One column of an order: the cursor carries its value; `kind` checks that value when a cursor is read back. */
interface SortKey {
  readonly column: string;
  readonly desc: boolean;
  readonly kind: 'number' | 'boolean';
  /** The column's own type, so the keyset comparison can use the index. */
  readonly cast: string;
}

const NEWEST: SortKey = { column: 'created_at', desc: true, kind: 'number', cast: 'bigint' };

/**
 * Each order, ending in id (ascending) so that no two reviews tie and a page
 * boundary is exact. Ties of the main key go newest first.
 */
export const REVIEW_ORDERS: Record<ReviewSort, readonly SortKey[]> = {
  helpful: [{ column: 'helpful_score', desc: true, kind: 'number', cast: 'double precision' }, NEWEST],
  newest: [NEWEST],
  highest: [{ column: 'rating', desc: true, kind: 'number', cast: 'integer' }, NEWEST],
  lowest: [{ column: 'rating', desc: false, kind: 'number', cast: 'integer' }, NEWEST],
  photos: [{ column: 'has_photos', desc: true, kind: 'boolean', cast: 'boolean' }, NEWEST],
};

interface Cursor {
  readonly sort: ReviewSort;
  readonly keys: readonly (number | boolean)[];
  readonly id: string;
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/**
 * The opaque `nextCursor`: base64url of `[sort, ...sort key values, id]` of the
 * page's last review, so the next page starts strictly after it (keyset
 * pagination: stable while reviews are added, and no OFFSET to skip through).
 *
 * @example
 * encodeReviewCursor({ sort: 'newest', keys: [1743465600000], id: 'r1' }) // "WyJuZXdlc3QiLDE3NDM0NjU2MDAwMDAsInIxIl0"
 */
export function encodeReviewCursor(cursor: Cursor): string {
  return toBase64Url(JSON.stringify([cursor.sort, ...cursor.keys, cursor.id]));
}

/** Reads a cursor back for `sort`, or throws `InvalidReviewCursorError`: wrong sort, wrong shape or types, not base64url JSON. */
export function decodeReviewCursor(text: string, sort: ReviewSort): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(text));
  } catch {
    throw new InvalidReviewCursorError();
  }
  const order = REVIEW_ORDERS[sort];
  if (!Array.isArray(parsed) || parsed.length !== order.length + 2 || parsed[0] !== sort) throw new InvalidReviewCursorError();
  const keys = parsed.slice(1, -1) as unknown[];
  const id = parsed[parsed.length - 1];
  const fine = order.every((key, i) => {
    const value = keys[i];
    if (key.kind === 'boolean') return typeof value === 'boolean';
    return typeof value === 'number' && (key.cast === 'double precision' ? Number.isFinite(value) : Number.isSafeInteger(value));
  });
  if (!fine || typeof id !== 'string' || id.length === 0) throw new InvalidReviewCursorError();
  return { sort, keys: keys as (number | boolean)[], id };
}

/** The keyset condition "after the cursor" for an order: (k1 after v1) OR (k1 = v1 AND k2 after v2) OR … then id. */
function afterCursor(order: readonly SortKey[], cursor: Cursor, params: Params): string {
  const columns = [...order, { column: 'id', desc: false, cast: 'text' }];
  const values = [...cursor.keys, cursor.id].map((value, i) => `${params.add(value)}::${columns[i]!.cast}`);
  const branches = columns.map((col, i) => {
    const equal = columns.slice(0, i).map((prev, j) => `${prev.column} = ${values[j]}`);
    return `(${[...equal, `${col.column} ${col.desc ? '<' : '>'} ${values[i]}`].join(' AND ')})`;
  });
  // The first key's bound repeats the first branch's, loosened to include equality: the OR alone
  // is only a filter, this makes it the start of the index range, so a deep page doesn't read
  // every review before it.
  const first = columns[0]!;
  return `${first.column} ${first.desc ? '<=' : '>='} ${values[0]} AND (${branches.join(' OR ')})`;
}

/**
 * The statement of one page: the query's filters, after its cursor, in its
 * order, one more row than asked (to know whether a next page exists).
 * Exported so a test can read its plan. Throws `InvalidReviewCursorError`.
 *
 * @example
 * const { sql, params } = reviewPageStatement({ product: 'TEA', sort: 'newest', limit: 10 })
 */
export function reviewPageStatement(query: ReviewQuery): { sql: string; params: unknown[] } {
  const order = REVIEW_ORDERS[query.sort];
  const cursor = query.cursor === undefined ? undefined : decodeReviewCursor(query.cursor, query.sort);
  const params = new Params();
  const page = filterConditions(query, params);
  const conditions = [where(page.base, page.filters)];
  if (cursor) conditions.push(afterCursor(order, cursor, params));
  const orderBy = [...order.map((key) => `${key.column} ${key.desc ? 'DESC' : 'ASC'}`), 'id ASC'].join(', ');
  return {
    sql: `SELECT ${REVIEW_COLUMNS}, helpful_score, has_photos FROM cartlift_reviews
           WHERE ${conditions.join(' AND ')} ORDER BY ${orderBy} LIMIT ${params.add(query.limit + 1)}`,
    params: params.values,
  };
}

/** A `cartlift_reviews` row (its `REVIEW_COLUMNS`) as a `Review`. */
export function toReview(row: Row): Review {
  const review: { -readonly [K in keyof Review]: Review[K] } = {
    id: String(row.id),
    sku: String(row.sku),
    rating: Number(row.rating) as Rating,
    title: String(row.title),
    body: String(row.body),
    author: String(row.author),
    language: String(row.language),
    photos: (row.photos as Review['photos']) ?? [],
    attributes: (row.attributes as Review['attributes']) ?? {},
    helpful: Number(row.helpful),
    notHelpful: Number(row.not_helpful),
    createdAt: Number(row.created_at),
    status: String(row.status) as Review['status'],
    verified: Boolean(row.verified),
  };
  if (row.variant != null) review.variant = String(row.variant);
  if (row.rejection_reason != null) review.rejectionReason = String(row.rejection_reason);
  if (row.held_for != null) review.heldFor = String(row.held_for);
  if (row.reply != null) review.reply = row.reply as Review['reply'];
  return review;
}

/** The columns `toReview` reads. */
export const REVIEW_COLUMNS =
  'id, sku, variant, rating, title, body, author, language, photos, attributes, helpful, not_helpful, created_at, status, rejection_reason, held_for, reply, verified';

/**
 * Inserts one review with its search terms and topic candidates (`insertReviews`);
 * false when its id is taken. Topics are not refreshed: a caller inside a
 * transaction (a shopper's submission, an import) refreshes them after it.
 *
 * @example
 * await insertReview(tx, review) // true
 */
export async function insertReview(client: SqlClient, review: Review): Promise<boolean> {
  return (await insertReviews(client, [review])).inserted === 1;
}

/** A page from its rows (limit + 1 of them, in order) and its counts: the one shape both paths answer. */
function toPage(query: ReviewQuery, pageRows: readonly Row[], counted: CountedFacets): ReviewPage {
  const order = REVIEW_ORDERS[query.sort];
  const rows = pageRows.slice(0, query.limit);
  const last = rows[rows.length - 1];
  const more = pageRows.length > query.limit && last !== undefined;
  const { total, facets, histogram } = counted;
  const count = RATINGS.reduce((sum, star) => sum + histogram[star], 0);
  return {
    reviews: rows.map(toReview),
    ...(more
      ? {
          nextCursor: encodeReviewCursor({
            sort: query.sort,
            keys: order.map((key) => (key.kind === 'boolean' ? Boolean(last[key.column]) : Number(last[key.column]))),
            id: String(last.id),
          }),
        }
      : {}),
    total,
    facets,
    summary: { count, average: averageRating(histogram), rankingScore: ratingRankingScore(histogram) },
  };
}

/** The SQL path: the page through its order's index, facets kept or counted. */
async function sqlReviewPage(db: SqlClient, query: ReviewQuery): Promise<ReviewPage> {
  const statement = reviewPageStatement(query);
  // Facets from the maintained counts when only their dimensions are filtered (exact, and
  // without reading the product's reviews); otherwise counted over the matching reviews.
  const [pageResult, counted] = await Promise.all([db.query<Row>(statement.sql, statement.params), rolledUpFacets(db, query) ?? scannedFacets(db, query)]);
  return toPage(query, pageResult.rows, counted);
}

/**
 * The index path: counts and the page's positions from the product's
 * in-memory index, then the page's rows by id. Undefined (use the SQL path)
 * when the product is not indexed, the cursor's review is unknown to the
 * index, or a row changed between the index's look and the read.
 */
async function indexedReviewPage(db: SqlClient, indexes: ReviewIndexes, query: ReviewQuery): Promise<ReviewPage | undefined> {
  const cursor = query.cursor === undefined ? undefined : decodeReviewCursor(query.cursor, query.sort);
  const index = await indexes.forQuery(query);
  if (!index) return undefined;
  const rank = cursor ? index.positions.get(cursor.id) : undefined;
  if (cursor && rank === undefined) return undefined;
  const { counted, matches } = indexedFacets(index, query);
  const after = cursor ? { keys: cursor.keys.map(Number), rank: rank! } : undefined;
  const ids = pagePositions(index, query.sort, matches, after, query.limit).map((position) => index.ids[position]!);
  const { rows } = ids.length
    ? await db.query<Row>(`SELECT ${REVIEW_COLUMNS}, helpful_score, has_photos FROM cartlift_reviews WHERE id = ANY($1::text[])`, [ids])
    : { rows: [] as Row[] };
  const byId = new Map(rows.map((row) => [String(row.id), row]));
  const ordered: Row[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    // Gone, unpublished or moved since the index's look: the SQL path answers this request.
    if (row?.status !== 'published' || row.sku !== query.product) return undefined;
    ordered.push(row);
  }
  return toPage(query, ordered, counted);
}

/** How the store reads review pages: `reviewIndex: false` reads every page through SQL. */
export interface ReviewMethodOptions {
  readonly reviewIndex?: ReviewIndexOptions | false;
}

/**
 * Reviews: stored with their "most helpful" score (computed here by
 * `helpfulScore`, the one definition), and read a page at a time with facet
 * counts for the shopper's filters: through the product's in-memory index
 * when it has many reviews (store/review-index), otherwise through SQL; both
 * answer identically. Takes any client, so an import can add a review inside
 * its own transaction.
 */
export function reviewMethods(
  db: SqlClient,
  options: ReviewMethodOptions = {},
): Pick<Store, 'addReview' | 'addReviews' | 'refreshReviewTopics' | 'reviewPage'> {
  const addReviews = async (reviews: readonly Review[]): Promise<number> => {
    const { inserted, publishedSkus } = await insertReviews(db, reviews);
    for (const sku of publishedSkus) await refreshTopics(db, sku);
    return inserted;
  };
  const indexes = options.reviewIndex === false ? undefined : new ReviewIndexes(db, options.reviewIndex);
  return {
    addReview: async (review) => (await addReviews([review])) === 1,
    addReviews,

    refreshReviewTopics: (sku) => refreshTopics(db, sku),

    async reviewPage(query) {
      return (indexes && (await indexedReviewPage(db, indexes, query))) ?? sqlReviewPage(db, query);
    },
  };
}
