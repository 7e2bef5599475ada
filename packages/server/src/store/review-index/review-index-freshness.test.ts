import type { Rating, Review, ReviewQuery } from '@cartlift/reviews';
import { afterEach, describe, expect, test } from 'vitest';
import { newSchemaName, openPostgresStore, postgresOptions } from '../../../test/harness.js';
import { openStore } from '../open-store.js';
import { openPGlite } from '../pglite.js';
import { createSqlStore } from '../sql-store.js';
import type { Store } from '../types.js';

// The database is the truth: a write made through another Store handle (as another process would
// make it) shows in the next page the indexed store answers.
const SKU = 'TEA';
const review = (i: number, overrides: Partial<Review> = {}): Review => ({
  id: `f${i}`,
  sku: SKU,
  rating: ((i % 5) + 1) as Rating,
  title: 'Gift box',
  body: 'Fresh leaves.',
  author: `Reader ${i}`,
  language: 'en',
  photos: [],
  attributes: {},
  helpful: 0,
  createdAt: 1000 + i,
  status: 'published',
  verified: false,
  ...overrides,
});
const HELPFUL: ReviewQuery = { product: SKU, sort: 'helpful', limit: 3 };

interface Pair {
  /** Pages through the index (every product is indexed). */
  readonly indexed: Store;
  /** Another store on the same database (another handle on PostgreSQL), reading through SQL only. */
  readonly other: Store;
}

/** PGlite has one handle per database: both stores share it (closed once, through `other`). */
const pglite = async (): Promise<Pair> => {
  const db = await openPGlite({ memory: true });
  const other = createSqlStore(db, { reviewIndex: false });
  await other.migrate();
  return { indexed: createSqlStore(db, { reviewIndex: { minReviews: 1 } }), other };
};
const postgres = async (): Promise<Pair> => {
  const schema = newSchemaName();
  const other = await openPostgresStore(schema);
  const indexed = await openStore({ ...postgresOptions(schema), reviewIndex: { minReviews: 1 } });
  return { indexed, other };
};
const variants = [{ name: 'pglite', open: pglite }, ...(process.env.CARTLIFT_TEST_DATABASE_URL ? [{ name: 'postgres', open: postgres }] : [])];

describe.each(variants)('the review index on $name sees writes from another handle', ({ open }) => {
  let pair: Pair | undefined;
  afterEach(async () => {
    if (pair?.indexed.kind === 'postgres') await pair.indexed.close();
    await pair?.other.close();
  });

  test('a helpful vote reorders, a rejection removes, a new review is counted, and the SQL path agrees each time', async () => {
    pair = await open();
    const { indexed, other } = pair;
    await other.addReviews(Array.from({ length: 6 }, (_, i) => review(i)));
    const agree = async (query: ReviewQuery) => {
      const page = await indexed.reviewPage(query, 0);
      expect(page).toEqual(await other.reviewPage(query, 0));
      return page;
    };
    expect((await agree(HELPFUL)).reviews.map((r) => r.id)).toEqual(['f5', 'f4', 'f3']);

    await other.voteHelpful({ reviewId: 'f0', shopper: 's1', helpful: true, now: 1 });
    expect((await agree(HELPFUL)).reviews[0]!.id).toBe('f0');

    await other.moderateReview({ id: 'f0', status: 'rejected', reason: 'spam', actor: 'm@example.com', now: 2 });
    const afterReject = await agree(HELPFUL);
    expect(afterReject.reviews.map((r) => r.id)).toEqual(['f5', 'f4', 'f3']);
    expect(afterReject.total).toBe(5);

    // A pending submission is not shown; published later, it is.
    await other.addReview(review(8, { status: 'pending' }));
    expect((await agree(HELPFUL)).total).toBe(5);
    await other.moderateReview({ id: 'f8', status: 'published', reason: null, actor: 'm@example.com', now: 3 });
    expect((await agree(HELPFUL)).reviews[0]!.id).toBe('f8');

    await other.addReview(review(9, { rating: 1 }));
    const afterAdd = await agree({ ...HELPFUL, rating: [1] });
    expect(afterAdd.reviews.map((r) => r.id)).toEqual(['f9', 'f5']);
    expect((await agree(HELPFUL)).total).toBe(7);
  });

  test('votes racing with page reads and new reviews: none deadlocks or is lost, the index ends equal to the SQL path', async () => {
    pair = await open();
    const { indexed, other } = pair;
    await other.addReviews(Array.from({ length: 12 }, (_, i) => review(i)));
    await indexed.reviewPage(HELPFUL, 0);
    // Votes commit while pages are read and while new reviews are stored and the product's topics
    // rewritten (every review row updated): none deadlocks, none is lost by the index.
    await Promise.all([
      ...Array.from({ length: 24 }, (_, i) => other.voteHelpful({ reviewId: `f${i % 12}`, shopper: `s${i}`, helpful: i % 3 !== 0, now: i })),
      ...Array.from({ length: 6 }, () => indexed.reviewPage(HELPFUL, 0)),
      other.addReviews([review(20), review(21)]),
    ]);
    let query: ReviewQuery = HELPFUL;
    for (;;) {
      const page = await indexed.reviewPage(query, 0);
      expect(page).toEqual(await other.reviewPage(query, 0));
      if (!page.nextCursor) break;
      query = { ...query, cursor: page.nextCursor };
    }
    expect((await indexed.reviewPage(HELPFUL, 0)).total).toBe(14);
  });
});
