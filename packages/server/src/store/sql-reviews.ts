import {
  averageRating,
  querySearchTerms,
  RATINGS,
  ratingRankingScore,
  type Rating,
  type RatingHistogram,
  type Review,
  type ReviewFacets,
  type ReviewQuery,
  type ReviewSort,
} from '@cartlift/reviews';
import type { SqlDatabase } from './sql.js';
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

type Filter = 'rating' | 'media' | 'verified' | 'variant' | 'attr' | 'topic' | 'q';

/** Placeholders numbered as values are added, so each statement builds its own list. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The WHERE conditions of a query's filters, each named by its filter so a
 * facet can leave its own out (`except` leaves one out before its values
 * become parameters: a statement may not carry a parameter it never reads).
 * The product and `published` come first and always apply.
 */
function filterConditions(query: ReviewQuery, params: Params, except?: Filter): { base: string; filters: Map<Filter, string>; attr: Map<string, string> } {
  const base = `sku = ${params.add(query.product)} AND status = 'published'`;
  const filters = new Map<Filter, string>();
  const attr = new Map<string, string>();
  if (except === 'variant') query = { ...query, variant: undefined } as ReviewQuery;
  if (except === 'topic') query = { ...query, topic: undefined } as ReviewQuery;
  if (query.rating?.length) filters.set('rating', `rating = ANY(${params.add(query.rating)}::int[])`);
  if (query.media !== undefined) filters.set('media', `has_photos = ${params.add(query.media)}::boolean`);
  if (query.verified !== undefined) filters.set('verified', `verified = ${params.add(query.verified)}::boolean`);
  if (query.variant !== undefined) filters.set('variant', `variant = ${params.add(query.variant)}::text`);
  for (const [name, answer] of Object.entries(query.attr ?? {})) {
    attr.set(name, `attributes @> ${params.add(JSON.stringify({ [name]: answer }))}::jsonb`);
  }
  if (attr.size && except !== 'attr') filters.set('attr', [...attr.values()].join(' AND '));
  // Both read GIN indexes: the review holds the topic, and every search term (the query's terms
  // are computed here as the review's were on write, so PGlite and PostgreSQL answer alike).
  if (query.topic !== undefined) filters.set('topic', `topics @> ARRAY[${params.add(query.topic)}::text]`);
  if (query.q !== undefined) {
    const terms = querySearchTerms(query.q);
    // Only punctuation or symbols: nothing to look for, so nothing is found (rather than everything).
    filters.set('q', terms.length ? `search_terms @> ${params.add(terms)}::text[]` : 'false');
  }
  return { base, filters, attr };
}

function where(base: string, filters: Map<Filter, string>, except?: Filter): string {
  return [base, ...[...filters].filter(([name]) => name !== except).map(([, sql]) => sql)].join(' AND ');
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
    sql: `SELECT ${COLUMNS}, helpful_score, has_photos FROM cartlift_reviews
           WHERE ${conditions.join(' AND ')} ORDER BY ${orderBy} LIMIT ${params.add(query.limit + 1)}`,
    params: params.values,
  };
}

const emptyHistogram = (): RatingHistogram => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 });

function toReview(row: Row): Review {
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
  if (row.reply != null) review.reply = row.reply as Review['reply'];
  return review;
}

const COLUMNS =
  'id, sku, variant, rating, title, body, author, language, photos, attributes, helpful, not_helpful, created_at, status, rejection_reason, reply, verified';

/**
 * Reviews: stored with their "most helpful" score (computed here by
 * `helpfulScore`, the one definition), and read a page at a time with facet
 * counts for the shopper's filters.
 */
