import type { HandlerContext as RequestContext } from '../http/node';
import type { HandlerContext } from '../options';
import { HttpError } from '../http/errors';
import type { RateLimiter } from '../rate-limit';

/** The client's IP: the socket's, or the first X-Forwarded-For hop when the proxy is trusted. */
export function clientIp(ctx: HandlerContext, request: Request, context: RequestContext | undefined): string {
  if (ctx.trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return context?.clientIp || 'unknown';
}

/**
 * Refuses coupon attempts from a client or email that has guessed wrong too
 * often, with 429 and Retry-After. Requests without codes always pass.
 */
export async function checkCouponRate(ctx: HandlerContext, limiter: RateLimiter, codes: string[] | undefined, ip: string, email: string | null): Promise<void> {
  if (!ctx.rateLimit || !codes?.length) return;
  const keys = [{ key: `coupon-ip:${ip}`, limit: ctx.rateLimit.perIp }];
  if (email) keys.push({ key: `coupon-email:${email}`, limit: ctx.rateLimit.perEmail });
  const wait = await limiter.retryAfter(keys, ctx.now());
  if (wait > 0) {
    throw new HttpError(429, 'too_many_coupon_attempts', `Too many coupon codes that do not exist were tried; wait ${wait} seconds before trying another code.`, 'codes', {
      'retry-after': String(wait),
    });
  }
}

/** Counts every entered code that matched no promotion against the client and email. */
export async function recordCouponFailures(
  ctx: HandlerContext,
  limiter: RateLimiter,
  notApplied: ReadonlyArray<{ reason: { code: string } }>,
  ip: string,
  email: string | null,
): Promise<void> {
  if (!ctx.rateLimit) return;
  const misses = notApplied.filter((entry) => entry.reason.code === 'unknown_code').length;
  if (misses) await limiter.hit(email ? [`coupon-ip:${ip}`, `coupon-email:${email}`] : [`coupon-ip:${ip}`], ctx.now(), misses);
}
