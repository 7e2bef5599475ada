import { afterAll, describe, expect, test } from 'vitest';
import { closeDatabase, databaseVariants } from '../../test/harness.js';
import { MIGRATIONS, migrate } from './migrations.js';
import type { SqlDatabase } from './sql.js';
import { createSqlStore } from './sql-store.js';

// A database with reviews from before migration 13: the store fills their search terms and
// topics when it starts, since the migration itself (SQL) cannot segment text.
describe.each(databaseVariants())('review search terms backfilled on $name', ({ open }) => {
  let db: SqlDatabase | undefined;
  afterAll(() => closeDatabase(db));

  test('reviews stored before migration 13 are searchable and carry topics once the store has migrated', async () => {
    db = await open();
    await migrate(
      db,
      MIGRATIONS.filter((m) => m.id < 13),
    );
    const insert = (id: string, title: string, body: string, status = 'published') =>
      db!.query(
        `INSERT INTO cartlift_reviews (id, sku, rating, title, body, author, language, created_at, status)
         VALUES ($1, 'TEA', 5, $2, $3, 'A', 'en', 1, $4)`,
        [id, title, body, status],
      );
    await insert('a', 'Gift box', '香气很浓，好喝');
    await insert('b', 'Lovely gift box', 'The 香气 lasts');
    await insert('c', 'Gift box', 'never shown', 'pending');
    const store = createSqlStore(db);
    expect(await store.migrate()).toEqual(MIGRATIONS.filter((m) => m.id >= 13).map((m) => m.id));
    const page = await store.reviewPage({ product: 'TEA', q: '香气', sort: 'newest', limit: 10 }, 0);
    expect(page.reviews.map((r) => r.id)).toEqual(['a', 'b']);
    expect((await store.reviewPage({ product: 'TEA', q: '喝', sort: 'newest', limit: 10 }, 0)).total).toBe(1);
    expect(page.facets.topics).toEqual([
      { topic: 'gift box', count: 2 },
      { topic: '香气', count: 2 },
    ]);
    const { rows } = await db.query('SELECT count(*) AS n FROM cartlift_reviews WHERE search_terms IS NULL');
    expect(Number(rows[0]!.n)).toBe(0);
    // A second start has nothing left to fill.
    expect(await store.migrate()).toEqual([]);
  }, 60_000);
});
