import type { Client, ClientConfig, Pool, PoolClient } from 'pg';
import type { SqlClient, SqlDatabase } from './sql.js';
import { env } from '../env.js';
import { isDatabaseOutage } from './outage.js';

export interface PostgresOptions {
  /** `postgres://user:pass@host:5432/db`; defaults to `DATABASE_URL`. */
  connectionString?: string;
  /** Pool size per process. Default 10. */
  max?: number;
  /** Schema for Cartlift's tables (created if missing). Default: the connection's search_path (usually "public"). */
  schema?: string;
}

/** How long opening one connection may take before the request fails as an outage. */
const CONNECT_TIMEOUT_MS = 5000;

/**
 * Checks a client out for several statements. While it is out, its
 * connection dropping must not crash the process (pg emits 'error' on the
 * client, and the pool listens only to idle ones), and a broken client is
 * handed back with its error so the pool discards it instead of reusing it.
 */
async function withClient<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  try {
    return await fn(client);
  } catch (error) {
    if (isDatabaseOutage(error)) broken ??= error as Error;
    throw error;
  } finally {
    // Left attached on a broken client: pg may still emit on it while the pool ends it.
    if (!broken) client.removeListener('error', onError);
    client.release(broken);
  }
}

const wrap = (target: Pool | PoolClient): SqlClient => ({
  query: async (sql, params) => {
    const result = await target.query(sql, params as unknown[]);
    return { rows: result.rows };
  },
  exec: async (sql) => {
    await target.query(sql);
  },
});

/**
 * Opens a `pg` connection pool. Any number of server processes may share the
 * database: every cross-request invariant is enforced with row locks,
 * conditional writes or unique keys, never with process memory.
 *
 * @example
 * const db = await openPostgres({ connectionString: process.env.DATABASE_URL })
 */
export async function openPostgres(options: PostgresOptions = {}): Promise<SqlDatabase> {
  const connectionString = options.connectionString ?? env('DATABASE_URL');
  if (!connectionString) {
    throw new Error('store.connectionString (or the DATABASE_URL environment variable) must be a postgres:// URL; received nothing.');
  }
  const pg = await import('pg');
  const PoolClass = (pg.default?.Pool ?? (pg as unknown as { Pool: typeof Pool }).Pool) as typeof Pool;
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`store.schema must be a lower-case SQL identifier such as "cartlift"; received ${JSON.stringify(schema)}.`);
  }
  const ClientClass = (pg.default?.Client ?? (pg as unknown as { Client: typeof Client }).Client) as typeof Client;
  // A server that does not answer (a dropped network, not a refusal) fails the request in seconds, as a 503, instead of
  // hanging it. Set on each connection, not on the pool: the pool's own option would also fail requests that merely
  // wait their turn for a busy pool under load.
  class TimedClient extends ClientClass {
    constructor(config?: ClientConfig) {
      super({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    }
  }
  const pool = new PoolClass({
    connectionString,
    max: options.max ?? 10,
    Client: TimedClient,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process.
  pool.on('error', (error) => console.error('[cartlift] PostgreSQL pool error:', error.message));
  if (schema) {
    try {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`).catch((error: { code?: string }) => {
        // Two processes creating it at once: the loser's unique violation is harmless.
        if (error.code !== '23505' && error.code !== '42P06') throw error;
      });
    } catch (error) {
      // The database is down at open: this pool is dropped, and the next open makes a new one.
      await pool.end().catch(() => {});
      throw error;
    }
  }
  return fromPool(pool);
}

/**
 * Wraps an existing pool (yours to create, ours to end on close).
 *
 * @example
 * const store = createSqlStore(fromPool(new pg.Pool({ connectionString, ssl: true })))
 */
export function fromPool(pool: Pool): SqlDatabase {
  return {
    kind: 'postgres',
    ...wrap(pool),
    transaction: (fn) =>
      withClient(pool, async (client) => {
        await client.query('BEGIN');
        try {
          const result = await fn(wrap(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        }
      }),
    exclusive: (key, fn) =>
      withClient(pool, async (client) => {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await fn(wrap(client));
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [key]);
        }
      }),
    close: () => pool.end(),
  };
}
