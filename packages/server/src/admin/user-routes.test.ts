import { describe, expect, test } from 'vitest';
import { storeVariants, unique, useHarness } from '../../test/harness.js';
import { CONSOLE_PASSWORD, signedIn, signIn } from '../../test/console-session.js';

const newEmail = (prefix = 'new') => `${unique(prefix)}@example.com`;

describe.each(storeVariants())("the console's users on $name", ({ open }) => {
  const h = useHarness(open);

  test('an owner lists the accounts without their password hashes', async () => {
    const owner = await signedIn(h, 'owner');
    const viewer = await signedIn(h, 'viewer');
    const res = await owner.read('/admin/api/users');
    expect(res.status).toBe(200);
    expect(res.body.users).toContainEqual({ email: viewer.email, role: 'viewer', createdAt: expect.any(Number), disabledAt: null });
    expect(Object.keys(res.body.users[0]).sort()).toEqual(['createdAt', 'disabledAt', 'email', 'role']);
    expect(JSON.stringify(res.body)).not.toContain('scrypt$');
  });

  test('only an owner: a viewer cannot list users, a marketer cannot add or disable them (403)', async () => {
    const viewer = await signedIn(h, 'viewer');
    const marketer = await signedIn(h, 'marketer');
    const listed = await viewer.read('/admin/api/users');
    expect([listed.status, listed.body.error.code]).toEqual([403, 'forbidden']);
    expect((await marketer.read('/admin/api/users')).status).toBe(403);
    const added = await marketer.change('POST', '/admin/api/users', { email: newEmail(), role: 'viewer' });
    expect([added.status, added.body.error.code]).toEqual([403, 'forbidden']);
    const disabled = await marketer.change('POST', '/admin/api/users/disable', { email: viewer.email });
    expect([disabled.status, disabled.body.error.code]).toEqual([403, 'forbidden']);
    expect((await h.call('GET', '/admin/api/users')).status).toBe(401);
  });

  test('a change without the CSRF header is 403 csrf_failed and changes nothing', async () => {
    const owner = await signedIn(h, 'owner');
    const viewer = await signedIn(h, 'viewer');
    const email = newEmail();
    const added = await owner.change('POST', '/admin/api/users', { email, role: 'viewer' }, { csrf: false });
    expect([added.status, added.body.error.code]).toEqual([403, 'csrf_failed']);
    expect(await h.store.findAdminUserByEmail(email)).toBeNull();
    const disabled = await owner.change('POST', '/admin/api/users/disable', { email: viewer.email }, { csrf: false });
    expect([disabled.status, disabled.body.error.code]).toEqual([403, 'csrf_failed']);
    expect((await viewer.read('/admin/api/session')).status).toBe(200);
  });

  test('an owner adds an account: 201 with a password shown once that signs in, audited with the owner', async () => {
    const owner = await signedIn(h, 'owner');
    const email = newEmail('Ann');
    const res = await owner.change('POST', '/admin/api/users', { email: `  ${email.toUpperCase()} `, role: 'marketer' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      user: { email: email.toLowerCase(), role: 'marketer', createdAt: expect.any(Number), disabledAt: null },
      password: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
    });
    const ann = await signIn(h, email, res.body.password);
    expect(ann.email).toBe(email.toLowerCase());
    const audit = await owner.read(`/admin/api/audit?action=user_added&user=${encodeURIComponent(owner.email)}&limit=1`);
    expect(audit.body.entries[0]).toMatchObject({
      user: owner.email,
      subject: email.toLowerCase(),
      after: { email: email.toLowerCase(), role: 'marketer' },
    });
    expect(JSON.stringify(audit.body)).not.toContain(res.body.password);
    expect(JSON.stringify((await owner.read('/admin/api/users')).body)).not.toContain(res.body.password);
  });

  test('adding: an existing email is 409, a bad body 400 naming the field', async () => {
    const owner = await signedIn(h, 'owner');
    const taken = await owner.change('POST', '/admin/api/users', { email: owner.email.toUpperCase(), role: 'viewer' });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toEqual({ code: 'user_exists', field: 'email', message: `${owner.email} already has a console account.` });
    const cases: Array<[unknown, string, string]> = [
      [[], 'body', 'The request body must be an object such as {"email": "ann@example.com", "role": "marketer"}; received an array.'],
      [{ email: 'nope', role: 'viewer' }, 'email', 'email must be an email address such as "ann@example.com"; received "nope".'],
      [{ role: 'viewer' }, 'email', 'email must be an email address such as "ann@example.com"; received nothing.'],
      [{ email: newEmail(), role: 'admin' }, 'role', 'role must be one of viewer, marketer, owner; received "admin".'],
      [{ email: newEmail() }, 'role', 'role must be one of viewer, marketer, owner; received nothing.'],
    ];
    for (const [body, field, message] of cases) {
      const res = await owner.change('POST', '/admin/api/users', body);
      expect([res.status, res.body.error]).toEqual([400, { code: 'invalid_request', field, message }]);
    }
    const notJson = await owner.change('POST', '/admin/api/users', '{');
    expect(notJson.status).toBe(400);
  });

  test("disabling ends the user's sessions at once and refuses its sign-in; audited with the owner", async () => {
    const owner = await signedIn(h, 'owner');
    const marketer = await signedIn(h, 'marketer');
    const res = await owner.change('POST', '/admin/api/users/disable', { email: marketer.email.toUpperCase() });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ user: { email: marketer.email, role: 'marketer', createdAt: expect.any(Number), disabledAt: expect.any(Number) } });
    const session = await marketer.read('/admin/api/session');
    expect([session.status, session.body.error.code]).toEqual([401, 'not_signed_in']);
    const again = await h.call('POST', '/admin/api/login', { email: marketer.email, password: CONSOLE_PASSWORD }, { 'x-test-ip': unique('ip') });
    expect(again.status).toBe(401);
    const [entry] = (await owner.read('/admin/api/audit?action=user_disabled&limit=1')).body.entries;
    expect(entry).toMatchObject({
      user: owner.email,
      subject: marketer.email,
      before: { role: 'marketer', disabledAt: null },
      after: { role: 'marketer', disabledAt: res.body.user.disabledAt, sessionsEnded: 1 },
    });
    const twice = await owner.change('POST', '/admin/api/users/disable', { email: marketer.email });
    expect([twice.status, twice.body.error]).toEqual([409, { code: 'already_disabled', field: 'email', message: `${marketer.email} is already disabled.` }]);
  });

  test('disabling: not yourself (409), not an unknown email (404), a bad body 400 naming the field', async () => {
    const owner = await signedIn(h, 'owner');
    const self = await owner.change('POST', '/admin/api/users/disable', { email: owner.email });
    expect([self.status, self.body.error]).toEqual([
      409,
      { code: 'cannot_disable_self', field: 'email', message: `An owner cannot disable their own account (${owner.email}); ask another owner.` },
    ]);
    expect((await owner.read('/admin/api/session')).status).toBe(200);
    const nobody = newEmail('nobody');
    const unknown = await owner.change('POST', '/admin/api/users/disable', { email: nobody });
    expect([unknown.status, unknown.body.error]).toEqual([404, { code: 'user_not_found', field: 'email', message: `${nobody} has no console account.` }]);
    const bad = await owner.change('POST', '/admin/api/users/disable', { email: 42 });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'email']);
  });
});

describe.each(storeVariants())('the last owner on $name', ({ open }) => {
  // A store of its own, so these two are its only owners.
  const h = useHarness(open);

  test('two owners disabling each other at once leave one enabled owner; the other answer is a 409 (or 401, its session gone)', async () => {
    const [first, second] = [await signedIn(h, 'owner'), await signedIn(h, 'owner')];
    const answers = await Promise.all([
      first.change('POST', '/admin/api/users/disable', { email: second.email }),
      second.change('POST', '/admin/api/users/disable', { email: first.email }),
    ]);
    expect(answers.map((res) => res.status).sort()).toEqual([200, expect.any(Number)]);
    const refused = answers.find((res) => res.status !== 200)!;
    expect([401, 409]).toContain(refused.status);
    if (refused.status === 409) {
      expect(refused.body.error).toMatchObject({ code: 'last_owner', field: 'email' });
      expect(refused.body.error.message).toMatch(/is the last enabled owner; add or enable another owner first\.$/);
    }
    const owners = (await h.store.listAdminUsers()).filter((user) => user.role === 'owner' && user.disabledAt === null);
    expect(owners).toHaveLength(1);
  });
});
