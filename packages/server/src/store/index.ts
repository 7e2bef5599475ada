export type { AnalyticsEventRecord, FunnelRow, FunnelRowsQuery, CheckoutRecord, OrderRecord, OrderTotalsQuery, OrderTotalsRow, PaymentFacts, PromotionClaim, PromotionUsage, RateWindow, Store } from './types';
export type { SqlClient, SqlDatabase } from './sql';
export { MIGRATIONS, migrate, type Migration } from './migrations';
export { createSqlStore } from './sql-store';
export { fromPGlite, openPGlite, type PGliteOptions } from './pglite';
export { fromPool, openPostgres, type PostgresOptions } from './postgres';
export { openStore, type StoreOptions } from './open-store';
