import type { AddOnOffer, ConfigResponse } from '@cartlift/core/contract';
import { publicPromotions } from '@cartlift/discounts';
import { json } from '../http/errors.js';
import type { HandlerContext } from '../options.js';

/** Add-on offers may change in a callback catalog: `/config` asks again after this long. */
const ADD_ON_TTL_MS = 60_000;

/**
 * Add-on offers by the sku that offers them: from a listed catalog, or from
 * a callback catalog's `listAddOns`. A failing `listAddOns` is logged and
 * the config served without add-ons (the storefront keeps working).
 */
async function addOnOffers(ctx: HandlerContext): Promise<{ offers: Record<string, AddOnOffer[]>; failed: boolean }> {
  const offers: Record<string, AddOnOffer[]> = {};
  const listed = ctx.catalog.all();
  if (listed) {
    for (const product of listed) if (product.addOns?.length) offers[product.sku] = product.addOns;
    return { offers, failed: false };
  }
  if (!ctx.catalog.addOnOffers) return { offers, failed: false };
  try {
    for (const [sku, list] of Object.entries(await ctx.catalog.addOnOffers())) if (list.length) offers[sku] = list;
    return { offers, failed: false };
  } catch (error) {
    ctx.logger.error('[cartlift] GET /config is served without add-on offers: the catalog could not list them.', error);
    return { offers: {}, failed: true };
  }
}

async function etagOf(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const hex = [...new Uint8Array(digest).slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `"${hex}"`;
}

/**
 * `GET /config`: what the browser may know. Only public parts of promotions
 * (never secret codes), the publishable key (never the secret key). Revalidated
 * with an ETag so unchanged config costs a 304.
 */
export function configRoute(ctx: HandlerContext) {
  let cached: Promise<{ body: string; etag: string; until: number; promotionsVersion: number }> | undefined;
  // A listed catalog never changes; a callback catalog's add-ons are asked for again after a while.
  const refreshes = !ctx.catalog.all() && ctx.catalog.addOnOffers !== undefined;
  const build = async () => {
    const { offers, failed } = await addOnOffers(ctx);
    const body = JSON.stringify({
      publishableKey: ctx.stripeOptions.publishableKey,
      ...(ctx.stripeOptions.jsUrl ? { stripeJsUrl: ctx.stripeOptions.jsUrl } : {}),
      currency: ctx.currency,
      promotions: publicPromotions(ctx.promotions).promotions,
      addOns: offers,
      shippingOptions: ctx.shippingOptions,
      limits: { maxQuantity: ctx.limits.maxQuantity, maxLines: ctx.limits.maxLines },
      // The thank-you screen offers "Review later" only where a mailer would send it.
      reviewEmails: ctx.onReviewInvitation !== undefined,
    } satisfies ConfigResponse);
    // A failure is not kept: the next request asks again.
    return { body, etag: await etagOf(body), until: failed ? 0 : refreshes ? ctx.now() + ADD_ON_TTL_MS : Infinity, promotionsVersion: ctx.promotionsVersion };
  };
  return async (request: Request): Promise<Response> => {
    if (cached) {
      const current = cached;
      const { until, promotionsVersion } = await current;
      // A newly published promotions version is a new config (and ETag) at once.
      if ((ctx.now() >= until || promotionsVersion !== ctx.promotionsVersion) && cached === current) cached = undefined;
    }
    cached ??= build();
    const { body, etag } = await cached;
    const headers = { etag, 'cache-control': 'no-cache' };
    const match = request.headers.get('if-none-match');
    if (match?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')) {
      return new Response(null, { status: 304, headers });
    }
    return new Response(body, { status: 200, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
  };
}

export { json };
