import type { ReviewSort } from '@cartlift/reviews';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDatabase, databaseVariants } from '../../test/harness.js';
import { migrate } from './migrations.js';
import { encodeReviewCursor, reviewPageStatement } from './sql-reviews.js';
import type { SqlDatabase } from './sql.js';

// Which index each order is read through: its rows come off the index in order, so a page
// stops after limit + 1 rows instead of sorting all of a product's reviews.
const INDEX: Record<ReviewSort, string> = {
  helpful: 'cartlift_reviews_helpful',
  newest: 'cartlift_reviews_newest',
  highest: 'cartlift_reviews_highest',
  lowest: 'cartlift_reviews_rating',
  photos: 'cartlift_reviews_photos',
};
const KEYS: Record<ReviewSort, (number | boolean)[]> = {
  helpful: [0.5, 1],
  newest: [1],
  highest: [4, 1],
  lowest: [2, 1],
  photos: [true, 1],
};

describe.each(databaseVariants())('the reviews page query on $name', ({ open }) => {
  let db: SqlDatabase | undefined;
  afterAll(() => closeDatabase(db));

  test('reads each order through its own index, first page and after a cursor, never the whole table', async () => {
    db = await open();
    await migrate(db);
    const plans = await db.exclusive(1, async (client) => {
      await client.exec('SET enable_seqscan = off');
      const out: Record<string, string> = {};
      for (const sort of Object.keys(INDEX) as ReviewSort[]) {
        for (const cursor of [undefined, encodeReviewCursor({ sort, keys: KEYS[sort], id: 'r1' })]) {
          const { sql, params } = reviewPageStatement({ product: 'TEA', sort, limit: 10, rating: [1, 5], ...(cursor ? { cursor } : {}) });
          const { rows } = await client.query<Record<string, string>>(`EXPLAIN ${sql}`, params);
          out[`${sort}${cursor ? ' after a cursor' : ''}`] = rows.map((row) => Object.values(row)[0]).join('\n');
        }
      }
      await client.exec('RESET enable_seqscan');
      return out;
    });
    for (const [name, plan] of Object.entries(plans)) {
      const sort = name.split(' ')[0] as ReviewSort;
      expect(plan, name).not.toMatch(/Seq Scan|Sort Key/);
      expect(plan, name).toMatch(new RegExp(`Index Scan using ${INDEX[sort]} `));
      // After a cursor, the page starts inside the index (Index Cond), not by filtering the reviews before it.
      const first = { helpful: 'helpful_score', newest: 'created_at', highest: 'rating', lowest: 'rating', photos: 'has_photos' }[sort];
      if (name.endsWith('cursor'))
        expect(
          plan.split('\n').find((line) => line.includes('Index Cond')),
          name,
        ).toMatch(new RegExp(`\\(${first} [<>]=`));
    }
  });
});
