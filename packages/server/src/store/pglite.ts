import { isFolderPath, prepareDataFolder, tightenDataFolder } from './pglite-folder.js';
import type { SqlClient, SqlDatabase } from './sql.js';

type PGliteLike = {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
  transaction<T>(
    fn: (tx: { query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>; exec(sql: string): Promise<unknown> }) => Promise<T>,
  ): Promise<T>;
  close(): Promise<void>;
};

export interface PGliteOptions {
  /** Directory for the data files; `memory://` (or omit with `memory: true`) keeps everything in memory. Default `./.cartlift`. */
  dataDir?: string;
  /** In-memory database, for tests. */
  memory?: boolean;
}

/**
 * Opens the embedded PGlite database (Postgres compiled to WebAssembly). It is
 * loaded on demand so PostgreSQL users never pay for it. A data folder is
 * created owner-only, and an existing folder that is not a PGlite database is
 * refused, never re-created empty (see `prepareDataFolder`).
 *
 * @example
 * const db = await openPGlite({ memory: true })
 * const kept = await openPGlite({ dataDir: '/srv/shop/.cartlift' })
 */
export async function openPGlite(options: PGliteOptions = {}): Promise<SqlDatabase> {
  const dataDir = options.memory ? undefined : (options.dataDir ?? './.cartlift');
  const folder = dataDir !== undefined && isFolderPath(dataDir) ? dataDir : undefined;
  if (folder) await prepareDataFolder(folder);
  const { PGlite } = await import('@electric-sql/pglite');
  const db = (await PGlite.create(dataDir === undefined ? {} : { dataDir })) as unknown as PGliteLike;
  const sql = fromPGlite(db);
  if (!folder) return sql;
  await tightenDataFolder(folder);
  return {
    ...sql,
    async close() {
      await sql.close();
      // Files PGlite made since it opened (tables, WAL) are world-writable again. Best effort: the
      // database is closed either way, and the folder's own 0700 keeps others out.
      await tightenDataFolder(folder).catch(() => {});
    },
  };
}

/**
 * Wraps an existing PGlite instance (yours to create, ours to close).
 *
 * @example
 * const store = createSqlStore(fromPGlite(await PGlite.create('./data')))
 */
export function fromPGlite(db: PGliteLike): SqlDatabase {
  const client = (target: Pick<PGliteLike, 'query' | 'exec'>): SqlClient => ({
    query: (sql, params) => target.query(sql, params),
    exec: async (sql) => {
      await target.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...client(db),
    transaction: (fn) => db.transaction((tx) => fn(client(tx))),
    // One connection in one process: PGlite's own queue already serialises.
    exclusive: (_key, fn) => fn(client(db)),
    close: () => db.close(),
  };
}
