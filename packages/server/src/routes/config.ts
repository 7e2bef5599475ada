import { publicPromotions } from '@cartlift/discounts';
import { json } from '../http/errors';
import type { HandlerContext } from '../options';

/** Add-on offers by the sku that offers them, from a listed catalog. */
function addOnOffers(ctx: HandlerContext) {
  const offers: Record<string, unknown[]> = {};
  for (const product of ctx.catalog.all() ?? []) {
    if (product.addOns?.length) offers[product.sku] = product.addOns;
  }
  return offers;
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
  let cached: Promise<{ body: string; etag: string }> | undefined;
  const build = async () => {
    const body = JSON.stringify({
      publishableKey: ctx.stripeOptions.publishableKey,
      ...(ctx.stripeOptions.jsUrl ? { stripeJsUrl: ctx.stripeOptions.jsUrl } : {}),
      currency: ctx.currency,
      promotions: publicPromotions(ctx.promotions).promotions,
      addOns: addOnOffers(ctx),
      shippingOptions: ctx.shippingOptions,
      limits: { maxQuantity: ctx.limits.maxQuantity, maxLines: ctx.limits.maxLines },
    });
    return { body, etag: await etagOf(body) };
  };
  return async (request: Request): Promise<Response> => {
    cached ??= build();
    const { body, etag } = await cached;
    const headers = { etag, 'cache-control': 'no-cache' };
    const match = request.headers.get('if-none-match');
    if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')) {
      return new Response(null, { status: 304, headers });
    }
    return new Response(body, { status: 200, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
  };
}

export { json };
