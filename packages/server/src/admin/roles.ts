import type { AdminRole } from '../store/types.js';

/** The roles, weakest first: each can do everything the ones before it can. */
export const ADMIN_ROLES: readonly AdminRole[] = ['viewer', 'marketer', 'owner'];

/**
 * True when `role` is a console role.
 *
 * @example
 * isAdminRole('owner') // true
 */
export function isAdminRole(role: unknown): role is AdminRole {
  return typeof role === 'string' && (ADMIN_ROLES as readonly string[]).includes(role);
}

/**
 * True when `role` includes `needed` (owner > marketer > viewer).
 *
 * @example
 * roleAtLeast('marketer', 'viewer') // true
 * roleAtLeast('viewer', 'marketer') // false
 */
export function roleAtLeast(role: AdminRole, needed: AdminRole): boolean {
  return ADMIN_ROLES.indexOf(role) >= ADMIN_ROLES.indexOf(needed);
}

/**
 * An email as accounts are keyed: trimmed and lower case.
 *
 * @example
 * normalizeAdminEmail('  Li.Wei@Example.com ') // 'li.wei@example.com'
 */
export function normalizeAdminEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The shape accepted for an account's email (the same rule as the checkout's). */
export const ADMIN_EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
