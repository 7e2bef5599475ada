import { parseJson, readBody } from '../http/body.js';
import { HttpError, json } from '../http/errors.js';
import type { HandlerContext } from '../options.js';
import type { Route, RouteHandler } from '../router.js';
import type { AdminRole, AdminUser, Store } from '../store/types.js';
import { generatePassword } from './password.js';
import { requireAdmin } from './require-admin.js';
import { ADMIN_EMAIL_PATTERN, ADMIN_ROLES, isAdminRole, normalizeAdminEmail } from './roles.js';
import { AdminUserExistsError, addAdminUser } from './users.js';

/** A value as a refusal quotes it: short, and never a whole body. */
function received(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  return JSON.stringify(value)?.slice(0, 80) ?? String(value);
}

/** An account as the console shows it: no id, never the password hash. */
function userView(user: AdminUser) {
  return { email: user.email, role: user.role, createdAt: user.createdAt, disabledAt: user.disabledAt };
}

/** The JSON object a users change sends; a 400 naming `body` otherwise. */
async function readObject(ctx: HandlerContext, request: Request, example: string): Promise<Record<string, unknown>> {
  const body = parseJson(await readBody(request, { limit: ctx.limits.bodyBytes, json: true }));
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(400, 'invalid_request', `The request body must be an object such as ${example}; received ${received(body)}.`, 'body');
  }
  return body as Record<string, unknown>;
}

function emailField(value: unknown): string {
  if (typeof value !== 'string' || value.trim().length > 254 || !ADMIN_EMAIL_PATTERN.test(value.trim())) {
    throw new HttpError(400, 'invalid_request', `email must be an email address such as "ann@example.com"; received ${received(value)}.`, 'email');
  }
  return normalizeAdminEmail(value);
}

function roleField(value: unknown): AdminRole {
  if (!isAdminRole(value)) throw new HttpError(400, 'invalid_request', `role must be one of ${ADMIN_ROLES.join(', ')}; received ${received(value)}.`, 'role');
  return value;
}

const listUsers =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    await requireAdmin(ctx, request, { role: 'owner', change: false });
    const store = await ctx.store();
    return json({ users: (await store.listAdminUsers()).map(userView) });
  };

const addUser =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    const { user: owner } = await requireAdmin(ctx, request, { role: 'owner', change: true });
    const body = await readObject(ctx, request, '{"email": "ann@example.com", "role": "marketer"}');
    const email = emailField(body.email);
    const role = roleField(body.role);
    const password = generatePassword();
    try {
      const user = await addAdminUser(await ctx.store(), { email, role, password, addedBy: owner.id, now: ctx.now() });
      // The only time the password is shown: the store keeps its scrypt hash.
      return json({ user: userView(user), password }, 201);
    } catch (error) {
      if (error instanceof AdminUserExistsError) throw new HttpError(409, 'user_exists', error.message, 'email');
      throw error;
    }
  };

/** The account to disable, or the 404/409 sentence that says why not. */
async function accountToDisable(store: Store, owner: AdminUser, email: string): Promise<AdminUser> {
  const target = await store.findAdminUserByEmail(email);
  if (!target) throw new HttpError(404, 'user_not_found', `${email} has no console account.`, 'email');
  if (target.id === owner.id) {
    throw new HttpError(409, 'cannot_disable_self', `An owner cannot disable their own account (${email}); ask another owner.`, 'email');
  }
  if (target.disabledAt !== null) throw new HttpError(409, 'already_disabled', `${email} is already disabled.`, 'email');
  return target;
}

/** Why the store refused: disabled meanwhile, or it would leave no enabled owner. */
async function refusedDisable(store: Store, email: string): Promise<HttpError> {
  const now = await store.findAdminUserByEmail(email);
  if (now && now.disabledAt !== null) return new HttpError(409, 'already_disabled', `${email} is already disabled.`, 'email');
  return new HttpError(409, 'last_owner', `${email} is the last enabled owner; add or enable another owner first.`, 'email');
}

const disableUser =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    const { user: owner } = await requireAdmin(ctx, request, { role: 'owner', change: true });
    const email = emailField((await readObject(ctx, request, '{"email": "ann@example.com"}')).email);
    const store = await ctx.store();
    const target = await accountToDisable(store, owner, email);
    const now = ctx.now();
    const disabled = await store.disableAdminUser(target.id, now);
    if (!disabled) throw await refusedDisable(store, email);
    const sessionsEnded = await store.revokeAdminSessionsOfUser(target.id, now);
    await store.appendAuditEntry({
      at: now,
      userId: owner.id,
      action: 'user_disabled',
      subject: email,
      before: { role: target.role, disabledAt: null },
      after: { role: disabled.role, disabledAt: disabled.disabledAt, sessionsEnded },
    });
    return json({ user: userView(disabled) });
  };

/**
 * The console's account management, owners only (changes carry the CSRF
 * header): `GET /admin/api/users`, `POST /admin/api/users` `{email, role}` →
 * 201 `{user, password}` (the password shown only then), and
 * `POST /admin/api/users/disable` `{email}` → `{user}`, which ends that
 * user's sessions. Every change is audited with the acting owner.
 *
 * @example
 * const routes = [...userRoutes(ctx)]; // GET/POST /admin/api/users, POST /admin/api/users/disable
 */
export function userRoutes(ctx: HandlerContext): Route[] {
  return [
    { method: 'GET', path: '/admin/api/users', handler: listUsers(ctx) },
    { method: 'POST', path: '/admin/api/users', handler: addUser(ctx) },
    { method: 'POST', path: '/admin/api/users/disable', handler: disableUser(ctx) },
  ];
}
