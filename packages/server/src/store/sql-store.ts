import { migrate } from './migrations';
import type { SqlDatabase } from './sql';
import { analyticsMethods } from './sql-analytics';
import { checkoutMethods } from './sql-checkouts';
import { ledgerMethods } from './sql-ledger';
import { orderTotalsMethods } from './sql-order-totals';
import { promotionMethods } from './sql-promotions';
import { rateLimitMethods } from './sql-rate-limits';
import type { Store } from './types';

/**
 * The `Store` over SQL, shared by the PGlite and PostgreSQL adapters.
 *
 * @example
 * const store = createSqlStore(await openPGlite({ memory: true }))
 * await store.migrate()
 */
export function createSqlStore(db: SqlDatabase): Store {
  return {
    kind: db.kind,
    migrate: () => migrate(db),
    ...checkoutMethods(db),
    ...promotionMethods(db),
    ...ledgerMethods(db),
    ...analyticsMethods(db),
    ...orderTotalsMethods(db),
    ...rateLimitMethods(db),
    close: () => db.close(),
  };
}
