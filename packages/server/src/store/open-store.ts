import { openPGlite, type PGliteOptions } from './pglite.js';
import { openPostgres, type PostgresOptions } from './postgres.js';
import type { ReviewMethodOptions } from './sql-reviews.js';
import { createSqlStore } from './sql-store.js';
import type { Store } from './types.js';
import { env } from '../env.js';

/** `reviewIndex`: when a product's review pages come from the in-memory index (default: 2,000+ published reviews), or `false` for SQL only. */
export type StoreOptions = (({ kind: 'pglite' } & PGliteOptions) | ({ kind: 'postgres' } & PostgresOptions)) & ReviewMethodOptions;

/**
 * Opens and migrates a store: PostgreSQL when asked (or when `DATABASE_URL`
 * is set and no kind is given), otherwise embedded PGlite under `./.cartlift`.
 *
 * @example
 * const store = await openStore({ kind: 'pglite', memory: true })
 * const shared = await openStore({ kind: 'postgres', connectionString: process.env.DATABASE_URL })
 */
export async function openStore(options?: StoreOptions): Promise<Store> {
  const chosen: StoreOptions = options ?? (env('DATABASE_URL') ? { kind: 'postgres' } : { kind: 'pglite' });
  const db = chosen.kind === 'postgres' ? await openPostgres(chosen) : await openPGlite(chosen);
  const store = createSqlStore(db, { reviewIndex: chosen.reviewIndex });
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
  return store;
}
