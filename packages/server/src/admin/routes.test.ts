import { describe, expect, test } from 'vitest';
import { storeVariants, unique, useHarness } from '../../test/harness.js';
import type { HandlerContext } from '../options.js';
import type { AdminRole } from '../store/types.js';
import { LOGIN_FAILURES_PER_ACCOUNT, LOGIN_FAILURES_PER_ADDRESS } from './login-throttle.js';
import { requireAdmin } from './require-admin.js';
import { sessionIdOf } from './sessions.js';
import { addAdminUser } from './users.js';

const PASSWORD = 'tea-and-celadon-cups';
const HOUR = 60 * 60_000;

describe.each(storeVariants())('console sign-in on $name', ({ open }) => {
  let clock = Date.now();
  const h = useHarness(open, { now: () => clock, admin: { sessionTtlMs: HOUR } });

  async function account(role: AdminRole = 'marketer') {
    const email = `${unique('admin')}@example.com`;
    await addAdminUser(h.store, { email, role, password: PASSWORD, now: clock });
    return email;
  }

  async function signIn(role: AdminRole = 'marketer', ip = unique('ip')) {
    const email = await account(role);
    const res = await h.call('POST', '/admin/api/login', { email, password: PASSWORD }, { 'x-test-ip': ip });
    expect(res.status).toBe(200);
    const token = /cartlift_admin=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
    return { email, token, csrf: res.body.csrfToken as string, cookie: { cookie: `cartlift_admin=${token}` } };
  }

  test('signs in with the right password: body, HttpOnly SameSite=Strict cookie on the console path, audit entry; only the token hash is stored', async () => {
    const email = await account('owner');
    const res = await h.call('POST', '/admin/api/login', { email: `  ${email.toUpperCase()} `, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ user: { email, role: 'owner' }, csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^cartlift_admin=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/api\/cartlift\/admin; Max-Age=3600$/);
    const token = /cartlift_admin=([^;]+)/.exec(cookie)![1]!;
    expect(await h.store.findAdminSession(token, clock)).toBeNull();
    expect(await h.store.findAdminSession(sessionIdOf(token), clock)).not.toBeNull();
    const [entry] = await h.store.listAuditEntries({ action: 'login', limit: 1 });
    expect(entry).toMatchObject({ action: 'login', subject: email });
    expect(JSON.stringify(await h.store.listAuditEntries({ limit: 500 }))).not.toContain(PASSWORD);
  });

  test('the cookie is Secure when the request came over https', async () => {
    const email = await account();
    const res = await h.handler(
      new Request('https://shop.example/api/cartlift/admin/api/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      }),
      { clientIp: unique('ip') },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  test('a wrong password and an unknown email get the same 401 sentence, audited without the password', async () => {
    const email = await account();
    const wrong = await h.call('POST', '/admin/api/login', { email, password: 'not-the-password' }, { 'x-test-ip': unique('ip') });
    const unknown = await h.call('POST', '/admin/api/login', { email: `${unique('nobody')}@example.com`, password: PASSWORD }, { 'x-test-ip': unique('ip') });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: { code: 'invalid_credentials', message: 'The email or password is not right; check both and try again.' } });
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const failed = await h.store.listAuditEntries({ action: 'login_failed', limit: 2 });
    expect(failed.map((e) => e.action)).toEqual(['login_failed', 'login_failed']);
    expect(JSON.stringify(failed)).not.toMatch(/not-the-password|tea-and-celadon/);
  });

  test('a malformed sign-in body is a 400 naming the field, never echoing the password', async () => {
    const res = await h.call('POST', '/admin/api/login', { email: 'li.wei@example.com', password: 'x'.repeat(2000) });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', field: 'password' });
    expect(JSON.stringify(res.body)).not.toContain('xxxx');
    expect((await h.call('POST', '/admin/api/login', { email: 'nope', password: 'x' })).body.error.field).toBe('email');
  });

  test('GET session answers the signed-in user until the session expires; 401 without a cookie', async () => {
    const { email, csrf, cookie } = await signIn('viewer');
    const res = await h.call('GET', '/admin/api/session', undefined, cookie);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ user: { email, role: 'viewer' }, csrfToken: csrf });
    expect((await h.call('GET', '/admin/api/session')).body.error.code).toBe('not_signed_in');
    expect((await h.call('GET', '/admin/api/session', undefined, { cookie: 'cartlift_admin=forged-token-forged-token' })).status).toBe(401);
    const start = clock;
    try {
      clock = start + HOUR - 1;
      expect((await h.call('GET', '/admin/api/session', undefined, cookie)).status).toBe(200);
      clock = start + HOUR;
      const expired = await h.call('GET', '/admin/api/session', undefined, cookie);
      expect(expired.status).toBe(401);
      expect(expired.body.error.code).toBe('not_signed_in');
    } finally {
      clock = start;
    }
  });

  test('logout needs the CSRF token, revokes the session and clears the cookie', async () => {
    const { csrf, cookie } = await signIn();
    const noCsrf = await h.call('POST', '/admin/api/logout', {}, cookie);
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error).toMatchObject({ code: 'csrf_failed', field: 'x-cartlift-csrf' });
    const wrongCsrf = await h.call('POST', '/admin/api/logout', {}, { ...cookie, 'x-cartlift-csrf': 'x'.repeat(csrf.length) });
    expect(wrongCsrf.body.error.code).toBe('csrf_failed');
    expect((await h.call('GET', '/admin/api/session', undefined, cookie)).status).toBe(200);
    const out = await h.call('POST', '/admin/api/logout', {}, { ...cookie, 'x-cartlift-csrf': csrf });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toBe('cartlift_admin=; HttpOnly; SameSite=Strict; Path=/api/cartlift/admin; Max-Age=0');
    expect((await h.call('GET', '/admin/api/session', undefined, cookie)).status).toBe(401);
    const again = await h.call('POST', '/admin/api/logout', {}, { ...cookie, 'x-cartlift-csrf': csrf });
    expect(again.status).toBe(401);
    expect(again.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await h.store.listAuditEntries({ action: 'logout', limit: 1 }))[0]).toBeDefined();
  });

  test('requireAdmin: 401 without a session, 403 forbidden below the role, 403 csrf_failed on a change without the token', async () => {
    const ctxRequest = (headers: Record<string, string>, method = 'GET') => new Request('http://cartlift.test/api/cartlift/admin/api/x', { method, headers });
    // The parts of the route context requireAdmin reads.
    const ctx = { store: () => h.handler.store(), now: () => clock } as unknown as HandlerContext;
    const viewer = await signIn('viewer');
    const owner = await signIn('owner');
    await expect(requireAdmin(ctx, ctxRequest({}), { role: 'viewer', change: false })).rejects.toMatchObject({ status: 401, code: 'not_signed_in' });
    await expect(requireAdmin(ctx, ctxRequest(viewer.cookie), { role: 'marketer', change: false })).rejects.toMatchObject({
      status: 403,
      code: 'forbidden',
      message: `This needs the marketer role or above; ${viewer.email} is a viewer.`,
    });
    expect((await requireAdmin(ctx, ctxRequest(viewer.cookie), { role: 'viewer', change: false })).user.role).toBe('viewer');
    expect((await requireAdmin(ctx, ctxRequest(owner.cookie), { role: 'marketer', change: false })).user.role).toBe('owner');
    await expect(requireAdmin(ctx, ctxRequest(owner.cookie, 'POST'), { role: 'owner', change: true })).rejects.toMatchObject({
      status: 403,
      code: 'csrf_failed',
    });
    await expect(
      requireAdmin(ctx, ctxRequest({ ...owner.cookie, 'x-cartlift-csrf': viewer.csrf }, 'POST'), { role: 'owner', change: true }),
    ).rejects.toMatchObject({ status: 403, code: 'csrf_failed' });
    expect((await requireAdmin(ctx, ctxRequest({ ...owner.cookie, 'x-cartlift-csrf': owner.csrf }, 'POST'), { role: 'owner', change: true })).user.email).toBe(
      owner.email,
    );
    // A disabled account's sessions stop at once; revoking all of a user's sessions too.
    const user = (await h.store.findAdminUserByEmail(owner.email))!;
    expect(await h.store.revokeAdminSessionsOfUser(user.id, clock)).toBe(1);
    await expect(requireAdmin(ctx, ctxRequest(owner.cookie), { role: 'viewer', change: false })).rejects.toMatchObject({ status: 401 });
  });

  test(`after ${LOGIN_FAILURES_PER_ACCOUNT} failed sign-ins an account gets 429 with Retry-After, even with the right password, until the window ends`, async () => {
    const email = await account();
    for (let i = 0; i < LOGIN_FAILURES_PER_ACCOUNT; i++) {
      expect((await h.call('POST', '/admin/api/login', { email, password: `wrong-${i}` }, { 'x-test-ip': unique('ip') })).status).toBe(401);
    }
    const refused = await h.call('POST', '/admin/api/login', { email, password: PASSWORD }, { 'x-test-ip': unique('ip') });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('too_many_logins');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(900);
    const start = clock;
    try {
      clock = start + 15 * 60_000 + 1;
      expect((await h.call('POST', '/admin/api/login', { email, password: PASSWORD }, { 'x-test-ip': unique('ip') })).status).toBe(200);
    } finally {
      clock = start;
    }
  });

  test(`a successful sign-in does not count; after ${LOGIN_FAILURES_PER_ADDRESS} failures from one address, every account is refused from it`, async () => {
    const ip = unique('ip');
    for (let i = 0; i < 3; i++) await signIn('viewer', ip);
    for (let i = 0; i < LOGIN_FAILURES_PER_ADDRESS; i++) {
      expect((await h.call('POST', '/admin/api/login', { email: `${unique('guess')}@example.com`, password: 'guess' }, { 'x-test-ip': ip })).status).toBe(401);
    }
    const email = await account();
    const refused = await h.call('POST', '/admin/api/login', { email, password: PASSWORD }, { 'x-test-ip': ip });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await h.call('POST', '/admin/api/login', { email, password: PASSWORD }, { 'x-test-ip': unique('ip') })).status).toBe(200);
  }, 60_000);
});
