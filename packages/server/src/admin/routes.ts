import { readBody, parseJson } from '../http/body.js';
import { HttpError, json } from '../http/errors.js';
import type { HandlerContext } from '../options.js';
import { storeRateLimiter } from '../rate-limit.js';
import type { Route, RouteHandler } from '../router.js';
import { clientIp } from '../routes/client.js';
import type { AdminSession, AdminUser } from '../store/types.js';
import { countLoginAttempt, LOGIN_WINDOW_MS } from './login-throttle.js';
import { hashPassword, verifyPassword } from './password.js';
import { requireAdmin } from './require-admin.js';
import { ADMIN_EMAIL_PATTERN, normalizeAdminEmail } from './roles.js';
import { openSession, sessionCookie, sessionToken } from './sessions.js';

/** Longest password read: scrypt takes any length, but a megabyte-long "password" is only load. */
const MAX_PASSWORD_LENGTH = 1024;

/** What the console learns about its session: who, which role, and the token its changes must carry. */
function sessionBody(user: AdminUser, session: AdminSession) {
  return { user: { email: user.email, role: user.role }, csrfToken: session.csrfToken };
}

/** The sign-in body, checked without ever echoing the password. */
function loginFields(body: unknown): { email: string; password: string } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(400, 'invalid_request', 'The request body must be an object such as {"email": "li.wei@example.com", "password": "…"}.', 'body');
  }
  const { email, password } = body as Record<string, unknown>;
  if (typeof email !== 'string' || email.trim().length > 254 || !ADMIN_EMAIL_PATTERN.test(email.trim())) {
    throw new HttpError(400, 'invalid_request', 'email must be an email address such as "li.wei@example.com".', 'email');
  }
  if (typeof password !== 'string' || password.length === 0 || password.length > MAX_PASSWORD_LENGTH) {
    throw new HttpError(400, 'invalid_request', `password must be a string of 1 to ${MAX_PASSWORD_LENGTH} characters.`, 'password');
  }
  return { email: normalizeAdminEmail(email), password };
}

function loginRoute(ctx: HandlerContext): RouteHandler {
  const limiter = storeRateLimiter(ctx.store, LOGIN_WINDOW_MS);
  // Unknown emails are checked against this hash, so a wrong email takes as long as a wrong password.
  let decoy: Promise<string> | undefined;
  const decoyHash = () => {
    if (!decoy) decoy = hashPassword('decoy');
    return decoy;
  };
  return async (request, context) => {
    const { email, password } = loginFields(parseJson(await readBody(request, { limit: ctx.limits.bodyBytes, json: true })));
    const address = clientIp(ctx, request, context);
    const ticket = await countLoginAttempt(limiter, email, address, ctx.now());
    const store = await ctx.store();
    const user = await store.findAdminUserByEmail(email);
    const usable = user !== null && user.disabledAt === null;
    const matches = await verifyPassword(password, usable ? user.passwordHash : await decoyHash());
    if (!usable || !matches) {
      // The account's email and the address, never the password typed.
      await store.appendAuditEntry({ at: ctx.now(), userId: user?.id ?? null, action: 'login_failed', subject: email, before: null, after: { address } });
      throw new HttpError(401, 'invalid_credentials', 'The email or password is not right; check both and try again.');
    }
    await limiter.giveBack(ticket, 1);
    const { token, session } = await openSession(ctx, user);
    await store.appendAuditEntry({ at: ctx.now(), userId: user.id, action: 'login', subject: user.email, before: null, after: { address } });
    return json(sessionBody(user, session), 200, { 'set-cookie': sessionCookie(ctx, request, token) });
  };
}

function sessionRoute(ctx: HandlerContext): RouteHandler {
  return async (request) => {
    const { user, session } = await requireAdmin(ctx, request, { role: 'viewer', change: false });
    return json(sessionBody(user, session));
  };
}

function logoutRoute(ctx: HandlerContext): RouteHandler {
  return async (request) => {
    const cleared = sessionCookie(ctx, request, null);
    try {
      const { user, session } = await requireAdmin(ctx, request, { role: 'viewer', change: true });
      const store = await ctx.store();
      await store.revokeAdminSession(session.id, ctx.now());
      await store.appendAuditEntry({ at: ctx.now(), userId: user.id, action: 'logout', subject: user.email, before: null, after: null });
      return json({ signedOut: true }, 200, { 'set-cookie': cleared });
    } catch (error) {
      // A stale cookie is still cleared, so the browser stops sending it.
      if (error instanceof HttpError && error.code === 'not_signed_in' && sessionToken(request)) {
        throw new HttpError(error.status, error.code, error.message, error.field, { ...error.headers, 'set-cookie': cleared });
      }
      throw error;
    }
  };
}

/**
 * The console's account routes under `{basePath}/admin/api`: sign in, the
 * current session, sign out. Every route but sign-in goes through `requireAdmin`.
 *
 * @example
 * const routes = [...adminRoutes(ctx)] // POST /admin/api/login, GET /admin/api/session, POST /admin/api/logout
 */
export function adminRoutes(ctx: HandlerContext): Route[] {
  return [
    { method: 'POST', path: '/admin/api/login', handler: loginRoute(ctx) },
    { method: 'GET', path: '/admin/api/session', handler: sessionRoute(ctx) },
    { method: 'POST', path: '/admin/api/logout', handler: logoutRoute(ctx) },
  ];
}
