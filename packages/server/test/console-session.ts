import { expect } from 'vitest';
import { addAdminUser } from '../src/admin/users.js';
import type { AdminRole } from '../src/store/types.js';
import { type Harness, unique } from './harness.js';

/** The password every console account made by `signedIn` has. */
export const CONSOLE_PASSWORD = 'tea-and-celadon-cups';

/** A signed-in console user: its email, and calls that carry its cookie (and, with `change`, its CSRF header). */
export interface ConsoleSession {
  email: string;
  csrf: string;
  /** The session's cookie and CSRF header, for calls the helpers below don't make. */
  headers: { cookie: string; 'x-cartlift-csrf': string };
  /** A GET with the session's cookie. */
  read(path: string): ReturnType<Harness['call']>;
  /** A change with the cookie and the CSRF header (`csrf: false` leaves the header out). */
  change(method: string, path: string, body: unknown, options?: { csrf?: boolean }): ReturnType<Harness['call']>;
}

/**
 * Adds an account with `role` and signs it in through `POST /admin/api/login`.
 *
 * @example
 * const owner = await signedIn(h, 'owner');
 * await owner.change('POST', '/admin/api/users', { email: 'ann@example.com', role: 'viewer' });
 */
export async function signedIn(h: Harness, role: AdminRole, email = `${unique(role)}@example.com`): Promise<ConsoleSession> {
  await addAdminUser(h.store, { email, role, password: CONSOLE_PASSWORD, now: Date.now() });
  return signIn(h, email, CONSOLE_PASSWORD);
}

/**
 * Signs an existing account in; fails the test unless the sign-in answers 200.
 *
 * @example
 * const ann = await signIn(h, 'ann@example.com', password);
 */
export async function signIn(h: Harness, email: string, password: string): Promise<ConsoleSession> {
  const res = await h.call('POST', '/admin/api/login', { email, password }, { 'x-test-ip': unique('ip') });
  expect(res.status).toBe(200);
  const token = /cartlift_admin=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
  const cookie = { cookie: `cartlift_admin=${token}` };
  const csrf = res.body.csrfToken as string;
  return {
    email: res.body.user.email as string,
    csrf,
    headers: { ...cookie, 'x-cartlift-csrf': csrf },
    read: (path) => h.call('GET', path, undefined, cookie),
    change: (method, path, body, { csrf: withCsrf = true } = {}) => h.call(method, path, body, withCsrf ? { ...cookie, 'x-cartlift-csrf': csrf } : cookie),
  };
}
