import { describe, expect, test } from 'vitest';
import { openHarness, PROMOTIONS, storeVariants, unique, useHarness } from '../test/harness.js';
import { signedIn } from '../test/console-session.js';
import { ABANDONED_AFTER_MS, failAbandonedBatches, generateCodes } from './promotions/code-batches.js';
import { UNAMBIGUOUS_ALPHABET } from './promotions/unique-codes.js';
import type { AdminRole } from './store/types.js';

// $3 off with one of its own single-use codes, as a marketer sets up a mailing.
const SINGLE_USE = {
  id: 'mailing-3-off',
  name: 'Mailing $3 off',
  uniqueCodes: true,
  currency: 'USD',
  rule: { type: 'amount_off', amount: 300 },
  combinesWith: { product: true, order: true, shipping: true },
};
const CONFIG = { version: 1, promotions: [...PROMOTIONS.promotions, SINGLE_USE] };
const LINES = [{ sku: 'TEA-LJ-100', quantity: 2 }];
const appliedIds = (res: { body: any }): string[] => (res.body.quote ?? res.body).applied.map((a: { promotionId: string }) => a.promotionId);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(storeVariants())('single-use codes on $name', ({ open }) => {
  const h = useHarness(open, { managePromotions: true, promotions: CONFIG, rateLimit: { checkoutsPerIp: 1_000_000 } });

  async function signIn(role: AdminRole) {
    const { headers } = await signedIn(h, role);
    const call = (method: string, path: string, body?: unknown) => h.call(method, `/admin/api/promotions${path}`, body, headers);
    return Object.assign(call, { headers });
  }

  /** Polls the batch list until the batch is no longer generating (bounded), keeping every `generated` seen. */
  async function untilDone(console: Awaited<ReturnType<typeof signIn>>, batchId: string) {
    const seen: number[] = [];
    for (let tries = 0; tries < 600; tries++) {
      const { body } = await console('GET', `/codes/batches?promotionId=${SINGLE_USE.id}`);
      const batch = body.batches.find((b: { id: string }) => b.id === batchId);
      seen.push(batch.generated);
      if (batch.status !== 'generating') return { batch, seen };
      await wait(20);
    }
    throw new Error(`batch ${batchId} still generating after 600 looks`);
  }

  /** A new batch of `count` codes, generated through the route: its id and its first code. */
  async function freshCode(count: number): Promise<{ batchId: string; code: string }> {
    const marketer = await signIn('marketer');
    const started = await marketer('POST', '/codes', { promotionId: SINGLE_USE.id, count, prefix: 'MAIL-' });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    await untilDone(marketer, started.body.batch.id);
    const listed = await marketer('GET', `/codes?batch=${started.body.batch.id}&status=unused&limit=${count}`);
    return { batchId: started.body.batch.id, code: listed.body.codes[0].code };
  }

  async function codeStatus({ batchId, code }: { batchId: string; code: string }) {
    const viewer = await signIn('viewer');
    const { body } = await viewer('GET', `/codes?batch=${batchId}&limit=100`);
    return body.codes.find((c: { code: string }) => c.code === code) as { status: string; order: string | null };
  }

  test('10,000 codes are generated in the background with progress, then downloaded as CSV', async () => {
    const marketer = await signIn('marketer');
    const started = await marketer('POST', '/codes', { promotionId: SINGLE_USE.id, count: 10_000, prefix: 'SPRING-', length: 8 });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.body.batch).toEqual({
      id: expect.any(String),
      promotionId: SINGLE_USE.id,
      count: 10_000,
      generated: 0,
      prefix: 'SPRING-',
      length: 8,
      status: 'generating',
      error: null,
      createdAt: expect.any(Number),
      createdBy: expect.stringContaining('@example.com'),
    });
    const { batch, seen } = await untilDone(marketer, started.body.batch.id);
    expect(batch).toMatchObject({ status: 'ready', generated: 10_000, error: null });
    // Progress only grows, and was seen before the end.
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.length).toBeGreaterThan(1);

    const csv = await h.call('GET', `/admin/api/promotions/codes.csv?batch=${batch.id}`, undefined, { cookie: marketer.headers.cookie });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="codes-${SINGLE_USE.id}-${batch.id}.csv"`);
    const lines = (csv.body as string).trimEnd().split('\r\n');
    expect(lines[0]).toBe('code,status,order');
    expect(lines).toHaveLength(10_001);
    const codes = lines.slice(1).map((line) => line.split(',')[0]!);
    expect(new Set(codes).size).toBe(10_000);
    const shape = new RegExp(`^SPRING-[${UNAMBIGUOUS_ALPHABET}]{8}$`);
    expect(codes.every((code) => shape.test(code))).toBe(true);
    expect(lines.slice(1).every((line) => line.endsWith(',unused,'))).toBe(true);

    const page = await marketer('GET', `/codes?batch=${batch.id}&status=unused&limit=3&offset=2`);
    expect(page.body.codes).toHaveLength(3);
    expect(page.body.codes[0]).toEqual({ code: expect.stringMatching(shape), status: 'unused', order: null, updatedAt: expect.any(Number) });
    expect(page.body.counts).toEqual({ unused: 10_000, held: 0, redeemed: 0 });
    expect((await h.store.listAuditEntries({ action: 'codes_generated', limit: 5 })).map((e) => e.subject)).toContain(
      `10000 codes for ${SINGLE_USE.id} (batch ${batch.id})`,
    );
  }, 120_000);

  test('refusals: each validation error names its field; only uniqueCodes promotions; only marketers', async () => {
    const marketer = await signIn('marketer');
    const refused = async (body: unknown) => (await marketer('POST', '/codes', body)).body.error;
    expect(await refused({ promotionId: SINGLE_USE.id, count: 0 })).toMatchObject({
      field: 'count',
      message: expect.stringMatching(/^count must be .*; received 0\.$/),
    });
    expect(await refused({ promotionId: SINGLE_USE.id, count: 100_001 })).toMatchObject({ field: 'count' });
    expect(await refused({ promotionId: SINGLE_USE.id, count: 10, length: 3 })).toMatchObject({ field: 'length' });
    // The console sends Number('') for a cleared field: 0 is refused, never read as "the default".
    expect(await refused({ promotionId: SINGLE_USE.id, count: 10, length: 0 })).toMatchObject({ field: 'length' });
    expect(await refused({ promotionId: SINGLE_USE.id, count: 10, length: null })).toMatchObject({ field: 'length' });
    expect(await refused({ promotionId: SINGLE_USE.id, count: 10, prefix: 'NO SPACES' })).toMatchObject({ field: 'prefix' });
    expect(await refused({ promotionId: SINGLE_USE.id, count: '10' })).toMatchObject({ field: 'count' });
    expect(await refused({ count: 10 })).toMatchObject({ field: 'promotionId' });
    expect((await marketer('POST', '/codes', { promotionId: SINGLE_USE.id, count: 0 })).status).toBe(400);
    const coded = await marketer('POST', '/codes', { promotionId: 'welcome10', count: 10 });
    expect([coded.status, coded.body.error.field]).toEqual([409, 'promotionId']);
    expect(coded.body.error.message).toMatch(/uniqueCodes/);
    expect((await marketer('POST', '/codes', { promotionId: 'nope', count: 10 })).status).toBe(409);
    const viewer = await signIn('viewer');
    expect((await viewer('POST', '/codes', { promotionId: SINGLE_USE.id, count: 10 })).status).toBe(403);
    expect((await viewer('GET', '/codes?batch=nope')).status).toBe(404);
    expect((await viewer('GET', '/codes/batches')).body.error.field).toBe('promotionId');
    expect((await viewer('GET', `/codes?batch=${unique('b')}&status=lost`)).body.error.field).toBe('status');
  });

  test('a code applies once: redeemed with its order, then refused with a sentence', async () => {
    const fresh = await freshCode(3);
    const { code } = fresh;
    const quote = await h.call('POST', '/quote', { lines: LINES, codes: [code] });
    expect(appliedIds(quote)).toContain(SINGLE_USE.id);
    expect(quote.body.applied.find((a: { promotionId: string }) => a.promotionId === SINGLE_USE.id).code).toBe(code);
    // Without a code, the promotion never applies on its own.
    expect(appliedIds(await h.call('POST', '/quote', { lines: LINES }))).not.toContain(SINGLE_USE.id);

    const paid = await h.checkout({ checkoutId: unique('co'), lines: LINES, codes: [code], contact: { email: `${unique('s')}@example.com` } });
    expect(paid.body.status, JSON.stringify(paid.body)).toBe('succeeded');
    expect(appliedIds(paid)).toContain(SINGLE_USE.id);
    await h.sandbox.webhooksIdle();
    expect(await codeStatus(fresh)).toMatchObject({ status: 'redeemed', order: paid.body.paymentIntentId });

    const again = await h.call('POST', '/quote', { lines: LINES, codes: [code], contact: { email: `${unique('s')}@example.com` } });
    expect(appliedIds(again)).not.toContain(SINGLE_USE.id);
    const refusal = again.body.notApplied.find((n: { code?: string }) => n.code === code);
    expect(refusal).toMatchObject({ promotionId: SINGLE_USE.id, reason: { code: 'usage_limit' }, message: `Code ${code} has been fully redeemed.` });
  });

  test('20 checkouts racing with one code: exactly one gets the discount, the rest are priced without it', async () => {
    const { code } = await freshCode(2);
    const shown = (await h.call('POST', '/quote', { lines: LINES, codes: [code], contact: { email: `${unique('look')}@example.com` } })).body;
    // Payment details made first, so the checkouts reach the server together and race for the hold itself.
    const requests = await Promise.all(
      Array.from({ length: 20 }, async () => ({
        checkoutId: unique('co'),
        lines: LINES,
        codes: [code],
        contact: { email: `${unique('race')}@example.com` },
        confirmationToken: await h.confirmationToken(),
        expectedTotal: shown.total,
      })),
    );
    const results = await Promise.all(requests.map((r) => h.call('POST', '/checkout', r)));
    const winners = results.filter((r) => r.status === 200);
    expect(winners, JSON.stringify(results.map((r) => r.body.error ?? r.body.status))).toHaveLength(1);
    expect(appliedIds(winners[0]!)).toContain(SINGLE_USE.id);
    const losers = results.filter((r) => r.status === 409);
    expect(losers).toHaveLength(19);
    for (const loser of losers) {
      expect(loser.body.error.code).toBe('price_changed');
      expect(loser.body.quote.total).toBe(shown.total + 300);
      expect(loser.body.quote.notApplied.find((n: { code?: string }) => n.code === code).reason.code).toBe('usage_limit');
    }
  });

  test('a held code is refused to other checkouts; a declined payment frees it', async () => {
    const fresh = await freshCode(2);
    const { code } = fresh;
    const waiting = { checkoutId: unique('co'), lines: LINES, codes: [code], contact: { email: `${unique('w')}@example.com` } };
    const open = await h.checkout(waiting, { paymentMethod: 'pm_card_authenticationRequired' });
    expect(open.body.status).toBe('requires_action');
    expect(appliedIds(open)).toContain(SINGLE_USE.id);
    expect(await codeStatus(fresh)).toMatchObject({ status: 'held' });
    const other = await h.call('POST', '/quote', { lines: LINES, codes: [code], contact: { email: `${unique('o')}@example.com` } });
    expect(appliedIds(other)).not.toContain(SINGLE_USE.id);
    expect(other.body.notApplied.find((n: { code?: string }) => n.code === code).message).toBe(`Code ${code} has been fully redeemed.`);

    h.sandbox.completeAction(open.body.paymentIntentId, 'fail');
    let told = await h.call('POST', '/checkout/complete', { checkoutId: waiting.checkoutId });
    for (let tries = 0; told.body.error?.code === 'checkout_in_progress' && tries < 20; tries++) {
      await wait(50);
      told = await h.call('POST', '/checkout/complete', { checkoutId: waiting.checkoutId });
    }
    // 402 with the failure, or 409 when the failure's webhook settled the attempt first: either way it is over.
    expect([402, 409], JSON.stringify(told.body)).toContain(told.status);
    await h.sandbox.webhooksIdle();
    expect(await codeStatus(fresh)).toMatchObject({ status: 'unused', order: null });

    const declined = await h.checkout(
      { checkoutId: unique('co'), lines: LINES, codes: [code], contact: { email: `${unique('d')}@example.com` } },
      { paymentMethod: 'pm_card_chargeDeclined' },
    );
    expect(declined.status).toBe(402);
    expect(await codeStatus(fresh)).toMatchObject({ status: 'unused' });
    const paid = await h.checkout({ checkoutId: unique('co'), lines: LINES, codes: [code], contact: { email: `${unique('p')}@example.com` } });
    expect(appliedIds(paid)).toContain(SINGLE_USE.id);
  });

  test('a hold lasts its attempt: once it expired, the next pricing cancels the abandoned payment and the code is free again', async () => {
    let now = Date.now();
    // Only the single-use promotion: no other hold (a first order's) could bring the attempt to be settled.
    const clocked = await openHarness(open, { now: () => now, reservationTtlMs: 60_000, promotions: { version: 1, promotions: [SINGLE_USE] } });
    try {
      const batch = await clocked.store.createCodeBatch({ promotionId: SINGLE_USE.id, count: 2, prefix: 'EXP-', length: 10, createdBy: null, now });
      await generateCodes(clocked.store, batch, { now: () => now });
      const code = (await clocked.store.listCodes({ batchId: batch.id, limit: 1, offset: 0 })).codes[0]!.code;
      const quote = async () => clocked.call('POST', '/quote', { lines: LINES, codes: [code] });
      const abandoned = await clocked.checkout(
        { checkoutId: unique('co'), lines: LINES, codes: [code], contact: { email: `${unique('gone')}@example.com` } },
        { paymentMethod: 'alipay' },
      );
      expect(abandoned.body.status).toBe('requires_action');
      expect(appliedIds(await quote())).not.toContain(SINGLE_USE.id);
      now += 61_000;
      expect(appliedIds(await quote())).toContain(SINGLE_USE.id);
      expect((await clocked.stripe.paymentIntents.retrieve(abandoned.body.paymentIntentId)).status).toBe('canceled');
      expect((await clocked.store.findCodes([code]))[0]).toMatchObject({ status: 'unused', checkoutId: null, order: null });
    } finally {
      await clocked.close();
    }
  }, 60_000);

  test('a batch a dead process left generating is marked failed at start; one still making progress is left alone', async () => {
    const now = Date.now();
    const options = { promotionId: SINGLE_USE.id, count: 50, prefix: 'DEAD-', length: 10, createdBy: 'gone@example.com' };
    const dead = await h.store.createCodeBatch({ ...options, now: now - ABANDONED_AFTER_MS - 1 });
    const alive = await h.store.createCodeBatch({ ...options, now });
    expect(await failAbandonedBatches(h.store, now)).toBeGreaterThanOrEqual(1);
    const batches = await h.store.codeBatches(SINGLE_USE.id);
    expect(batches.find((b) => b.id === dead.id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/^The server stopped while generating/) });
    expect(batches.find((b) => b.id === alive.id)).toMatchObject({ status: 'generating', error: null });
  });
});
