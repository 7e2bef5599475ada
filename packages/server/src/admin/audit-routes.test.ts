import { describe, expect, test } from 'vitest';
import { storeVariants, unique, useHarness } from '../../test/harness.js';
import { CONSOLE_PASSWORD, signedIn } from '../../test/console-session.js';
import { AUDIT_ACTIONS } from './audit-actions.js';
import { addAdminUser } from './users.js';

describe.each(storeVariants())("the console's audit log on $name", ({ open }) => {
  const h = useHarness(open);

  test('a viewer reads entries newest first, each with the acting email (null from the CLI), and the known actions', async () => {
    const viewer = await signedIn(h, 'viewer');
    const added = `${unique('cli')}@example.com`;
    await addAdminUser(h.store, { email: added, role: 'marketer', password: CONSOLE_PASSWORD, now: Date.now() });
    const res = await viewer.read('/admin/api/audit');
    expect(res.status).toBe(200);
    expect(res.body.actions).toEqual([...AUDIT_ACTIONS]);
    expect(res.body.actions).toEqual(expect.arrayContaining(['login', 'user_added', 'user_disabled', 'promotions_published']));
    const [newest, before] = res.body.entries;
    expect(newest).toEqual({
      id: expect.any(Number),
      at: expect.any(Number),
      user: null,
      action: 'user_added',
      subject: added,
      before: null,
      after: { email: added, role: 'marketer' },
    });
    expect(before).toMatchObject({ user: viewer.email, action: 'login', subject: viewer.email });
    const ids = res.body.entries.map((entry: { id: number }) => entry.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(JSON.stringify(res.body)).not.toContain(CONSOLE_PASSWORD);
  });

  test('filters by action and by the acting user’s email; an email without an account lists nothing', async () => {
    const viewer = await signedIn(h, 'viewer');
    const other = await signedIn(h, 'marketer');
    const mine = await viewer.read(`/admin/api/audit?user=${encodeURIComponent(viewer.email.toUpperCase())}`);
    expect(mine.status).toBe(200);
    expect(mine.body.entries.length).toBeGreaterThan(0);
    expect(new Set(mine.body.entries.map((entry: { user: string }) => entry.user))).toEqual(new Set([viewer.email]));
    const logins = await viewer.read(`/admin/api/audit?action=login&user=${encodeURIComponent(other.email)}`);
    expect(logins.body.entries).toEqual([expect.objectContaining({ action: 'login', user: other.email, subject: other.email })]);
    expect((await viewer.read('/admin/api/audit?action=login&limit=3')).body.entries.map((entry: { action: string }) => entry.action)).toEqual([
      'login',
      'login',
      'login',
    ]);
    expect((await viewer.read(`/admin/api/audit?user=${unique('nobody')}@example.com`)).body.entries).toEqual([]);
    const [first, second] = (await viewer.read('/admin/api/audit?limit=2')).body.entries;
    expect((await viewer.read(`/admin/api/audit?limit=1&before=${first.id}`)).body.entries).toEqual([second]);
  });

  test('limit is 1 to 500 (default 100); anything else is a 400 naming the field', async () => {
    const viewer = await signedIn(h, 'viewer');
    expect((await viewer.read('/admin/api/audit?limit=1')).body.entries).toHaveLength(1);
    for (let i = 0; i < 101; i++) {
      await h.store.appendAuditEntry({ at: Date.now(), userId: null, action: 'login_failed', subject: 'x@example.com', before: null, after: null });
    }
    expect((await viewer.read('/admin/api/audit')).body.entries).toHaveLength(100);
    expect((await viewer.read('/admin/api/audit?limit=500')).body.entries.length).toBeGreaterThan(100);
    for (const limit of ['0', '501', 'ten', '2.5', '']) {
      const res = await viewer.read(`/admin/api/audit?limit=${limit}`);
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({
        code: 'invalid_request',
        field: 'limit',
        message: `limit must be a whole number from 1 to 500; received ${JSON.stringify(limit)}.`,
      });
    }
    const badAction = await viewer.read(`/admin/api/audit?action=${'x'.repeat(65)}`);
    expect([badAction.status, badAction.body.error.field]).toEqual([400, 'action']);
    const badUser = await viewer.read('/admin/api/audit?user=nobody');
    expect([badUser.status, badUser.body.error.field]).toEqual([400, 'user']);
  });

  test('needs a session', async () => {
    const res = await h.call('GET', '/admin/api/audit');
    expect([res.status, res.body.error.code]).toEqual([401, 'not_signed_in']);
  });
});