export function reviewMethods(db: SqlDatabase): Pick<Store, 'addReview' | 'addReviews' | 'refreshReviewTopics' | 'reviewPage'> {
  const addReviews = async (reviews: readonly Review[]): Promise<number> => {
    const { inserted, publishedSkus } = await insertReviews(db, reviews);
    for (const sku of publishedSkus) await refreshTopics(db, sku);
    return inserted;
  };
  return {
    addReview: async (review) => (await addReviews([review])) === 1,
    addReviews,

    refreshReviewTopics: (sku) => refreshTopics(db, sku),

    async reviewPage(query) {
      const order = REVIEW_ORDERS[query.sort];

      const statement = reviewPageStatement(query);
      const pageRows = db.query<Row>(statement.sql, statement.params);

      // Counts over the product's published reviews in one pass: the total and the single-valued facets
      // (each with every filter but its own), and the unfiltered histogram for the summary.
      const countParams = new Params();
      const c = filterConditions(query, countParams);
      const all = where('true', c.filters);
      const starCounts = RATINGS.map((s) => `count(*) FILTER (WHERE ${where('true', c.filters, 'rating')} AND rating = ${s}) AS f${s}`);
      const summaryCounts = RATINGS.map((s) => `count(*) FILTER (WHERE rating = ${s}) AS s${s}`);
      const counts = db.query<Row>(
        `SELECT count(*) FILTER (WHERE ${all}) AS total,
                ${starCounts.join(', ')},
                count(*) FILTER (WHERE ${where('true', c.filters, 'media')} AND has_photos) AS with_photos,
                count(*) FILTER (WHERE ${where('true', c.filters, 'verified')} AND verified) AS verified,
                ${summaryCounts.join(', ')}
           FROM cartlift_reviews WHERE ${c.base}`,
        countParams.values,
      );

      const variantParams = new Params();
      const v = filterConditions(query, variantParams, 'variant');
      const variants = db.query<Row>(
        `SELECT variant, count(*) AS n FROM cartlift_reviews
          WHERE ${where(v.base, v.filters)} AND variant IS NOT NULL GROUP BY variant`,
        variantParams.values,
      );

      // An answer to one attribute is counted with every other attribute filter applied, but not its own.
      const attrParams = new Params();
      const a = filterConditions(query, attrParams, 'attr');
      const otherAnswers = [...a.attr].map(([name, sql]) => `(e.key = ${attrParams.add(name)}::text OR ${sql})`);
      const attributes = db.query<Row>(
        `SELECT e.key, e.value, count(*) AS n
           FROM cartlift_reviews r, jsonb_each_text(r.attributes) e
          WHERE ${[where(a.base, a.filters), ...otherAnswers].join(' AND ')}
          GROUP BY e.key, e.value`,
        attrParams.values,
      );

      // Topics the reviews under the current filters mention, the topic filter itself left out.
      const topicParams = new Params();
      const t = filterConditions(query, topicParams, 'topic');
      const topics = db.query<Row>(
        `SELECT topic, count(*) AS n FROM cartlift_reviews r, unnest(r.topics) topic
          WHERE ${where(t.base, t.filters)} GROUP BY topic`,
        topicParams.values,
      );

      const [pageResult, countResult, variantResult, attributeResult, topicResult] = await Promise.all([pageRows, counts, variants, attributes, topics]);
      const rows = pageResult.rows.slice(0, query.limit);
      const last = rows[rows.length - 1];
      const more = pageResult.rows.length > query.limit && last !== undefined;

      const totals = countResult.rows[0] ?? {};
      const ratings = emptyHistogram();
      const histogram = emptyHistogram();
      for (const star of RATINGS) {
        ratings[star] = Number(totals[`f${star}`] ?? 0);
        histogram[star] = Number(totals[`s${star}`] ?? 0);
      }
      // Entries, not assignments: a variant or attribute named "__proto__" stays data.
      const byVariant = new Map<string, number>();
      for (const row of variantResult.rows) byVariant.set(String(row.variant), Number(row.n));
      const byAttribute = new Map<string, Map<string, number>>();
      for (const row of attributeResult.rows) {
        const name = String(row.key);
        if (!byAttribute.has(name)) byAttribute.set(name, new Map());
        byAttribute.get(name)!.set(String(row.value), Number(row.n));
      }
      const facets: ReviewFacets = {
        ratings,
        withPhotos: Number(totals.with_photos ?? 0),
        verified: Number(totals.verified ?? 0),
        variants: Object.fromEntries(byVariant),
        attributes: Object.fromEntries([...byAttribute].map(([name, answers]) => [name, Object.fromEntries(answers)])),
        topics: topicResult.rows
          .map((row) => ({ topic: String(row.topic), count: Number(row.n) }))
          .sort((a, b) => b.count - a.count || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0)),
      };
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
        total: Number(totals.total ?? 0),
        facets,
        summary: { count, average: averageRating(histogram), rankingScore: ratingRankingScore(histogram) },
      };
    },
  };
}
