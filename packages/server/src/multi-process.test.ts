import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newSchemaName, openPostgresStore, startHarness, unique, type Harness } from '../test/harness.js';
import type { Store } from './store/types.js';

// Several server processes on one PostgreSQL: each "process" here is its own
// handler with its own pg pool, sharing nothing but the database (and Stripe).
// PGlite is single-process by design, so this suite is PostgreSQL-only.
const pgUrl = process.env.CARTLIFT_TEST_DATABASE_URL;
if (!pgUrl) console.warn('[cartlift] multi-process PostgreSQL suite SKIPPED: set CARTLIFT_TEST_DATABASE_URL.');

describe.skipIf(!pgUrl)('several processes on one PostgreSQL', () => {
  const schema = newSchemaName();
  let stores: Store[] = [];
  let first: Harness;
  let others: Harness[] = [];
  beforeAll(async () => {
    // Four processes starting at once: migrations apply exactly once under the advisory lock.
    stores = await Promise.all([0, 1, 2, 3].map((i) => openPostgresStore(schema, { keep: i !== 0 })));
    // One client address sends every attempt here: lift the per-address attempt limit (shared across processes).
    const options = { rateLimit: { checkoutsPerIp: 1_000_000 } };
    first = await startHarness(stores[0]!, options);
    others = await Promise.all(stores.slice(1).map((store) => startHarness(store, options, { sandbox: first.sandbox })));
  }, 60_000);
  afterAll(async () => {
    for (const h of [...others, first]) await h?.close();
    for (const store of stores.slice(1)) await store.close();
    await stores[0]?.close();
  });
  const all = () => [first, ...others];

  test('concurrent starts applied each migration once', async () => {
    expect(await stores[1]!.migrate()).toEqual([]);
  });

  test('200 concurrent requests for one checkout id across processes give one PaymentIntent, paid once', async () => {
    const checkoutId = unique('co');
    const cart = { checkoutId, lines: [{ sku: 'TEA-LJ-100', quantity: 1 }], contact: { email: `${unique('mp')}@example.com` } };
    const quote = await first.call('POST', '/quote', { lines: cart.lines, contact: cart.contact });
    const request = { ...cart, confirmationToken: await first.confirmationToken(), expectedTotal: quote.body.total };
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => all()[i % 4]!.call('POST', '/checkout', request)));
    expect(results.filter((r) => r.status !== 200).map((r) => r.body)).toEqual([]);
    expect(new Set(results.map((r) => r.body.status))).toEqual(new Set(['succeeded']));
    expect(new Set(results.map((r) => r.body.paymentIntentId)).size).toBe(1);
    expect(new Set(results.map((r) => r.body.order.orderNumber)).size).toBe(1);
    expect(
      first.sandbox
        .paymentIntents()
        .filter((pi) => pi.metadata.cartlift_checkout_id === checkoutId)
        .map((pi) => pi.status),
    ).toEqual(['succeeded']);
    await first.sandbox.webhooksIdle();
    expect((await stores[0]!.listOrders()).filter((o) => o.checkoutId === checkoutId)).toHaveLength(1);
  }, 60_000);

  test('1,000 concurrent paid attempts across processes (every 5th declined) at a promotion limited to 100: exactly 100 orders get it', async () => {
    const lines = [{ sku: 'TEA-LJ-100', quantity: 1 }];
    const applied = (r: { body: any }): string[] => (r.body.quote ?? r.body).applied.map((a: { promotionId: string }) => a.promotionId);
    const shown = (await first.call('POST', '/quote', { lines, codes: ['LIMITED'], contact: { email: `${unique('look')}@example.com` } })).body;
    expect(applied({ body: shown })).toContain('limited100');
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        all()[i % 4]!.checkout(
          { checkoutId: unique('co'), lines, codes: ['LIMITED'], contact: { email: `${unique('mp')}@example.com` } },
          { expectedTotal: shown.total, paymentMethod: i % 5 === 4 ? 'pm_card_chargeDeclined' : 'pm_card_visa' },
        ),
      ),
    );
    expect(results.filter((r, i) => (i % 5 === 4 ? ![402, 409].includes(r.status) : ![200, 409].includes(r.status))).map((r) => r.body)).toEqual([]);
    const paid = results.filter((r) => r.status === 200);
    expect(paid.every((r) => r.body.status === 'succeeded' && applied(r).includes('limited100'))).toBe(true);
    expect(paid.length).toBeLessThanOrEqual(100);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'price_changed' && r.body.quote.total === shown.total + 100)).toBe(true);
    // Redemptions the declined attempts held are free again: paying until the promotion is gone ends at exactly 100.
    let more = 0;
    for (let i = 0; ; i++) {
      const next = await all()[i % 4]!.checkout({ checkoutId: unique('co'), lines, codes: ['LIMITED'], contact: { email: `${unique('mp')}@example.com` } });
      expect(next.status).toBe(200);
      if (!applied(next).includes('limited100')) break;
      more += 1;
      expect(more).toBeLessThanOrEqual(100);
    }
    expect(paid.length + more).toBe(100);
    await first.sandbox.webhooksIdle();
    expect((await stores[0]!.listOrders()).filter((o) => o.promotions.includes('limited100'))).toHaveLength(100);
  }, 120_000);

  test('coupon guessing is limited once across processes, not once per process', async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
    const cartId = unique('mp-cart');
    const guess = (i: number) =>
      all()[i % 4]!.call('POST', '/quote', { lines: [{ sku: 'TEA-LJ-100', quantity: 1 }], codes: [`NOPE${i}`], cartId }, { 'x-test-ip': ip });
    // The default limit is 20 unknown codes per cart per 10 minutes (the per-IP ceiling, 200, is higher).
    for (let i = 0; i < 20; i++) expect((await guess(i)).status).toBe(200);
    const refused = await Promise.all([20, 21, 22, 23].map(guess));
    expect(refused.map((r) => r.status)).toEqual([429, 429, 429, 429]);
    expect(refused[0]!.body.error.code).toBe('too_many_coupon_attempts');
  });
});
