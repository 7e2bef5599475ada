import { FUNNEL_STEPS, parseFunnelQuery } from '../analytics/funnel.js';
import { compareReviewFilters } from '../analytics/review-filter-comparison.js';
import { json } from '../http/errors.js';
import type { HandlerContext } from '../options.js';
import type { Route, RouteHandler } from '../router.js';
import { requireAdmin } from './require-admin.js';

/** Shoppers who filtered reviews against those who didn't, for the console (a session, not the report token). */
const reviewFilters =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    await requireAdmin(ctx, request, { role: 'viewer', change: false });
    const asked = new URL(request.url).searchParams;
    // Only the range: the comparison is over all of its shoppers, never per day or variant.
    const range = new URLSearchParams();
    for (const name of ['from', 'to']) if (asked.has(name)) range.set(name, asked.get(name)!);
    const { from, to } = parseFunnelQuery(range, ctx.now());
    const store = await ctx.store();
    const rows = await store.reviewFilterRows({ from, to, steps: FUNNEL_STEPS });
    return json({ from: new Date(from).toISOString(), to: new Date(to).toISOString(), reviewFilters: compareReviewFilters(rows) });
  };

/**
 * The console's read-only funnel view: `GET /admin/api/review-filters?from=&to=`
 * (the funnel's range parameters, default the 30 days before now), any signed-in role.
 *
 * @example
 * const routes = [...funnelRoutes(ctx)];
 */
export function funnelRoutes(ctx: HandlerContext): Route[] {
  return [{ method: 'GET', path: '/admin/api/review-filters', handler: reviewFilters(ctx) }];
}
