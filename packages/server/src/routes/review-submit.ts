import { randomBytes } from 'node:crypto';
import { type Review, type ReviewSubmission, reviewSubmissionProblems } from '@cartlift/reviews';
import type { HandlerContext as RequestContext } from '../http/node.js';
import { parseJson, readBody } from '../http/body.js';
import { HttpError, json } from '../http/errors.js';
import type { HandlerContext } from '../options.js';
import type { RateLimiter } from '../rate-limit.js';
import { verifiedTokenHash } from '../reviews/invitations.js';
import { profanityHold } from '../reviews/profanity.js';
import type { Store } from '../store/types.js';
import { clientIp } from './client.js';
import { takeReviewAllowance } from './review-limits.js';

/**
 * The product a review is about and whether it is a verified purchase: from
 * the invitation when there is one (never from the client's `product`), else
 * the client's product, when the shop accepts unverified reviews.
 *
 * @example
 * const { sku, verified, invitationHash } = await reviewedLine(ctx, store, submission)
 */
export async function reviewedLine(
  ctx: HandlerContext,
  store: Store,
  submission: ReviewSubmission,
): Promise<{ sku: string; variant?: string; verified: boolean; invitationHash?: string }> {
  if (submission.invitation !== undefined) {
    const invitation = await invitationFor(ctx, store, submission.invitation);
    return { sku: invitation.sku, ...(invitation.variant ? { variant: invitation.variant } : {}), verified: true, invitationHash: invitation.hash };
  }
  if (!ctx.reviews.acceptUnverified) {
    throw new HttpError(
      403,
      'invitation_required',
      'This shop publishes reviews from its customers only: send the invitation token from the review link in the order email.',
      'invitation',
    );
  }
  const sku = submission.product!;
  if (!(await ctx.catalog.lookup([sku])).has(sku))
    throw new HttpError(404, 'unknown_product', `product ${JSON.stringify(sku)} is not in this shop's catalog.`, 'product');
  return { sku, ...(submission.variant ? { variant: submission.variant } : {}), verified: false };
}

/**
 * An invitation a shopper may still use, with its token's hash, or the
 * refusal: 404 for a token this shop did not sign or does not have, 410 for
 * one used or past its 180 days.
 *
 * @example
 * const invitation = await invitationFor(ctx, store, token)
 */
export async function invitationFor(ctx: HandlerContext, store: Store, token: string) {
  const hash = await verifiedTokenHash(ctx, store, token);
  const invitation = hash === null ? null : await store.reviewInvitation(hash);
  if (!hash || !invitation)
    throw new HttpError(
      404,
      'unknown_invitation',
      'invitation is not a review link this shop sent; use the link from the order email, unchanged.',
      'invitation',
    );
  if (invitation.usedAt !== null)
    throw new HttpError(410, 'invitation_used', 'invitation was already used: each review link writes one review.', 'invitation', {}, { used: true });
  if (invitation.expiresAt <= ctx.now())
    throw new HttpError(
      410,
      'invitation_expired',
      `invitation expired on ${new Date(invitation.expiresAt).toISOString().slice(0, 10)}: review links work for 180 days after the order.`,
      'invitation',
      {},
      { used: false },
    );
  return { ...invitation, hash };
}

/**
 * `POST /reviews`: a shopper's review (see docs/server.md). Answers 201
 * `{ id, status }`: `pending` under `moderation: 'all'`, or with
 * `moderation: 'flagged'` `published` unless the profanity check holds it.
 *
 * @example
 * { method: 'POST', path: '/reviews', handler: submitReviewRoute(ctx, storeRateLimiter(ctx.store, 3_600_000)) }
 */
export function submitReviewRoute(ctx: HandlerContext, limiter: RateLimiter) {
  return async (request: Request, context?: RequestContext): Promise<Response> => {
    await takeReviewAllowance(ctx, limiter, 'submissions', clientIp(ctx, request, context));
    const read = reviewSubmissionProblems(parseJson(await readBody(request, { limit: ctx.limits.bodyBytes, json: true })), {
      attributes: ctx.reviews.attributes,
    });
    if ('problems' in read) {
      const message = read.problems.map((problem) => problem.message).join(' ');
      throw new HttpError(400, 'invalid_request', message, read.problems[0]?.field, {}, { problems: read.problems });
    }
    const submission = read.submission;
    const store = await ctx.store();
    const line = await reviewedLine(ctx, store, submission);
    const heldFor = profanityHold([submission.title, submission.body, submission.author]);
    const status = ctx.reviews.moderation === 'flagged' && heldFor === null ? 'published' : 'pending';
    const review: Review = {
      id: `rv_${randomBytes(12).toString('base64url')}`,
      sku: line.sku,
      ...(line.variant ? { variant: line.variant } : {}),
      rating: submission.rating,
      title: submission.title,
      body: submission.body,
      author: submission.author,
      language: submission.language,
      photos: [],
      attributes: submission.attributes,
      helpful: 0,
      notHelpful: 0,
      createdAt: ctx.now(),
      status,
      ...(heldFor ? { heldFor } : {}),
      verified: line.verified,
    };
    const stored = await store.submitReview(review, {
      invitationHash: line.invitationHash,
      photoIds: submission.photos,
      photoUrl: (id) => `${ctx.basePath}/reviews/photos/${id}`,
      now: review.createdAt,
    });
    if (stored === 'invitation_spent')
      throw new HttpError(410, 'invitation_used', 'invitation was already used: each review link writes one review.', 'invitation', {}, { used: true });
    if (stored === 'photo_unavailable')
      throw new HttpError(409, 'photo_unavailable', 'photos must name photos uploaded with POST /reviews/photos and not already on a review.', 'photos');
    return json({ id: review.id, status }, 201);
  };
}
