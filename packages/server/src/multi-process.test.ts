import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newSchemaName, openPostgresStore, startHarness, unique, type Harness } from './test-support';
import type { Store } from './store/types';

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
    first = await startHarness(stores[0]!);
    others = await Promise.all(stores.slice(1).map((store) => startHarness(store, {}, { sandbox: first.sandbox })));
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

  test('200 concurrent requests for one checkout id across processes give one PaymentIntent', async () => {
    const checkoutId = unique('co');
    const request = { checkoutId, lines: [{ sku: 'TEA-LJ-100', quantity: 1 }], contact: { email: `${unique('mp')}@example.com` } };
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => all()[i % 4]!.call('POST', '/checkout', request)));
    expect(results.filter((r) => r.status !== 200).map((r) => r.body)).toEqual([]);
    expect(new Set(results.map((r) => r.body.paymentIntentId)).size).toBe(1);
    expect(first.sandbox.paymentIntents().filter((pi) => pi.metadata.cartlift_checkout_id === checkoutId)).toHaveLength(1);
  }, 60_000);

  test('1,000 concurrent redemptions across processes of a promotion limited to 100: exactly 100', async () => {
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        all()[i % 4]!.call('POST', '/checkout', { checkoutId: unique('co'), lines: [{ sku: 'TEA-LJ-100', quantity: 1 }], codes: ['LIMITED'], contact: { email: `${unique('mp')}@example.com` } }),
      ),
    );
    expect(results.filter((r) => r.status !== 200).map((r) => r.body)).toEqual([]);
    const winners = results.filter((r) => r.body.quote.applied.some((a: { promotionId: string }) => a.promotionId === 'limited100'));
    expect(winners).toHaveLength(100);
  }, 120_000);

  test('coupon guessing is limited once across processes, not once per process', async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
    const cartId = unique('mp-cart');
    const guess = (i: number) => all()[i % 4]!.call('POST', '/quote', { lines: [{ sku: 'TEA-LJ-100', quantity: 1 }], codes: [`NOPE${i}`], cartId }, { 'x-test-ip': ip });
    // The default limit is 20 unknown codes per cart per 10 minutes (the per-IP ceiling, 200, is higher).
    for (let i = 0; i < 20; i++) expect((await guess(i)).status).toBe(200);
    const refused = await Promise.all([20, 21, 22, 23].map(guess));
    expect(refused.map((r) => r.status)).toEqual([429, 429, 429, 429]);
    expect(refused[0]!.body.error.code).toBe('too_many_coupon_attempts');
  });
});
