import { migrate } from './migrations.js';
import type { SqlDatabase } from './sql.js';
import { adminMethods } from './sql-admin.js';
import { analyticsMethods } from './sql-analytics.js';
import { checkoutMethods } from './sql-checkouts.js';
import { codeMethods } from './sql-codes.js';
import { ledgerMethods } from './sql-ledger.js';
import { orderTotalsMethods } from './sql-order-totals.js';
import { promotionMethods } from './sql-promotions.js';
import { promotionStatsMethods } from './sql-promotion-stats.js';
import { promotionVersionMethods } from './sql-promotion-versions.js';
import { quotedCartMethods } from './sql-quoted-carts.js';
import { rateLimitMethods } from './sql-rate-limits.js';
import { reviewModerationMethods } from './sql-review-moderation.js';
import { type ReviewMethodOptions, reviewMethods } from './sql-reviews.js';
import { reviewSubmissionMethods } from './sql-review-submissions.js';
import { backfillReviewTerms } from './sql-review-terms.js';
import type { Store } from './types.js';

/**
 * The `Store` over SQL, shared by the PGlite and PostgreSQL adapters.
 *
 * @example
 * const store = createSqlStore(await openPGlite({ memory: true }), { reviewIndex: { minReviews: 2000 } })
 * await store.migrate()
 */
export function createSqlStore(db: SqlDatabase, options: ReviewMethodOptions = {}): Store {
  return {
    kind: db.kind,
    // Reviews stored before search terms existed get theirs once migrations are done (SQL cannot segment text).
    migrate: async () => {
      const applied = await migrate(db);
      await backfillReviewTerms(db);
      return applied;
    },
    ...checkoutMethods(db),
    ...promotionMethods(db),
    ...promotionStatsMethods(db),
    ...ledgerMethods(db),
    ...analyticsMethods(db),
    ...orderTotalsMethods(db),
    ...rateLimitMethods(db),
    ...promotionVersionMethods(db),
    ...quotedCartMethods(db),
    ...adminMethods(db),
    ...codeMethods(db),
    ...reviewMethods(db, options),
    ...reviewSubmissionMethods(db),
    ...reviewModerationMethods(db),
    close: () => db.close(),
  };
}
