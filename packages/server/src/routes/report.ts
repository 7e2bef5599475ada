import { requireReportAccess } from '../analytics/access.js';
import { parseFunnelQuery } from '../analytics/funnel.js';
import { REPORT_CSS, renderReport, renderReportError } from '../analytics/report.js';
import { pickLocale } from '../analytics/report-text.js';
import { HttpError } from '../http/errors.js';
import type { HandlerContext as RequestContext } from '../http/node.js';
import type { HandlerContext } from '../options.js';
import type { RateLimiter } from '../rate-limit.js';
import { loadFunnel } from './funnel.js';

// No script and no inline style anywhere: the page works under the strictest policy.
const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/**
 * `GET /funnel/report`: the funnel as an HTML page (English, or Chinese with
 * `?locale=zh-CN` or Accept-Language). Behind the report token; a browser
 * asks for it as a password (HTTP Basic).
 */
export function reportRoute(ctx: HandlerContext, tokenLimiter: RateLimiter) {
  return async (request: Request, context?: RequestContext): Promise<Response> => {
    const url = new URL(request.url);
    const locale = pickLocale(url, request.headers.get('accept-language'));
    const headers = { ...HTML_HEADERS, 'content-language': locale, vary: 'Accept-Language' };
    try {
      await requireReportAccess(ctx, request, context, tokenLimiter, 'Basic');
      const query = parseFunnelQuery(url.searchParams, ctx.now());
      const { groups, totals, reviewFilters, ar } = await loadFunnel(ctx, query);
      return new Response(renderReport({ query, groups, totals, reviewFilters, ar, counters: ctx.analytics.counters, locale }), { status: 200, headers });
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      return new Response(renderReportError(error.message, locale, url.searchParams), { status: error.status, headers: { ...headers, ...error.headers } });
    }
  };
}

/** `GET /funnel/report.css`: the report's static stylesheet (no business data, no token needed). */
export function reportStylesRoute() {
  return async (): Promise<Response> =>
    new Response(REPORT_CSS, {
      status: 200,
      headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' },
    });
}
