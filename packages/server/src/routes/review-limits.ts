import { HttpError } from '../http/errors.js';
import type { HandlerContext } from '../options.js';
import type { RateLimiter } from '../rate-limit.js';

/** What a shopper does to reviews, each counted per client IP per hour (`reviews.perHour`). */
export type ReviewAction = 'submissions' | 'photos' | 'votes' | 'reminders';

const WHAT: Record<ReviewAction, string> = {
  submissions: 'reviews',
  photos: 'photo uploads',
  votes: 'helpful votes',
  reminders: '"review later" emails',
};

/**
 * Counts one action against the client's address in the store (every process
 * shares the count): over `reviews.perHour`, a 429 with Retry-After and a
 * sentence saying how long to wait. Refused requests do not count.
 *
 * @example
 * await takeReviewAllowance(ctx, limiter, 'votes', ip)
 */
export async function takeReviewAllowance(ctx: HandlerContext, limiter: RateLimiter, action: ReviewAction, ip: string): Promise<void> {
  const limit = ctx.reviews.perHour[action];
  const { wait } = await limiter.take([{ key: `review-${action}:${ip}`, limit }], ctx.now(), 1);
  if (wait > 0) {
    throw new HttpError(
      429,
      'too_many_requests',
      `Too many ${WHAT[action]} from this address (at most ${limit} an hour); wait ${wait} seconds before trying again.`,
      undefined,
      { 'retry-after': String(wait) },
    );
  }
}
