/**
 * The few database operations the store needs, so one SQL store serves both
 * PGlite and PostgreSQL. Parameters use `$1` placeholders in both.
 */
export interface SqlClient {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface SqlDatabase extends SqlClient {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; rolls back when it throws. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` while holding a lock that every process sharing the database
   * respects (a session advisory lock on PostgreSQL), so migrations applied by
   * several processes starting at once never race.
   */
  exclusive<T>(key: number, fn: (client: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
