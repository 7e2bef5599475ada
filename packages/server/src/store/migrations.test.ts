import { afterAll, describe, expect, test } from 'vitest';
import { closeDatabase, databaseVariants } from '../../test/harness.js';
import { MIGRATIONS, migrate } from './migrations.js';
import type { SqlDatabase } from './sql.js';

// Bare databases (not Stores), so migrations can be applied by hand.
describe.each(databaseVariants())('migrate on $name', ({ open }) => {
  const opened: SqlDatabase[] = [];
  afterAll(async () => {
    for (const db of opened) await closeDatabase(db);
  });

  test('applies a later id while an earlier one is missing, and the earlier one still runs when it arrives', async () => {
    const db = await open();
    opened.push(db);
    // Listed from MIGRATIONS itself, so a migration added beside this one (8 and 9 landed apart) needs no edit here.
    const ids = MIGRATIONS.map((m) => m.id).sort((a, b) => a - b);
    expect(ids).toEqual(expect.arrayContaining([1, 2, 3, 4, 5, 6, 7, 9]));
    const withoutFour = MIGRATIONS.filter((m) => m.id !== 4);
    expect(await migrate(db, withoutFour)).toEqual(ids.filter((id) => id !== 4));
    expect(await migrate(db)).toEqual([4]);
    expect(await migrate(db)).toEqual([]);
    const { rows } = await db.query<{ id: number }>('SELECT id FROM cartlift_migrations ORDER BY id');
    expect(rows.map((row) => Number(row.id))).toEqual(ids);
  }, 60_000);

  test('5 keeps the first received of purchases that repeat a transaction id, then refuses repeats', async () => {
    const db = await open();
    opened.push(db);
    await migrate(
      db,
      MIGRATIONS.filter((m) => m.id < 5),
    );
    const insert = (eventId: string, receivedAt: number, name = 'purchase') =>
      db.query(
        `INSERT INTO cartlift_analytics_events (event_id, name, time, received_at, cart_id, currency, value, transaction_id, payload)
         VALUES ($1, $2, 0, $3, 'c', 'USD', 1, 'pi_1', '{}')`,
        [eventId, name, receivedAt],
      );
    await insert('b', 2);
    await insert('a', 1);
    await insert('c', 1);
    await insert('d', 3, 'begin_checkout');
    expect(
      await migrate(
        db,
        MIGRATIONS.filter((m) => m.id <= 5),
      ),
    ).toEqual([5]);
    const { rows } = await db.query<{ event_id: string }>('SELECT event_id FROM cartlift_analytics_events ORDER BY event_id');
    expect(rows.map((row) => row.event_id)).toEqual(['a', 'd']);
    await expect(insert('e', 4)).rejects.toThrow(/unique|duplicate/i);
  }, 60_000);
});
