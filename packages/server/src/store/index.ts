export type {
  AnalyticsEventRecord,
  FunnelRow,
  FunnelRowsQuery,
  ReviewFilterRow,
  ArUseRow,
  ArLaunchCount,
  CheckoutRecord,
  CodeBatch,
  CodeBatchStatus,
  CodeStatus,
  SingleUseCode,
  OrderRecord,
  OrderTotalsQuery,
  OrderTotalsRow,
  PaymentFacts,
  PromotionClaim,
  PromotionUsage,
  RateWindow,
  Store,
} from './types.js';
export type { SqlClient, SqlDatabase } from './sql.js';
export { MIGRATIONS, migrate, type Migration } from './migrations.js';
export { createSqlStore } from './sql-store.js';
export { fromPGlite, openPGlite, type PGliteOptions } from './pglite.js';
export { fromPool, openPostgres, type PostgresOptions } from './postgres.js';
export { openStore, type StoreOptions } from './open-store.js';
export { isDatabaseOutage, StoreUnavailableError } from './outage.js';
