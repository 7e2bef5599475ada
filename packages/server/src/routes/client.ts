import { normalizeCode } from '@cartlift/core';
import type { HandlerContext as RequestContext } from '../http/node.js';
import type { HandlerContext } from '../options.js';
import { HttpError } from '../http/errors.js';
import type { RateLimiter } from '../rate-limit.js';
import type { RateWindow } from '../store/types.js';
import { forwardedEntry } from '../trust-proxy.js';

/**
 * The client's IP: the socket's, or behind `trustProxy` hops the right-most
 * X-Forwarded-For address those proxies did not add. Entries further left
 * are never read: behind a proxy that appends, the client writes them.
 *
 * @example
 * // trustProxy: 1, socket 10.0.0.1, "X-Forwarded-For: 1.1.1.1, 198.51.100.9"
 * clientIp(ctx, request, { clientIp: '10.0.0.1' }) // "198.51.100.9"
 */
export function clientIp(ctx: HandlerContext, request: Request, context: RequestContext | undefined): string {
  return forwardedEntry(request.headers.get('x-forwarded-for'), ctx.trustProxy) ?? (context?.clientIp || 'unknown');
}

/** What a request counted against the coupon limits, to settle after pricing. */
export interface CouponTicket {
  windows: RateWindow[];
  /** Distinct codes counted. */
  weight: number;
}

const knownCodes = new WeakMap<HandlerContext['promotions'], Set<string>>();

/**
 * The distinct entered codes that match no promotion, normalised as the
 * engine normalises them (core's `normalizeCode`).
 */
export function unknownCodes(ctx: HandlerContext, codes: readonly string[] | undefined): string[] {
  let known = knownCodes.get(ctx.promotions);
  if (!known) {
    known = new Set(ctx.promotions.promotions.flatMap((promotion) => (promotion.code ? [promotion.code.toUpperCase()] : [])));
    knownCodes.set(ctx.promotions, known);
  }
  const entered = new Set((codes ?? []).map(normalizeCode).filter(Boolean));
  return [...entered].filter((code) => !known.has(code));
}

/**
 * Counts the entered codes that exist nowhere against the cart, the email
 * and the client IP before pricing, in one atomic increment that returns the
 * new counts, and refuses with 429 and Retry-After when that pushes any over
 * its limit (a refused request does not stay counted). The cart and the
 * email have the tight limits; the IP only a higher ceiling, so shoppers
 * behind one address (NAT) each get their own allowance while a flood from
 * it is still stopped. Counting first and judging the count it produced
 * means a parallel burst cannot all pass a check made before any of it was
 * counted. Codes that exist are never counted, so shoppers re-quoting a
 * valid code are never limited, not even for a moment. The 429 names the
 * first unknown code (`codes[1]`), so the browser can drop exactly that one.
 *
 * `cartId` is optional (callers written before it existed still work):
 * without it the request counts against the IP ceiling and the email only.
 *
 * @example
 * const ticket = await takeCouponAttempts(ctx, limiter, body.codes, ip, email, body.cartId);
 */
export async function takeCouponAttempts(
  ctx: HandlerContext,
  limiter: RateLimiter,
  codes: string[] | undefined,
  ip: string,
  email: string | null,
  cartId?: string | null,
): Promise<CouponTicket | null> {
  if (!ctx.rateLimit) return null;
  const unknown = unknownCodes(ctx, codes);
  if (unknown.length === 0) return null;
  const keys = [{ key: `coupon-ip:${ip}`, limit: ctx.rateLimit.perIpCeiling }];
  if (cartId) keys.push({ key: `coupon-cart:${cartId}`, limit: ctx.rateLimit.perCart });
  if (email) keys.push({ key: `coupon-email:${email}`, limit: ctx.rateLimit.perEmail });
  const { wait, windows } = await limiter.take(keys, ctx.now(), unknown.length);
  if (wait > 0) {
    const field = `codes[${(codes ?? []).findIndex((code) => normalizeCode(code) === unknown[0])}]`;
    throw new HttpError(
      429,
      'too_many_coupon_attempts',
      `${field} was not tried: too many coupon codes that do not exist were tried; wait ${wait} seconds before trying another code.`,
      field,
      {
        'retry-after': String(wait),
      },
    );
  }
  return { windows, weight: unknown.length };
}

/**
 * After pricing, gives back what was counted but the engine did not refuse as
 * an unknown code (the two agree by construction; this keeps them agreeing).
 * Without a pricing result (the request failed before its codes were
 * judged) everything is given back: nothing was learnt about the codes.
 */
export async function settleCouponAttempts(
  limiter: RateLimiter,
  ticket: CouponTicket | null,
  notApplied: ReadonlyArray<{ reason: { code: string } }> | null,
): Promise<void> {
  if (!ticket) return;
  const misses = notApplied ? notApplied.filter((entry) => entry.reason.code === 'unknown_code').length : 0;
  const excess = ticket.weight - Math.min(misses, ticket.weight);
  if (excess > 0) await limiter.giveBack(ticket.windows, excess);
}
