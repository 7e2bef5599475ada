import type { Rating, Review, ReviewQuery, ReviewSort } from '@cartlift/reviews';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDatabase, databaseVariants } from '../../../test/harness.js';
import { migrate } from '../migrations.js';
import type { SqlDatabase } from '../sql.js';
import { reviewMethods } from '../sql-reviews.js';

// The index path must answer exactly as the SQL path: same reviews in the same order, same
// cursors, totals, facets and summary, for random reviews (ties of every key included, ids that
// sort differently by collation) and random queries, following the cursors page after page.
const SENTENCES = ['Gift box is lovely.', 'Runs small, order up.', 'The lid leaks.', '香气很浓。', '回甘明显，包装精美。', 'Great aroma, gift box.'];
const QUERY_WORDS = ['gift box', 'lid', '回甘', '香气', 'aroma', 'nothing here', '!!!'];
const SORTS: ReviewSort[] = ['helpful', 'newest', 'highest', 'lowest', 'photos'];

const reviewArbitrary = (sku: string) =>
  fc
    .record({
      id: fc.stringMatching(/^[a-cA-C_é-]{1,4}$/),
      variant: fc.option(fc.constantFrom('Spring', 'Gift tin'), { nil: undefined }),
      rating: fc.integer({ min: 1, max: 5 }),
      title: fc.constantFrom(...SENTENCES),
      body: fc.constantFrom(...SENTENCES),
      photos: fc.boolean(),
      size: fc.option(fc.constantFrom('small', 'true', 'large'), { nil: undefined }),
      fit: fc.option(fc.constantFrom('loose', 'snug'), { nil: undefined }),
      helpful: fc.integer({ min: 0, max: 3 }),
      notHelpful: fc.integer({ min: 0, max: 2 }),
      createdAt: fc.integer({ min: 1, max: 4 }),
      status: fc.constantFrom('published', 'published', 'published', 'pending', 'rejected'),
      verified: fc.boolean(),
    })
    .map(
      (r): Review => ({
        id: `${sku}:${r.id}`,
        sku,
        ...(r.variant ? { variant: r.variant } : {}),
        rating: r.rating as Rating,
        title: r.title,
        body: r.body,
        author: 'A',
        language: 'en',
        photos: r.photos ? [{ url: '/p.jpg' }] : [],
        attributes: { ...(r.size ? { size: r.size } : {}), ...(r.fit ? { fit: r.fit } : {}) },
        helpful: r.helpful,
        notHelpful: r.notHelpful,
        createdAt: r.createdAt,
        status: r.status as Review['status'],
        verified: r.verified,
      }),
    );

const FILTERS = {
  rating: fc.subarray([1, 2, 3, 4, 5] as Rating[], { minLength: 1 }),
  media: fc.boolean(),
  verified: fc.boolean(),
  variant: fc.constantFrom('Spring', 'Gift tin', 'None such'),
  attr: fc.oneof(
    fc.record({ size: fc.constantFrom('small', 'large', 'x') }),
    fc.record({ size: fc.constantFrom('true', 'small'), fit: fc.constantFrom('snug', 'loose') }),
  ),
  topic: fc.constantFrom('gift box', 'lid', '回甘', 'aroma', 'no such topic'),
  q: fc.constantFrom(...QUERY_WORDS),
};
/** Up to three filters at once: more would match nothing in 40 reviews. */
const queryArbitrary = fc
  .subarray(Object.keys(FILTERS) as (keyof typeof FILTERS)[], { maxLength: 3 })
  .chain((names) => fc.record(Object.fromEntries(names.map((name) => [name, FILTERS[name]])) as { [K in keyof typeof FILTERS]: (typeof FILTERS)[K] }));

describe.each(databaseVariants())('the review index on $name', ({ open }) => {
  let db: SqlDatabase | undefined;
  afterAll(() => closeDatabase(db));

  test('answers every page as the SQL path does', async () => {
    db = await open();
    await migrate(db);
    const indexed = reviewMethods(db, { reviewIndex: { minReviews: 0 } });
    const sql = reviewMethods(db, { reviewIndex: false });
    let round = 0;
    let shown = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(reviewArbitrary('P'), { minLength: 5, maxLength: 40, selector: (r) => r.id }),
        fc.array(fc.record({ filters: queryArbitrary, sort: fc.constantFrom(...SORTS), limit: fc.integer({ min: 1, max: 6 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        async (reviews, queries) => {
          const product = `P${round++}`;
          await indexed.addReviews(reviews.map((r) => ({ ...r, id: `${product}${r.id}`, sku: product })));
          for (const { filters, sort, limit } of queries) {
            let query: ReviewQuery = { product, sort, limit, ...filters };
            for (let page = 0; page < 20; page++) {
              const expected = await sql.reviewPage(query, 0);
              expect(await indexed.reviewPage(query, 0), JSON.stringify(query)).toEqual(expected);
              shown += expected.reviews.length;
              if (!expected.nextCursor) break;
              query = { ...query, cursor: expected.nextCursor };
            }
          }
        },
      ),
      { numRuns: 25 },
    );
    // The comparison saw real pages, not only empty ones.
    expect(shown).toBeGreaterThan(50);
  });
});
