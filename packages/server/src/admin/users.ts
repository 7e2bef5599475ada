import { randomUUID } from 'node:crypto';
import type { AdminRole, AdminUser, Store } from '../store/types.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password.js';
import { ADMIN_EMAIL_PATTERN, ADMIN_ROLES, isAdminRole, normalizeAdminEmail } from './roles.js';

export interface NewAdminUser {
  email: string;
  role: AdminRole;
  password: string;
  /** The id of the owner who added it (null from the CLI). */
  addedBy?: string | null;
  now: number;
}

/**
 * Thrown by `addAdminUser` when the (normalised) email already has an account.
 *
 * @example
 * try { await addAdminUser(store, input) } catch (error) { if (error instanceof AdminUserExistsError) console.log(error.email) }
 */
export class AdminUserExistsError extends Error {
  constructor(readonly email: string) {
    super(`${email} already has a console account.`);
    this.name = 'AdminUserExistsError';
  }
}

/**
 * Creates a console account with a hashed password and records `user_added`
 * in the audit log (the email and role, never the password). Throws a
 * sentence naming the field for a bad email, role or password, or an email
 * that already has an account.
 *
 * @example
 * await addAdminUser(store, { email: 'li.wei@example.com', role: 'owner', password: generatePassword(), now: Date.now() })
 */
export async function addAdminUser(store: Store, input: NewAdminUser): Promise<AdminUser> {
  const email = normalizeAdminEmail(input.email);
  if (email.length > 254 || !ADMIN_EMAIL_PATTERN.test(email)) {
    throw new Error(`EMAIL must be an email address such as "li.wei@example.com"; received ${JSON.stringify(input.email)}.`);
  }
  if (!isAdminRole(input.role)) throw new Error(`--role must be one of ${ADMIN_ROLES.join(', ')}; received ${JSON.stringify(input.role)}.`);
  if (input.password.length < MIN_PASSWORD_LENGTH || input.password.length > 1024) {
    throw new Error(`The password must be ${MIN_PASSWORD_LENGTH} to 1024 characters long; received ${input.password.length}.`);
  }
  const user = await store.createAdminUser({
    id: randomUUID(),
    email,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    createdAt: input.now,
    disabledAt: null,
  });
  if (!user) throw new AdminUserExistsError(email);
  await store.appendAuditEntry({
    at: input.now,
    userId: input.addedBy ?? null,
    action: 'user_added',
    subject: email,
    before: null,
    after: { email, role: user.role },
  });
  return user;
}
