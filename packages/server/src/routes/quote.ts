import type { QuoteResponse } from '@cartlift/core/contract';
import { describeReason, type EvaluateResult } from '@cartlift/discounts';
import { parseJson, readBody } from '../http/body.js';
import { json } from '../http/errors.js';
import type { HandlerContext as RequestContext } from '../http/node.js';
import { parseWith } from '../http/validation.js';
import type { HandlerContext } from '../options.js';
import { normalizeEmail } from '../email.js';
import { type CustomerFacts, customerFacts, limitedPromotionIds, priceCart, pricingContext } from '../pricing.js';
import type { Store } from '../store/types.js';
import { reapStaleHolds } from '../checkout/reap.js';
import type { RateLimiter } from '../rate-limit.js';
import { identify } from '../identify.js';
import { quoteBody } from '../requests.js';
import { type SkippedPart, sellableLinkLines, verifyCartLink } from '../cart-links.js';
import type { QuoteBody } from '../requests.js';
import { clientIp, settleCouponAttempts, takeCouponAttempts } from './client.js';

/**
 * `POST /quote`: re-prices the cart from the catalog with server-decided
 * customer facts; answers the engine's result shape.
 */
export function quoteRoute(ctx: HandlerContext, limiter: RateLimiter) {
  const schema = quoteBody(ctx.limits);
  return async (request: Request, context?: RequestContext): Promise<Response> => {
    const parsed = parseWith(schema, parseJson(await readBody(request, { limit: ctx.limits.bodyBytes, json: true })));
    const { body, skipped } = await linkOrBody(ctx, parsed);
    const ip = clientIp(ctx, request, context);
    // Count the codes and refuse a guesser before pricing anything for them.
    const ticket = await takeCouponAttempts(ctx, limiter, body.codes, ip, body.contact?.email ? normalizeEmail(body.contact.email) : null, body.cartId);
    let result: EvaluateResult | undefined;
    try {
      const store = await ctx.store();
      const identity = await identify(ctx.identifyCustomer, request, body.contact?.email ?? null);
      const facts = await customerFacts(store, body.contact?.email, identity);
      // Holds that outlived their attempt would price a promotion as used up.
      await reapStaleHolds(ctx, store, limitedPromotionIds(ctx.promotions));
      result = await priceCart(pricingContext(ctx, store), body, facts, { now: ctx.now() });
      if (ctx.managePromotions) rememberForReplay(ctx, store, body, facts);
    } finally {
      await settleCouponAttempts(limiter, ticket, result?.notApplied ?? null);
    }
    // The engine leaves sentences to describeReason; the HTTP answer keeps an English one per entry.
    const products = await ctx.catalog.lookup(result.lines.map((line) => line.sku));
    return json({
      ...result,
      // Names and images let a cart filled from a link show what it holds; they are display data, never prices.
      lines: result.lines.map((line) => ({ ...line, name: products.get(line.sku)?.name, image: products.get(line.sku)?.image })),
      notApplied: result.notApplied.map((entry) => ({ ...entry, message: describeReason(entry, 'en', result.currency) })),
      ...(skipped ? { skipped } : {}),
    } satisfies QuoteResponse);
  };
}

/**
 * The cart to price: a cart link stands for its own lines and coupon (the
 * signature covers those, not what the browser sent beside it), keeping what
 * the shop sells and listing what was skipped; otherwise the body's lines.
 */
async function linkOrBody(
  ctx: HandlerContext,
  parsed: QuoteBody,
): Promise<{ body: QuoteBody & { lines: NonNullable<QuoteBody['lines']> }; skipped?: SkippedPart[] }> {
  if (!parsed.link) return { body: { ...parsed, lines: parsed.lines ?? [] } };
  const link = await verifyCartLink(parsed.link, ctx.cartLinks, ctx.limits.maxQuantity);
  const sellable = await sellableLinkLines(ctx.catalog, link.lines, ctx.limits.maxLines);
  return { body: { ...parsed, lines: sellable.lines, codes: link.codes }, skipped: [...link.skipped, ...sellable.skipped] };
}

/**
 * Keeps the cart (lines, codes, shipping option; never the shopper) for the
 * console's replay of a draft. Not awaited: a quote never waits on it, and a
 * failure to keep one is only logged.
 */
function rememberForReplay(ctx: HandlerContext, store: Store, body: QuoteBody & { lines: NonNullable<QuoteBody['lines']> }, facts: CustomerFacts): void {
  const cart = {
    lines: body.lines.map(({ sku, variant, quantity }) => ({ sku, ...(variant ? { variant } : {}), quantity })),
    ...(body.codes?.length ? { codes: body.codes } : {}),
    ...(body.shipping?.optionId ? { shipping: { optionId: body.shipping.optionId } } : {}),
  };
  store
    .rememberQuotedCart({ cart, firstPurchase: facts.firstPurchase, segments: facts.segments, now: ctx.now() })
    .catch((error: unknown) => ctx.logger.error('[cartlift] a quoted cart was not kept for replay.', error));
}
