import type { ReviewQuery } from '@cartlift/reviews';
import type { SqlClient } from '../sql.js';
import type { Row } from '../sql-rows.js';
import { INDEX_COLUMNS, NotIndexableError, ProductReviewIndex } from './product-index.js';

/** When the in-memory index serves a product's pages. */
export interface ReviewIndexOptions {
  /** Published reviews a product needs before it is indexed (below, the SQL path is already fast). Default 2,000. */
  readonly minReviews?: number;
  /** Products held at once, least recently used dropped first. Default 8. */
  readonly maxProducts?: number;
}

/** Rows per read while building: keyset pages in id order. */
const BUILD_BATCH = 20_000;
/** More changed reviews than this since the index's last look: rebuild rather than patch. */
const MAX_PATCH = 2_000;

interface Held {
  readonly index: ProductReviewIndex | undefined;
  readonly seq: number;
}

/**
 * The per-product in-memory review indexes of one store, kept fresh from the
 * database's change log (migration 16): each use reads the product's latest
 * change number and re-reads only the reviews changed since, so a write from
 * any process is seen by the next page. Concurrent uses share one build.
 *
 * @example
 * const indexes = new ReviewIndexes(db, { minReviews: 2000 })
 * const index = await indexes.forQuery(query) // undefined: use the SQL path
 */
export class ReviewIndexes {
  private readonly held = new Map<string, Promise<Held>>();
  private readonly minReviews: number;
  private readonly maxProducts: number;

  constructor(
    private readonly db: SqlClient,
    options: ReviewIndexOptions = {},
  ) {
    this.minReviews = options.minReviews ?? 2_000;
    this.maxProducts = options.maxProducts ?? 8;
  }

  /** The product's index, current as of this call, or undefined when the product is small or cannot be indexed. */
  async forQuery(query: ReviewQuery): Promise<ProductReviewIndex | undefined> {
    const { rows } = await this.db.query<Row>(
      `SELECT (SELECT coalesce(max(seq), 0) FROM cartlift_review_changes WHERE sku = $1) AS seq,
              (SELECT coalesce(sum(n), 0) FROM cartlift_review_counts WHERE sku = $1 AND kind = 'all') AS published`,
      [query.product],
    );
    const seq = Number(rows[0]?.seq ?? 0);
    if (Number(rows[0]?.published ?? 0) < this.minReviews) {
      this.held.delete(query.product);
      return undefined;
    }
    const previous = this.held.get(query.product);
    const next = (previous ?? Promise.resolve(undefined)).then(
      (held) => this.refresh(query.product, held, seq),
      () => this.refresh(query.product, undefined, seq),
    );
    this.held.delete(query.product);
    this.held.set(query.product, next);
    while (this.held.size > this.maxProducts) this.held.delete(this.held.keys().next().value!);
    try {
      return (await next).index;
    } catch (error) {
      if (this.held.get(query.product) === next) this.held.delete(query.product);
      throw error;
    }
  }

  private async refresh(sku: string, held: Held | undefined, seq: number): Promise<Held> {
    if (held && held.seq >= seq) return held;
    if (held?.index) {
      const patched = await this.patch(sku, held.index, held.seq);
      if (patched) return { index: held.index, seq };
    }
    return { index: await build(this.db, sku), seq };
  }

  /** Re-reads the reviews changed since `since` into the index; false when a rebuild is needed. */
  private async patch(sku: string, index: ProductReviewIndex, since: number): Promise<boolean> {
    const { rows: changed } = await this.db.query<Row>(
      `SELECT DISTINCT review_id FROM cartlift_review_changes WHERE sku = $1 AND seq > $2 LIMIT ${MAX_PATCH + 1}`,
      [sku, since],
    );
    if (changed.length > MAX_PATCH) return false;
    const ids = changed.map((row) => String(row.review_id));
    const { rows } = await this.db.query<Row>(`SELECT ${INDEX_COLUMNS}, sku, status FROM cartlift_reviews WHERE id = ANY($1::text[])`, [ids]);
    const current = new Map(rows.map((row) => [String(row.id), row]));
    try {
      for (const id of ids) {
        const row = current.get(id);
        const published = row?.sku === sku && row.status === 'published';
        const position = index.positions.get(id);
        // A review the index has never held: nothing to do unless it is now published (a
        // pending submission), else its rank among the ids is unknown and the index is rebuilt.
        if (position === undefined) {
          if (published) return false;
        } else if (published) index.set(position, row);
        else index.remove(position);
      }
    } catch (error) {
      if (error instanceof NotIndexableError) return false;
      throw error;
    }
    return true;
  }
}

/** Reads a product's published reviews' compact columns in id order, in batches, into a new index. */
async function build(db: SqlClient, sku: string): Promise<ProductReviewIndex | undefined> {
  const rows: Row[] = [];
  for (;;) {
    const last = rows.length ? String(rows[rows.length - 1]!.id) : undefined;
    const { rows: batch } = await db.query<Row>(
      `SELECT ${INDEX_COLUMNS} FROM cartlift_reviews WHERE sku = $1 AND status = 'published'
         ${last === undefined ? '' : 'AND id > $2'} ORDER BY id LIMIT ${BUILD_BATCH}`,
      last === undefined ? [sku] : [sku, last],
    );
    rows.push(...batch);
    if (batch.length < BUILD_BATCH) break;
  }
  try {
    return new ProductReviewIndex(rows);
  } catch (error) {
    if (error instanceof NotIndexableError) return undefined;
    throw error;
  }
}
