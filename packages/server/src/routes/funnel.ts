import { requireReportAccess } from '../analytics/access';
import { buildFunnel, FUNNEL_STEPS, parseFunnelQuery, type FunnelGroup, type FunnelQuery } from '../analytics/funnel';
import { json } from '../http/errors';
import type { HandlerContext as RequestContext } from '../http/node';
import type { HandlerContext } from '../options';

/** Runs a funnel query against the store. Shared by the JSON route and the report page. */
export async function loadFunnel(ctx: HandlerContext, query: FunnelQuery): Promise<FunnelGroup[]> {
  const rows = await (await ctx.store()).funnelRows({
    from: query.from,
    to: query.to,
    steps: FUNNEL_STEPS,
    byDay: query.by === 'day',
    experiment: query.experiment ?? undefined,
  });
  return buildFunnel(rows, query);
}

/**
 * `GET /funnel?from=&to=&by=variant|day&experiment=KEY`: shoppers per step
 * (furthest step reached), drop-off and step-to-step conversion in basis
 * points, per UTC day or per experiment variant. Behind the report token.
 */
export function funnelRoute(ctx: HandlerContext) {
  return async (request: Request, context?: RequestContext): Promise<Response> => {
    await requireReportAccess(request, context, ctx.analytics.reportToken, 'Bearer');
    const query = parseFunnelQuery(new URL(request.url).searchParams, ctx.now());
    const groups = await loadFunnel(ctx, query);
    const { counters } = ctx.analytics;
    return json({
      from: new Date(query.from).toISOString(),
      to: new Date(query.to).toISOString(),
      by: query.by,
      experiment: query.experiment,
      unit: 'shopper',
      steps: FUNNEL_STEPS,
      groups,
      counters: { ...counters, since: new Date(counters.since).toISOString() },
    });
  };
}
