import { createHash, randomBytes } from 'node:crypto';
import type { HandlerContext } from '../options.js';
import type { AdminSession, AdminUser } from '../store/types.js';
import { forwardedEntry } from '../trust-proxy.js';

/** The console's cookie. Its value is the session token; the database keeps only the token's SHA-256. */
export const ADMIN_COOKIE = 'cartlift_admin';
/** Header a change must carry, equal to the session's CSRF token. */
export const CSRF_HEADER = 'x-cartlift-csrf';
/** Default `admin.sessionTtlMs`: a working day. */
export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60_000;

/**
 * The SHA-256 (hex) of a session token: the session row's id. A token is 256
 * random bits, so a fast hash is enough (nothing to guess), and a leaked
 * sessions table holds no cookie that could be replayed.
 *
 * @example
 * sessionIdOf('q3T0mXg8...') // '9f86d081884c7d65...'
 */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Opens a session for `user`: a fresh token (for the cookie only) and CSRF
 * token, the row stored under the token's hash.
 *
 * @example
 * const { token, session } = await openSession(ctx, user)
 */
export async function openSession(ctx: HandlerContext, user: AdminUser): Promise<{ token: string; session: AdminSession }> {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  const session: AdminSession = {
    id: sessionIdOf(token),
    userId: user.id,
    csrfToken: randomBytes(32).toString('base64url'),
    createdAt: now,
    expiresAt: now + ctx.admin.sessionTtlMs,
    revokedAt: null,
  };
  await (await ctx.store()).createAdminSession(session);
  return { token, session };
}

/**
 * The console cookie's token from a request's Cookie header, or null.
 *
 * @example
 * sessionToken(new Request(url, { headers: { cookie: 'a=1; cartlift_admin=abc' } })) // 'abc'
 */
export function sessionToken(request: Request): string | null {
  const header = request.headers.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === ADMIN_COOKIE) {
      const value = part.slice(eq + 1).trim();
      // Tokens are base64url; anything else was never issued here and needs no database round trip.
      return /^[A-Za-z0-9_-]{16,128}$/.test(value) ? value : null;
    }
  }
  return null;
}

/**
 * The valid session (unexpired, unrevoked, its user enabled) the request's cookie names, or null.
 *
 * @example
 * const found = await findSession(ctx, request) // { session, user } | null
 */
export async function findSession(ctx: HandlerContext, request: Request): Promise<{ session: AdminSession; user: AdminUser } | null> {
  const token = sessionToken(request);
  if (!token) return null;
  return (await ctx.store()).findAdminSession(sessionIdOf(token), ctx.now());
}

/**
 * True when the request reached us over https. Behind trusted proxies, the
 * word of the outermost one (the one the browser talked to), never an
 * entry a client could have put in front of it.
 */
function isHttps(ctx: HandlerContext, request: Request): boolean {
  if (new URL(request.url).protocol === 'https:') return true;
  return forwardedEntry(request.headers.get('x-forwarded-proto'), ctx.trustProxy)?.toLowerCase() === 'https';
}

/**
 * The Set-Cookie value for a session token (or, with null, one that clears
 * it). HttpOnly keeps it from scripts; SameSite=Strict keeps other sites'
 * requests from carrying it; the path keeps it off the shop's own routes.
 *
 * @example
 * sessionCookie(ctx, request, token) // 'cartlift_admin=…; HttpOnly; SameSite=Strict; Path=/api/cartlift/admin; Max-Age=43200'
 */
export function sessionCookie(ctx: HandlerContext, request: Request, token: string | null): string {
  const maxAge = token === null ? 0 : Math.floor(ctx.admin.sessionTtlMs / 1000);
  const secure = isHttps(ctx, request) ? '; Secure' : '';
  return `${ADMIN_COOKIE}=${token ?? ''}; HttpOnly; SameSite=Strict; Path=${ctx.basePath}/admin; Max-Age=${maxAge}${secure}`;
}
