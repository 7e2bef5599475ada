import { describeReason } from '@cartlift/discounts';
import { parseJson, readBody } from '../http/body';
import { json } from '../http/errors';
import type { HandlerContext as RequestContext } from '../http/node';
import { parseWith } from '../http/validation';
import type { HandlerContext } from '../options';
import { normalizeEmail } from '../email';
import { customerFacts, priceCart, pricingContext } from '../pricing';
import type { RateLimiter } from '../rate-limit';
import { quoteBody } from '../requests';
import { checkCouponRate, clientIp, recordCouponFailures } from './client';

/**
 * `POST /quote`: re-prices the cart from the catalog with server-decided
 * customer facts; answers the engine's result shape.
 */
export function quoteRoute(ctx: HandlerContext, limiter: RateLimiter) {
  const schema = quoteBody(ctx.limits);
  return async (request: Request, context?: RequestContext): Promise<Response> => {
    const body = parseWith(schema, parseJson(await readBody(request, { limit: ctx.limits.bodyBytes, json: true })));
    const ip = clientIp(ctx, request, context);
    // Refuse a guesser before spending a database round trip on them.
    checkCouponRate(ctx, limiter, body.codes, ip, body.contact?.email ? normalizeEmail(body.contact.email) : null);
    const store = await ctx.store();
    const facts = await customerFacts(store, body.contact?.email);
    const result = await priceCart(pricingContext(ctx, store), body, facts, { now: ctx.now() });
    recordCouponFailures(ctx, limiter, result.notApplied, ip, facts.emailNormalized);
    // The engine leaves sentences to describeReason; the HTTP answer keeps an English one per entry.
    return json({ ...result, notApplied: result.notApplied.map((entry) => ({ ...entry, message: describeReason(entry) })) });
  };
}
