import { HttpError, json } from '../http/errors.js';
import type { HandlerContext } from '../options.js';
import type { Route, RouteHandler } from '../router.js';
import { MAX_AUDIT_PAGE } from '../store/sql-admin.js';
import type { AdminUser, AuditEntry, AuditQuery, Store } from '../store/types.js';
import { AUDIT_ACTIONS } from './audit-actions.js';
import { requireAdmin } from './require-admin.js';
import { ADMIN_EMAIL_PATTERN, normalizeAdminEmail } from './roles.js';

const DEFAULT_AUDIT_PAGE = 100;

/** `?limit=`: a whole number from 1 to 500, 100 when absent. */
function auditLimit(params: URLSearchParams): number {
  const asked = params.get('limit');
  if (asked === null) return DEFAULT_AUDIT_PAGE;
  const limit = /^\d{1,4}$/.test(asked) ? Number(asked) : Number.NaN;
  if (!(limit >= 1 && limit <= MAX_AUDIT_PAGE)) {
    throw new HttpError(400, 'invalid_request', `limit must be a whole number from 1 to ${MAX_AUDIT_PAGE}; received ${JSON.stringify(asked)}.`, 'limit');
  }
  return limit;
}

/** `?action=`: an action name such as "login" (unknown names simply match nothing). */
function auditAction(params: URLSearchParams): string | undefined {
  const action = params.get('action');
  if (action === null || action === '') return undefined;
  if (!/^[a-z_]{1,64}$/.test(action)) {
    throw new HttpError(400, 'invalid_request', `action must be an action name such as "login"; received ${JSON.stringify(action.slice(0, 80))}.`, 'action');
  }
  return action;
}

/** `?user=`: the acting user's email, normalised. */
function auditUserEmail(params: URLSearchParams): string | undefined {
  const user = params.get('user');
  if (user === null || user.trim() === '') return undefined;
  if (user.trim().length > 254 || !ADMIN_EMAIL_PATTERN.test(user.trim())) {
    throw new HttpError(
      400,
      'invalid_request',
      `user must be an email address such as "li.wei@example.com"; received ${JSON.stringify(user.slice(0, 80))}.`,
      'user',
    );
  }
  return normalizeAdminEmail(user);
}

/** `?before=`: only entries older than this id (the next page). */
function auditBefore(params: URLSearchParams): number | undefined {
  const before = params.get('before');
  if (before === null || before === '') return undefined;
  if (!/^\d{1,15}$/.test(before)) {
    throw new HttpError(400, 'invalid_request', `before must be an entry id such as 42; received ${JSON.stringify(before.slice(0, 80))}.`, 'before');
  }
  return Number(before);
}

/** An entry as the console shows it: the acting user's email instead of its id. */
function auditView(entry: AuditEntry, emails: Map<string, string>) {
  const user = entry.userId === null ? null : (emails.get(entry.userId) ?? null);
  return { id: entry.id, at: entry.at, user, action: entry.action, subject: entry.subject, before: entry.before, after: entry.after };
}

/** The entries the query asks for; none when `user` names no account. */
async function auditEntries(store: Store, query: AuditQuery, userEmail: string | undefined, users: AdminUser[]): Promise<AuditEntry[]> {
  if (userEmail === undefined) return store.listAuditEntries(query);
  const actor = users.find((user) => user.email === userEmail);
  return actor ? store.listAuditEntries({ ...query, userId: actor.id }) : [];
}

const auditLog =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    await requireAdmin(ctx, request, { role: 'viewer', change: false });
    const params = new URL(request.url).searchParams;
    const query: AuditQuery = { action: auditAction(params), beforeId: auditBefore(params), limit: auditLimit(params) };
    const userEmail = auditUserEmail(params);
    const store = await ctx.store();
    const users = await store.listAdminUsers();
    const entries = await auditEntries(store, query, userEmail, users);
    const emails = new Map(users.map((user) => [user.id, user.email]));
    return json({ entries: entries.map((entry) => auditView(entry, emails)), actions: [...AUDIT_ACTIONS] });
  };

/**
 * The console's audit log: `GET /admin/api/audit?action=&user=&limit=&before=`
 * (viewer and above), newest first, each entry with the acting user's email
 * (null for the CLI), and `actions`, the names to filter by.
 *
 * @example
 * const routes = [...auditRoutes(ctx)]; // GET /admin/api/audit?action=login&user=li.wei@example.com&limit=50
 */
export function auditRoutes(ctx: HandlerContext): Route[] {
  return [{ method: 'GET', path: '/admin/api/audit', handler: auditLog(ctx) }];
}
