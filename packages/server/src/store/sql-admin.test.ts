import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { storeVariants, unique } from '../../test/harness.js';
import type { AdminUser, Store } from './types.js';

const user = (overrides: Partial<AdminUser> = {}): AdminUser => ({
  id: unique('user'),
  email: `${unique('admin')}@example.com`,
  role: 'marketer',
  passwordHash: 'scrypt$32768$8$1$c2FsdA==$aGFzaA==',
  createdAt: 1000,
  disabledAt: null,
  ...overrides,
});

describe.each(storeVariants())('admin accounts on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
  }, 60_000);
  afterAll(() => store?.close());

  test('one account per normalised email; found by it and listed oldest first', async () => {
    const first = user({ createdAt: 1 });
    expect(await store.createAdminUser(first)).toEqual(first);
    expect(await store.createAdminUser({ ...user(), email: first.email })).toBeNull();
    expect(await store.findAdminUserByEmail(first.email)).toEqual(first);
    expect(await store.findAdminUserByEmail('nobody@example.com')).toBeNull();
    const listed = await store.listAdminUsers();
    expect(listed[0]).toEqual(first);
  });

  test('the schema refuses an unknown role and an email that is not normalised', async () => {
    await expect(store.createAdminUser(user({ role: 'root' as never }))).rejects.toThrow(/check/i);
    await expect(store.createAdminUser(user({ email: 'Li.Wei@Example.com' }))).rejects.toThrow(/check/i);
  });

  test('a session is found until it expires, is revoked or its user is disabled', async () => {
    const owner = user({ role: 'owner' });
    await store.createAdminUser(owner);
    const session = { id: unique('hash'), userId: owner.id, csrfToken: 'csrf', createdAt: 100, expiresAt: 200, revokedAt: null };
    await store.createAdminSession(session);
    expect(await store.findAdminSession(session.id, 150)).toEqual({ session, user: owner });
    expect(await store.findAdminSession(session.id, 200)).toBeNull();
    expect(await store.revokeAdminSession(session.id, 160)).toBe(true);
    expect(await store.revokeAdminSession(session.id, 170)).toBe(false);
    expect(await store.findAdminSession(session.id, 150)).toBeNull();

    const others = [unique('hash'), unique('hash')];
    for (const id of others) await store.createAdminSession({ ...session, id, expiresAt: 10_000 });
    expect(await store.revokeAdminSessionsOfUser(owner.id, 500)).toBe(2);
    for (const id of others) expect(await store.findAdminSession(id, 600)).toBeNull();
  });

  test('disabling an account stamps disabledAt once and ends its sessions; a missing account is null', async () => {
    const marketer = user();
    await store.createAdminUser(marketer);
    const session = { id: unique('hash'), userId: marketer.id, csrfToken: 'csrf', createdAt: 100, expiresAt: 10_000, revokedAt: null };
    await store.createAdminSession(session);
    expect(await store.disableAdminUser(marketer.id, 500)).toEqual({ ...marketer, disabledAt: 500 });
    expect(await store.disableAdminUser(marketer.id, 600)).toBeNull();
    expect((await store.findAdminUserByEmail(marketer.email))?.disabledAt).toBe(500);
    expect(await store.findAdminSession(session.id, 700)).toBeNull();
    expect(await store.disableAdminUser(unique('nobody'), 500)).toBeNull();
  });

  test('the last enabled owner cannot be disabled', async () => {
    // A store of its own: "last owner" counts every account in it.
    const fresh = await open();
    try {
      const [first, second] = [user({ role: 'owner' }), user({ role: 'owner' })];
      const disabledOwner = user({ role: 'owner', disabledAt: 50 });
      for (const account of [first, second, disabledOwner]) await fresh.createAdminUser(account);
      expect((await fresh.disableAdminUser(first.id, 100))?.disabledAt).toBe(100);
      expect(await fresh.disableAdminUser(second.id, 200)).toBeNull();
      expect((await fresh.findAdminUserByEmail(second.email))?.disabledAt).toBeNull();
      const marketer = user();
      await fresh.createAdminUser(marketer);
      expect((await fresh.disableAdminUser(marketer.id, 300))?.disabledAt).toBe(300);
    } finally {
      await fresh.close();
    }
  }, 60_000);

  test('audit entries keep before/after JSON and list newest first, filtered and bounded', async () => {
    const author = user();
    await store.createAdminUser(author);
    const action = unique('promotion_changed');
    const written = [];
    for (let i = 0; i < 4; i++) {
      written.push(
        await store.appendAuditEntry({
          at: 1000 + i,
          userId: i % 2 ? author.id : null,
          action,
          subject: `p${i}`,
          before: i ? { percent: i } : null,
          after: { percent: i + 1 },
        }),
      );
    }
    expect(written[1]).toMatchObject({ userId: author.id, action, subject: 'p1', before: { percent: 1 }, after: { percent: 2 } });
    const all = await store.listAuditEntries({ action });
    expect(all.map((e) => e.subject)).toEqual(['p3', 'p2', 'p1', 'p0']);
    expect((await store.listAuditEntries({ action, userId: author.id })).map((e) => e.subject)).toEqual(['p3', 'p1']);
    expect((await store.listAuditEntries({ action, limit: 2 })).map((e) => e.subject)).toEqual(['p3', 'p2']);
    expect((await store.listAuditEntries({ action, beforeId: all[1]!.id })).map((e) => e.subject)).toEqual(['p1', 'p0']);
    expect(await store.listAuditEntries({ action, limit: 100_000 })).toHaveLength(4);
  });
});
