import type { Rating, Review, ReviewQuery } from '@cartlift/reviews';
import { afterEach, describe, expect, test } from 'vitest';
import { newSchemaName, openPostgresStore, postgresOptions } from '../../../test/harness.js';
import { openStore } from '../open-store.js';
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
  /** Another handle on the same database, reading through SQL only. */
  readonly other: Store;
}

const pglite = async (): Promise<Pair> => {
  const indexed = await openStore({ kind: 'pglite', memory: true, reviewIndex: { minReviews: 1 } });
  return { indexed, other: indexed };
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
    if (pair && pair.indexed !== pair.other) await pair.indexed.close();
    await pair?.other.close();
  });

  test('a helpful vote reorders, a rejection removes, a new review is counted, and the SQL path agrees each time', async () => {
    pair = await open();
    const { indexed, other } = pair;
    const sqlOnly = other === indexed ? undefined : other;
    await other.addReviews(Array.from({ length: 6 }, (_, i) => review(i)));
    const agree = async (query: ReviewQuery) => {
      const page = await indexed.reviewPage(query, 0);
      if (sqlOnly) expect(page).toEqual(await sqlOnly.reviewPage(query, 0));
      return page;
    };
    expect((await agree(HELPFUL)).reviews.map((r) => r.id)).toEqual(['f5', 'f4', 'f3']);

    await other.voteHelpful({ reviewId: 'f0', shopper: 's1', helpful: true, now: 1 });
    expect((await agree(HELPFUL)).reviews[0]!.id).toBe('f0');

    await other.moderateReview({ id: 'f0', status: 'rejected', reason: 'spam', actor: 'm@example.com', now: 2 });
    const afterReject = await agree(HELPFUL);
    expect(afterReject.reviews.map((r) => r.id)).toEqual(['f5', 'f4', 'f3']);
    expect(afterReject.total).toBe(5);

    await other.addReview(review(9, { rating: 1 }));
    const afterAdd = await agree({ ...HELPFUL, rating: [1] });
    expect(afterAdd.reviews.map((r) => r.id)).toEqual(['f9', 'f5']);
    expect((await agree(HELPFUL)).total).toBe(6);
  });
});
