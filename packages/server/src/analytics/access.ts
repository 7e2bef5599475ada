import { HttpError } from '../http/errors.js';
import type { HandlerContext as RequestContext } from '../http/node.js';
import type { HandlerContext } from '../options.js';
import type { RateLimiter } from '../rate-limit.js';
import { clientIp } from '../routes/client.js';
import { countTokenAttempt } from './token-throttle.js';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;
// A reverse proxy on the same machine makes every visitor look like loopback; its headers give it away.
const PROXY_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip', 'cf-connecting-ip', 'true-client-ip'];
// Names only this machine answers to. A DNS-rebinding page reaches 127.0.0.1 under its own name, so the Host gives it away.
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** Compares digests, so the time taken says nothing about how much of the token matched. */
async function sameSecret(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([digest(a), digest(b)]);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}

/** The token from `Authorization: Bearer <token>` or `Basic base64(anyone:<token>)` (what a browser's password prompt sends). */
function presented(request: Request): string | null {
  const header = request.headers.get('authorization') ?? '';
  const [scheme, value = ''] = header.trim().split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'bearer') return value;
  if (scheme?.toLowerCase() === 'basic') {
    try {
      const decoded = new TextDecoder().decode(Uint8Array.from(atob(value), (c) => c.charCodeAt(0)));
      return decoded.slice(decoded.indexOf(':') + 1);
    } catch {
      return null;
    }
  }
  return null;
}

/** The host name (no port, lower case) of a Host header value, or null when no URL can hold it. */
function hostName(host: string): string | null {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return null;
  }
}

/**
 * True when the request names this machine: its URL's host, and its Host
 * header when there is one, are `localhost`, `127.0.0.1` or `[::1]` (any port).
 *
 * @example
 * isLoopbackHost(new Request('http://localhost:8787/api/cartlift/funnel')) // true
 * isLoopbackHost(new Request('http://rebind.attacker.example:8787/api/cartlift/funnel')) // false
 */
export function isLoopbackHost(request: Request): boolean {
  const header = request.headers.get('host');
  const names = [new URL(request.url).hostname, ...(header === null ? [] : [hostName(header)])];
  return names.every((name) => name !== null && LOOPBACK_HOSTS.has(name));
}

/**
 * True for a request made on this machine, straight to the server (no proxy
 * in between), addressed to this machine by name (not a DNS-rebinding page).
 *
 * @example
 * isLoopback(request, { clientIp: '127.0.0.1' }) // true for curl http://127.0.0.1:8787/api/cartlift/funnel
 */
export function isLoopback(request: Request, context: RequestContext | undefined): boolean {
  return LOOPBACK.test(context?.clientIp ?? '') && PROXY_HEADERS.every((name) => !request.headers.has(name)) && isLoopbackHost(request);
}

/**
 * Lets a funnel request through, or throws: 401 without the right token, 403
 * when no token is configured and the request is not from this machine (by
 * address and by Host), 429 after too many wrong tokens from the address.
 * `challenge` picks the scheme a 401 asks for (Basic makes browsers prompt).
 * `limiter` counts wrong tokens (`reportTokenLimiter`).
 *
 * @example
 * await requireReportAccess(ctx, request, context, limiter, 'Bearer')
 */
export async function requireReportAccess(
  ctx: HandlerContext,
  request: Request,
  context: RequestContext | undefined,
  limiter: RateLimiter,
  challenge: 'Bearer' | 'Basic',
): Promise<void> {
  const token = ctx.analytics.reportToken;
  if (token === null) {
    if (isLoopback(request, context)) return;
    throw new HttpError(
      403,
      'report_token_required',
      'The funnel holds business data, so without a report token it is served only to requests from this machine addressed to localhost, 127.0.0.1 or [::1]; set analytics.reportToken in the handler options (or CARTLIFT_REPORT_TOKEN for cartlift-server) and send it as "Authorization: Bearer <token>".',
      'authorization',
    );
  }
  const given = presented(request);
  if (given !== null && given !== '') {
    // Counted before comparing, and given back when right: only wrong tokens use up the allowance.
    const ticket = await countTokenAttempt(limiter, clientIp(ctx, request, context), ctx.now());
    if (await sameSecret(given, token)) {
      await limiter.giveBack(ticket, 1);
      return;
    }
  }
  throw new HttpError(
    401,
    'unauthorized',
    `The funnel needs the report token: send "Authorization: Bearer <token>" (or the token as the password when the browser asks); received ${given === null ? 'no token' : 'a token that does not match'}.`,
    'authorization',
    { 'www-authenticate': `${challenge} realm="Cartlift funnel", charset="UTF-8"` },
  );
}
