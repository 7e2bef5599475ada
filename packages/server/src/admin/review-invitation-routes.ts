import { HttpError, json } from '../http/errors.js';
import type { HandlerContext } from '../options.js';
import type { Route, RouteHandler } from '../router.js';
import { InvalidInvitationCursorError } from '../store/sql-review-submissions.js';
import { requireAdmin } from './require-admin.js';

const MAX_ROWS = 200;

/** Review invitations, newest first: who was asked to review what, and whether they did. Tokens are never listed (only their hashes are kept), nor the shopper's email. */
const invitations =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    await requireAdmin(ctx, request, { role: 'viewer', change: false });
    const params = new URL(request.url).searchParams;
    const limit = Number(params.get('limit') ?? 50);
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_ROWS)
      throw new HttpError(
        400,
        'invalid_request',
        `limit must be a whole number from 1 to ${MAX_ROWS}; received ${JSON.stringify(params.get('limit'))}.`,
        'limit',
      );
    const store = await ctx.store();
    try {
      const page = await store.listReviewInvitations({ limit, cursor: params.get('cursor') ?? undefined });
      // As the console's orders: what was bought and reviewed, never who the shopper is.
      return json({ ...page, invitations: page.invitations.map(({ email: _email, ...invitation }) => invitation) });
    } catch (error) {
      if (error instanceof InvalidInvitationCursorError) throw new HttpError(400, 'invalid_request', error.message, 'cursor');
      throw error;
    }
  };

/**
 * The console's list of review invitations: `GET /admin/api/review-invitations?limit=1..200&cursor=`
 * (viewer role; `{ invitations, nextCursor? }`).
 *
 * @example
 * const routes = [...reviewInvitationRoutes(ctx)];
 */
export function reviewInvitationRoutes(ctx: HandlerContext): Route[] {
  return [{ method: 'GET', path: '/admin/api/review-invitations', handler: invitations(ctx) }];
}
