/**
 * Every action the server writes to the audit log, for the console's filter:
 * sign-in and accounts, promotions, then review moderation.
 *
 * @example
 * AUDIT_ACTIONS.includes('user_added') // true
 */
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'user_added',
  'user_disabled',
  'draft_saved',
  'promotion_duplicated',
  'promotion_archived',
  'promotion_unarchived',
  'promotions_published',
  'review_approved',
  'review_rejected',
  'review_replied',
  'review_reply_removed',
  'reviews_imported',
] as const;

/** One of `AUDIT_ACTIONS`. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
