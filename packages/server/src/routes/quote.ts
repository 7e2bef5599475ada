import { describeReason, type EvaluateResult } from '@cartlift/discounts';
import { parseJson, readBody } from '../http/body';
import { json } from '../http/errors';
import type { HandlerContext as RequestContext } from '../http/node';
import { parseWith } from '../http/validation';
import type { HandlerContext } from '../options';
import { normalizeEmail } from '../email';
import { customerFacts, priceCart, pricingContext } from '../pricing';
import type { RateLimiter } from '../rate-limit';
import { identify } from '../identify';
import { quoteBody } from '../requests';
import { verifyCartLink } from '../cart-links';
import { clientIp, settleCouponAttempts, takeCouponAttempts } from './client';

/**
 * `POST /quote`: re-prices the cart from the catalog with server-decided
 * customer facts; answers the engine's result shape.
 */
export function quoteRoute(ctx: HandlerContext, limiter: RateLimiter) {
  const schema = quoteBody(ctx.limits);
  return async (request: Request, context?: RequestContext): Promise<Response> => {
    const parsed = parseWith(schema, parseJson(await readBody(request, { limit: ctx.limits.bodyBytes, json: true })));
    // A cart link stands for its own lines and coupon: the signature covers those, not what the browser sent beside it.
    const body = parsed.link ? { ...parsed, ...(await verifyCartLink(parsed.link, ctx.cartLinks, ctx.limits.maxQuantity)) } : parsed;
    const ip = clientIp(ctx, request, context);
    // Count the codes and refuse a guesser before pricing anything for them.
    const ticket = await takeCouponAttempts(ctx, limiter, body.codes, ip, body.contact?.email ? normalizeEmail(body.contact.email) : null, body.cartId);
    let result: EvaluateResult | undefined;
    try {
      const store = await ctx.store();
      const identity = await identify(ctx.identifyCustomer, request, body.contact?.email ?? null);
      const facts = await customerFacts(store, body.contact?.email, identity);
      result = await priceCart(pricingContext(ctx, store), body, facts, { now: ctx.now() });
    } finally {
      await settleCouponAttempts(limiter, ticket, result?.notApplied ?? null);
    }
    // The engine leaves sentences to describeReason; the HTTP answer keeps an English one per entry.
    const products = await ctx.catalog.lookup(result.lines.map((line) => line.sku));
    return json({
      ...result,
      // Names let a cart filled from a link show what it holds; they are display text, never prices.
      lines: result.lines.map((line) => ({ ...line, name: products.get(line.sku)?.name })),
      notApplied: result.notApplied.map((entry) => ({ ...entry, message: describeReason(entry) })),
    });
  };
}
