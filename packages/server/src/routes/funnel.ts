import { requireReportAccess } from '../analytics/access.js';
import { buildFunnel, FUNNEL_STEPS, parseFunnelQuery, type FunnelGroup, type FunnelQuery } from '../analytics/funnel.js';
import { sumOrders, withOrders, type LedgerTotals } from '../analytics/ledger-totals.js';
import { compareReviewFilters, type ReviewFilterComparison } from '../analytics/review-filter-comparison.js';
import { type ArComparison, compareArUse } from '../analytics/ar-comparison.js';
import { json } from '../http/errors.js';
import type { HandlerContext as RequestContext } from '../http/node.js';
import type { HandlerContext } from '../options.js';
import type { RateLimiter } from '../rate-limit.js';

/** What the JSON route and the report page show for one funnel query. */
export interface LoadedFunnel {
  groups: FunnelGroup[];
  totals: LedgerTotals;
  /** The whole range's shoppers, those who used a reviews filter against those who didn't. */
  reviewFilters: ReviewFilterComparison;
  /** AR launches per mode, and the range's shoppers who used AR against those who didn't. */
  ar: ArComparison;
}

/**
 * Runs a funnel query against the store: shoppers per step from the events,
 * paid orders and revenue from the ledger, the reviews-filter comparison and AR's.
 * Shared by the JSON route and the report page.
 *
 * @example
 * const { groups, totals, reviewFilters } = await loadFunnel(ctx, parseFunnelQuery(params, ctx.now()))
 */
export async function loadFunnel(ctx: HandlerContext, query: FunnelQuery): Promise<LoadedFunnel> {
  const store = await ctx.store();
  const byDay = query.by === 'day';
  const range = { from: query.from, to: query.to };
  const [rows, orders, filterRows, arRows, arCounts] = await Promise.all([
    store.funnelRows({ ...range, steps: FUNNEL_STEPS, byDay, experiment: query.experiment ?? undefined }),
    store.orderTotals({ ...range, byDay, experiment: query.experiment ?? undefined }),
    store.reviewFilterRows({ ...range, steps: FUNNEL_STEPS }),
    store.arUseRows({ ...range, steps: FUNNEL_STEPS }),
    store.arLaunchCounts(range),
  ]);
  return {
    groups: withOrders(buildFunnel(rows, query), orders, query),
    totals: sumOrders(orders),
    reviewFilters: compareReviewFilters(filterRows),
    ar: compareArUse(arRows, arCounts),
  };
}

/**
 * `GET /funnel?from=&to=&by=variant|day&experiment=KEY`: shoppers per step
 * (furthest step reached), drop-off and step-to-step conversion in basis
 * points, per UTC day or per experiment variant; paid orders, revenue and
 * collection coverage from the ledger for the range and per group. Each step's
 * `source` says whether only browsers reported it (`browser`) or paid orders back it.
 * `reviewFilters` compares the range's shoppers who used a reviews filter with
 * those who didn't (add-to-cart, checkout and purchase rates, the difference
 * and its 95% interval); `ar` counts AR launches per mode and compares the
 * shoppers who used AR with those who didn't, the same way. Behind the report token.
 */
export function funnelRoute(ctx: HandlerContext, tokenLimiter: RateLimiter) {
  return async (request: Request, context?: RequestContext): Promise<Response> => {
    await requireReportAccess(ctx, request, context, tokenLimiter, 'Bearer');
    const query = parseFunnelQuery(new URL(request.url).searchParams, ctx.now());
    const { groups, totals, reviewFilters, ar } = await loadFunnel(ctx, query);
    const { counters } = ctx.analytics;
    return json({
      from: new Date(query.from).toISOString(),
      to: new Date(query.to).toISOString(),
      by: query.by,
      experiment: query.experiment,
      unit: 'shopper',
      steps: FUNNEL_STEPS,
      // Browser events anyone can post decide every step but purchase; purchases and orders are paid orders.
      sources: { steps: 'browser', purchase: 'paid_orders', orders: 'paid_orders' },
      ...totals,
      groups,
      reviewFilters,
      ar,
      counters: { ...counters, since: new Date(counters.since).toISOString() },
    });
  };
}
