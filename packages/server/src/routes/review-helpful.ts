import type { HandlerContext as RequestContext } from '../http/node.js';
import { parseJson, readBody } from '../http/body.js';
import { HttpError, json } from '../http/errors.js';
import type { HandlerContext } from '../options.js';
import type { RateLimiter } from '../rate-limit.js';
import { clientIp } from './client.js';
import { takeReviewAllowance } from './review-limits.js';

const ID = /^[A-Za-z0-9_-]{1,128}$/;
const SHOPPER = /^[A-Za-z0-9_-]{8,128}$/;

function voteOf(body: unknown): { review: string; shopper: string; helpful: boolean } {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const describe = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value)?.slice(0, 60));
  if (typeof b.review !== 'string' || !ID.test(b.review))
    throw new HttpError(400, 'invalid_request', `review must be the id of a published review; received ${describe(b.review)}.`, 'review');
  if (typeof b.shopper !== 'string' || !SHOPPER.test(b.shopper))
    throw new HttpError(
      400,
      'invalid_request',
      `shopper must be the shopper's anonymous id, 8 to 128 letters, digits, "-" or "_"; received ${describe(b.shopper)}.`,
      'shopper',
    );
  if (typeof b.helpful !== 'boolean') throw new HttpError(400, 'invalid_request', `helpful must be true or false; received ${describe(b.helpful)}.`, 'helpful');
  return { review: b.review, shopper: b.shopper, helpful: b.helpful };
}

/**
 * `POST /reviews/helpful {review, shopper, helpful}`: one vote per shopper per
 * published review. 200 `{ counted, helpful, notHelpful }`; a second vote by
 * the same shopper is not an error, it answers `counted: false` and the
 * unchanged counts (the widget shows them either way).
 *
 * @example
 * { method: 'POST', path: '/reviews/helpful', handler: helpfulRoute(ctx, limiter) }
 */
export function helpfulRoute(ctx: HandlerContext, limiter: RateLimiter) {
  return async (request: Request, context?: RequestContext): Promise<Response> => {
    await takeReviewAllowance(ctx, limiter, 'votes', clientIp(ctx, request, context));
    const vote = voteOf(parseJson(await readBody(request, { limit: 4096, json: true })));
    const store = await ctx.store();
    const counted = await store.voteHelpful({ reviewId: vote.review, shopper: vote.shopper, helpful: vote.helpful, now: ctx.now() });
    if (!counted) throw new HttpError(404, 'unknown_review', `review ${JSON.stringify(vote.review)} is not a published review.`, 'review');
    return json(counted);
  };
}
