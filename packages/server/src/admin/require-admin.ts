import { timingSafeEqual } from 'node:crypto';
import { HttpError } from '../http/errors.js';
import type { HandlerContext } from '../options.js';
import type { AdminRole, AdminSession, AdminUser } from '../store/types.js';
import { roleAtLeast } from './roles.js';
import { CSRF_HEADER, findSession } from './sessions.js';

export interface AdminAccess {
  /** The least role the route needs. */
  role: AdminRole;
  /** True for a change (any method but GET/HEAD): it must carry the session's CSRF token. */
  change: boolean;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The signed-in user a console route acts for, or a JSON refusal: 401
 * `not_signed_in` without a valid session, 403 `forbidden` when the role is
 * below `role`, and for a change 403 `csrf_failed` unless the
 * `x-cartlift-csrf` header equals the session's token (a page on another
 * site cannot read that token, so it cannot forge the change).
 *
 * @example
 * const { user } = await requireAdmin(ctx, request, { role: 'marketer', change: true })
 */
export async function requireAdmin(ctx: HandlerContext, request: Request, access: AdminAccess): Promise<{ session: AdminSession; user: AdminUser }> {
  const found = await findSession(ctx, request);
  if (!found) throw new HttpError(401, 'not_signed_in', 'Sign in to the console first; this request carries no valid session (it may have expired).');
  if (!roleAtLeast(found.user.role, access.role)) {
    throw new HttpError(403, 'forbidden', `This needs the ${access.role} role or above; ${found.user.email} is a ${found.user.role}.`);
  }
  if (access.change) {
    const given = request.headers.get(CSRF_HEADER);
    if (!given || !sameToken(given, found.session.csrfToken)) {
      throw new HttpError(
        403,
        'csrf_failed',
        `A change must carry the header ${CSRF_HEADER} equal to the csrfToken the sign-in answered; ${given ? 'this one does not match' : 'it is missing'}.`,
        CSRF_HEADER,
      );
    }
  }
  return found;
}
