import type { Rating, Review, ReviewQuery } from '@cartlift/reviews';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDatabase, databaseVariants } from '../../test/harness.js';
import type { SqlDatabase } from './sql.js';
import { rolledUpFacets, scannedFacets } from './sql-review-facets.js';
import { createSqlStore } from './sql-store.js';

const SKU = 'TEA';
const WORDS = ['Gift box', 'Runs small', '香气很浓', 'Lid leaks', '回甘明显'];

function review(i: number): Review {
  return {
    id: `r${String(i).padStart(3, '0')}`,
    sku: i % 17 === 0 ? 'OTHER' : SKU,
    ...(i % 4 === 0 ? {} : { variant: ['A', 'B', 'C'][i % 3]! }),
    rating: (1 + ((i * 3) % 5)) as Rating,
    title: WORDS[i % 5]!,
    body: `${WORDS[(i * 2) % 5]}. ${WORDS[(i * 7) % 5]}`,
    author: 'A',
    language: 'en',
    photos: i % 5 === 0 ? [{ url: '/p.jpg' }] : [],
    attributes: i % 3 === 0 ? { size: ['s', 'm'][i % 2]! } : { size: 'l', fit: 'snug' },
    helpful: 0,
    createdAt: i,
    status: i % 7 === 0 ? 'pending' : 'published',
    verified: i % 2 === 0,
  };
}

const QUERIES: Omit<ReviewQuery, 'product' | 'sort' | 'limit'>[] = [
  {},
  { rating: [1] },
  { rating: [2, 5], media: true },
  { verified: true, variant: 'B' },
  { media: false, verified: false, rating: [3, 4] },
  { variant: 'A', rating: [1, 2, 3] },
  { variant: 'nope' },
];

// The counts kept by triggers must equal counting the reviews, after every kind of write.
describe.each(databaseVariants())('rolled-up review facets on $name', ({ open }) => {
  let db: SqlDatabase | undefined;
  afterAll(() => closeDatabase(db));

  test('equal the scanned counts after inserts, moderation, edits, deletes and topic refreshes', async () => {
    db = await open();
    const store = createSqlStore(db);
    await store.migrate();
    const check = async (when: string) => {
      for (const filters of QUERIES) {
        const query: ReviewQuery = { product: SKU, sort: 'newest', limit: 10, ...filters };
        expect(await rolledUpFacets(db!, query), `${when} ${JSON.stringify(filters)}`).toEqual(await scannedFacets(db!, query));
      }
    };
    await store.addReviews(Array.from({ length: 120 }, (_, i) => review(i)));
    const first = await scannedFacets(db, { product: SKU, sort: 'newest', limit: 10 });
    expect(first.total).toBeGreaterThan(80);
    expect(first.facets.topics.length).toBeGreaterThan(2);
    await check('after inserts');
    await db.query("UPDATE cartlift_reviews SET status = 'published' WHERE status = 'pending' AND id < 'r050'");
    await db.query("UPDATE cartlift_reviews SET status = 'rejected', rejection_reason = 'spam' WHERE id IN ('r001', 'r002', 'r010')");
    await check('after moderation');
    await db.query(`UPDATE cartlift_reviews SET rating = 1, has_photos = NOT has_photos, variant = NULL, attributes = '{"fit":"loose"}' WHERE id LIKE 'r06%'`);
    await db.query('UPDATE cartlift_reviews SET helpful = helpful + 1');
    await check('after edits');
    await db.query("DELETE FROM cartlift_reviews WHERE id LIKE 'r07%'");
    await check('after deletes');
    await store.refreshReviewTopics(SKU);
    await check('after a topic refresh');
  }, 120_000);

  test('answers only for the four dimension filters', () => {
    const query: ReviewQuery = { product: SKU, sort: 'newest', limit: 10 };
    expect(rolledUpFacets(db!, { ...query, q: 'box' })).toBeUndefined();
    expect(rolledUpFacets(db!, { ...query, topic: 'box' })).toBeUndefined();
    expect(rolledUpFacets(db!, { ...query, attr: { size: 's' } })).toBeUndefined();
  });
});
