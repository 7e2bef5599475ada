import { afterAll, describe, expect, test } from 'vitest';
import { closeDatabase, databaseVariants } from '../../test/harness.js';
import { migrate } from './migrations.js';
import { OLD_EVENT_IDS } from './sql-analytics.js';
import type { SqlDatabase } from './sql.js';

describe.each(databaseVariants())('the retention query on $name', ({ open }) => {
  let db: SqlDatabase | undefined;
  afterAll(() => closeDatabase(db));

  // Pruning runs hourly over a table that only grows: a plan that reads every row would stall the
  // database (PGlite's one connection above all) for as long as the table is big.
  test('finds old events through indexes, never by reading the whole table', async () => {
    db = await open();
    await migrate(db);
    const plan = await db.exclusive(1, async (client) => {
      await client.exec('SET enable_seqscan = off');
      const { rows } = await client.query<Record<string, string>>(`EXPLAIN ${OLD_EVENT_IDS}`, [Date.now(), 1000]);
      await client.exec('RESET enable_seqscan');
      return rows.map((row) => Object.values(row)[0]).join('\n');
    });
    expect(plan).not.toMatch(/Seq Scan/);
    expect(plan).toMatch(/cartlift_analytics_events_time/);
    expect(plan).toMatch(/cartlift_analytics_events_clock_ahead/);
  });
});
