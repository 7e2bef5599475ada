import { describe, expect, test } from 'vitest';
import { PROMOTIONS, orderDiscount, promotionsWith, storeVariants, unique, useHarness } from '../../test/harness.js';
import { signedIn } from '../../test/console-session.js';
import type { AdminRole } from '../store/types.js';

// 满100减10 as a marketer adds it, labelled in both languages.
const MAN_JIAN = orderDiscount('man-100-jian-10', 1000, 10000);
const withManJian = promotionsWith(MAN_JIAN);
const ids = (config: { promotions: { id: string }[] }) => config.promotions.map((promotion) => promotion.id);

describe.each(storeVariants())('the console manages promotions on $name', ({ open }) => {
  const h = useHarness(open, { managePromotions: true });

  async function signIn(role: AdminRole) {
    const { headers } = await signedIn(h, role);
    return (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) =>
      h.call(method, `/admin/api/promotions${path}`, body, { ...headers, ...extra });
  }

  test('draft, preview, publish (in force at once), diff, rollback; each change audited', async () => {
    const marketer = await signIn('marketer');
    const start = await marketer('GET', '');
    expect(start.status).toBe(200);
    const rev = start.body.draft.rev as number;

    // An invalid promotion can't be saved: the engine's sentence, naming the field.
    const bad = await marketer('PUT', '/draft', {
      rev,
      config: { ...withManJian, promotions: [{ ...MAN_JIAN, rule: { type: 'amount_off', amount: '10%' } }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toMatch(/^config\./);

    const saved = await marketer('PUT', '/draft', { rev, config: withManJian });
    expect(saved.status).toBe(200);
    // A save over a stale revision is refused, never overwrites.
    expect((await marketer('PUT', '/draft', { rev, config: PROMOTIONS })).body.error.code).toBe('draft_changed');
    const listed = await marketer('GET', '');
    expect(listed.body.promotions.find((p: { id: string }) => p.id === MAN_JIAN.id).status).toBe('draft');

    const preview = await marketer('POST', '/preview', { lines: [{ sku: 'POT-YIXING', quantity: 2 }], firstPurchase: false });
    expect(preview.body.live.total - preview.body.draft.total).toBe(1000);

    const published = await marketer('POST', '/publish', { note: '满100减10 for the spring sale' });
    expect(published.status).toBe(200);
    const quote = await h.call('POST', '/quote', { lines: [{ sku: 'POT-YIXING', quantity: 2 }] });
    expect(quote.body.applied.map((a: { promotionId: string }) => a.promotionId)).toContain(MAN_JIAN.id);
    expect((await marketer('GET', '')).body.promotions.find((p: { id: string }) => p.id === MAN_JIAN.id).status).toBe('active');

    const versions = await marketer('GET', '/versions');
    const previous = published.body.version - 1;
    expect(versions.body.current).toBe(published.body.version);
    const diff = await marketer('GET', `/diff?from=${previous}&to=${published.body.version}`);
    expect(diff.body.changes).toEqual([{ id: MAN_JIAN.id, change: 'added', after: MAN_JIAN }]);
    expect(ids((await marketer('GET', `/versions?version=${previous}`)).body)).not.toContain(MAN_JIAN.id);

    const rolledBack = await marketer('POST', '/rollback', { version: previous });
    expect(rolledBack.body.version).toBe(published.body.version + 1);
    const after = await h.call('POST', '/quote', { lines: [{ sku: 'POT-YIXING', quantity: 2 }] });
    expect(after.body.applied.map((a: { promotionId: string }) => a.promotionId)).not.toContain(MAN_JIAN.id);

    const audit = await h.store.listAuditEntries({ limit: 20 });
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['draft_saved', 'promotions_published']));
    expect(audit.filter((entry) => entry.action === 'promotions_published')).toHaveLength(2);
  });

  test("a viewer reads and previews but can't save or publish; a change without the CSRF token is refused", async () => {
    const viewer = await signIn('viewer');
    expect((await viewer('GET', '')).status).toBe(200);
    expect((await viewer('POST', '/publish', {})).status).toBe(403);
    expect((await viewer('PUT', '/draft', { rev: 0, config: withManJian })).body.error.code).toBe('forbidden');
    const marketer = await signIn('marketer');
    const forged = await marketer('POST', '/publish', {}, { 'x-cartlift-csrf': 'not-the-token' });
    expect([forged.status, forged.body.error.code]).toEqual([403, 'csrf_failed']);
    expect((await h.call('GET', '/admin/api/promotions')).status).toBe(401);
  });

  test('duplicating a promotion adds a paused copy with a new code to the draft; the copy is not live until published and switched on', async () => {
    const marketer = await signIn('marketer');
    const res = await marketer('POST', '/duplicate', { id: 'welcome10' });
    expect(res.status).toBe(200);
    expect(res.body.copy).toMatchObject({ id: 'welcome10-copy', enabled: false, code: expect.stringMatching(/^WELCOME10[A-Z0-9]{4}$/) });
    const listed = (await marketer('GET', '')).body.promotions.find((p: { id: string }) => p.id === 'welcome10-copy');
    expect(listed.status).toBe('draft');
    const quote = await h.call('POST', '/quote', { lines: [{ sku: 'TEA-LJ-100', quantity: 1 }], codes: [res.body.copy.code] });
    expect(quote.body.notApplied[0].reason.code).toBe('unknown_code');
    expect((await h.store.listAuditEntries({ action: 'promotion_duplicated', limit: 1 }))[0]).toMatchObject({ subject: 'welcome10 → welcome10-copy' });
  });

  test('archiving switches a promotion off and keeps it in the file; brought back, it stays off until switched on', async () => {
    const marketer = await signIn('marketer');
    const archived = await marketer('POST', '/archive', { id: 'once-each', archived: true });
    expect(archived.status).toBe(200);
    const statusOf = async () => (await marketer('GET', '')).body.promotions.find((p: { id: string }) => p.id === 'once-each').status;
    expect(await statusOf()).toBe('archived');
    await marketer('POST', '/publish', {});
    const quote = await h.call('POST', '/quote', { lines: [{ sku: 'TEA-LJ-100', quantity: 1 }], codes: ['ONCE'] });
    expect(quote.body.applied.map((a: { promotionId: string }) => a.promotionId)).not.toContain('once-each');
    await marketer('POST', '/archive', { id: 'once-each', archived: false });
    expect(await statusOf()).toBe('paused');
    expect((await marketer('POST', '/archive', { id: 'nope', archived: true })).status).toBe(404);
  });

  test('lists each promotion with its paid redemptions, the discount it gave and its budget', async () => {
    const marketer = await signIn('viewer');
    const itemOf = async (id: string) => (await marketer('GET', '')).body.promotions.find((p: { id: string }) => p.id === id);
    const before = await itemOf('welcome10');
    expect(before).toMatchObject({ budget: null, redemptions: expect.any(Number), discountGiven: expect.any(Number) });
    const paid = await h.checkout({
      checkoutId: unique('co'),
      lines: [{ sku: 'POT-YIXING', quantity: 1 }],
      codes: ['WELCOME10'],
      contact: { email: `${unique('stats')}@example.com` },
    });
    expect(paid.body.status).toBe('succeeded');
    await h.sandbox.webhooksIdle();
    const given = paid.body.quote.applied.find((a: { promotionId: string }) => a.promotionId === 'welcome10').amount as number;
    expect(await itemOf('welcome10')).toMatchObject({ redemptions: before.redemptions + 1, discountGiven: before.discountGiven + given, budget: null });
    // A budget in the draft is listed with it (minor units), before any order used it.
    const editor = await signIn('marketer');
    const { rev, config } = (await editor('GET', '')).body.draft;
    const budgeted = { ...orderDiscount('man-50-budget', 500, 5000), limits: { budget: 50000 } };
    expect((await editor('PUT', '/draft', { rev, config: { ...config, promotions: [...config.promotions, budgeted] } })).status).toBe(200);
    expect(await itemOf('man-50-budget')).toMatchObject({ budget: 50000, redemptions: 0, discountGiven: 0 });
  });

  test('replays the draft on the carts shoppers priced: how many change and by how much', async () => {
    await h.call('POST', '/quote', { lines: [{ sku: 'POT-YIXING', quantity: 2 }] });
    const marketer = await signIn('marketer');
    const { rev } = (await marketer('GET', '')).body.draft;
    await marketer('PUT', '/draft', { rev, config: withManJian });
    let replay = await marketer('POST', '/replay', {});
    for (let tries = 0; replay.body.carts === 0 && tries < 50; tries++) replay = await marketer('POST', '/replay', {});
    expect(replay.body.changed).toBeGreaterThanOrEqual(1);
    expect(replay.body.discountDraft).toBeGreaterThan(replay.body.discountLive);
  });
});

describe("the shop's time zone", () => {
  test('is checked at start, naming the option', async () => {
    const { createCartliftHandler } = await import('../handler.js');
    const stripe = { secretKey: 'sk_test_x', publishableKey: 'pk_test_x' };
    expect(() => createCartliftHandler({ currency: 'USD', catalog: [], stripe, timeZone: 'Asia/Shangai' })).toThrow(
      'timeZone must be an IANA time zone such as "Asia/Shanghai"; received "Asia/Shangai".',
    );
  });
});
