import { ID_PATTERN } from '@cartlift/core/contract';
import type { HandlerContext as RequestContext } from '../http/node.js';
import { parseJson, readBody } from '../http/body.js';
import { HttpError, json } from '../http/errors.js';
import type { HandlerContext } from '../options.js';
import type { RateLimiter } from '../rate-limit.js';
import { mailReviewInvitations } from '../reviews/invitations.js';
import { clientIp } from './client.js';
import { takeReviewAllowance } from './review-limits.js';
import { invitationFor } from './review-submit.js';

/**
 * `GET /reviews/invitation?token=`: what a review link is for, so the form can
 * say "Your review of …" and ask the shop's fit questions: 200 `{ sku, variant?,
 * productName, expiresAt, used: false, attributes }` (`reviews.attributes`);
 * 404 for a token this shop did not sign, 410 once used or expired.
 *
 * @example
 * { method: 'GET', path: '/reviews/invitation', handler: invitationRoute(ctx) }
 */
export function invitationRoute(ctx: HandlerContext) {
  return async (request: Request): Promise<Response> => {
    const token = new URL(request.url).searchParams.get('token');
    if (!token) throw new HttpError(400, 'invalid_request', 'token is required: the cartlift-review value of the review link.', 'token');
    const invitation = await invitationFor(ctx, await ctx.store(), token);
    return json({
      sku: invitation.sku,
      ...(invitation.variant ? { variant: invitation.variant } : {}),
      productName: invitation.productName,
      expiresAt: invitation.expiresAt,
      used: false,
      attributes: ctx.reviews.attributes,
    });
  };
}

/**
 * `POST /reviews/remind {checkoutId}`: the thank-you screen's "Review later":
 * mails the order's unused review links again through `onReviewInvitation`.
 * The checkout id is the proof: the shopper's browser made it (a UUID) and
 * only it and this server know it, so no one can mail links for another's
 * order. At most once per order per day (a repeat answers `sent: false`), and
 * `reviews.perHour.reminders` per address.
 *
 * @example
 * { method: 'POST', path: '/reviews/remind', handler: remindRoute(ctx, limiter, storeRateLimiter(ctx.store, 86_400_000)) }
 */
export function remindRoute(ctx: HandlerContext, perIp: RateLimiter, perOrderDaily: RateLimiter) {
  return async (request: Request, context?: RequestContext): Promise<Response> => {
    await takeReviewAllowance(ctx, perIp, 'reminders', clientIp(ctx, request, context));
    const body = parseJson(await readBody(request, { limit: 4096, json: true })) as { checkoutId?: unknown } | null;
    const checkoutId = body?.checkoutId;
    if (typeof checkoutId !== 'string' || !ID_PATTERN.test(checkoutId))
      throw new HttpError(400, 'invalid_request', 'checkoutId must be the id of the paid checkout, 8 to 128 letters, digits, "-" or "_".', 'checkoutId');
    if (!ctx.onReviewInvitation)
      throw new HttpError(409, 'review_email_unavailable', 'This shop sends no review emails (no onReviewInvitation hook is configured).');
    const store = await ctx.store();
    const order = await store.orderOfCheckout(checkoutId);
    if (!order) throw new HttpError(404, 'unknown_order', 'checkoutId names no paid order on this server.', 'checkoutId');
    const { wait } = await perOrderDaily.take([{ key: `review-remind:${order.paymentIntentId}`, limit: 1 }], ctx.now(), 1);
    if (wait > 0) return json({ sent: false, reason: 'The review links for this order were already sent today.' }, 202);
    const links = await mailReviewInvitations(ctx, store, order);
    return json(links > 0 ? { sent: true, links } : { sent: false, reason: 'This order has no unused review links.' }, 202);
  };
}
