import type { PromotionsConfig } from '@cartlift/discounts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, PROMOTIONS, newSchemaName, openPostgresStore, orderDiscount, promotionsWith, startHarness, storeVariants } from '../test/harness.js';
import type { Store } from './store/types.js';

// 满20减5: applies to one tea (24.00), so a quote shows whether it is in force.
const WITH_SUMMER = promotionsWith(orderDiscount('summer', 500, 2000));
const appliedIds = (body: { applied: { promotionId: string }[] }) => body.applied.map((entry) => entry.promotionId);

describe.each(storeVariants())('published promotion versions on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(() => store?.close());

  test('the configured file becomes version 1 once; publishes take the next numbers, even ten at once, and every version is kept', async () => {
    expect(await store.latestPromotionVersion()).toBeNull();
    const first = await store.importPromotions({ config: PROMOTIONS as PromotionsConfig, now: 1 });
    expect([first.version, first.publishedBy, first.note]).toEqual([1, null, 'imported from the configuration']);
    // A second start imports nothing: the file is history once anything is published.
    expect((await store.importPromotions({ config: WITH_SUMMER, now: 2 })).config).toEqual(PROMOTIONS);
    const published = await Promise.all(
      Array.from({ length: 10 }, (_, i) => store.publishPromotions({ config: WITH_SUMMER, now: 10 + i, by: 'li.wei@example.com', note: `edit ${i}` })),
    );
    expect(published.map((version) => version.version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect((await store.latestPromotionVersion())?.version).toBe(11);
    expect(await store.latestPromotionVersion({ newerThan: 11 })).toBeNull();
    expect((await store.promotionVersion(1))?.config).toEqual(PROMOTIONS);
    expect((await store.listPromotionVersions({ limit: 3 })).map((version) => version.version)).toEqual([11, 10, 9]);
  });

  test('the draft is saved only over the revision its editor started from: a stale edit is refused, never overwrites', async () => {
    expect(await store.promotionDraft()).toBeNull();
    const first = await store.savePromotionDraft({ config: PROMOTIONS as PromotionsConfig, rev: 0, now: 1, by: 'li.wei@example.com' });
    expect([first.saved, first.draft?.rev]).toEqual([true, 1]);
    // Two marketers edit revision 1 at once: one save wins, the other is told the draft moved on.
    const [a, b] = await Promise.all([
      store.savePromotionDraft({ config: WITH_SUMMER, rev: 1, now: 2, by: 'a@example.com' }),
      store.savePromotionDraft({ config: PROMOTIONS as PromotionsConfig, rev: 1, now: 2, by: 'b@example.com' }),
    ]);
    expect([a.saved, b.saved].sort()).toEqual([false, true]);
    const won = a.saved ? a : b;
    const lost = a.saved ? b : a;
    expect(lost.draft).toEqual(won.draft);
    expect(won.draft?.rev).toBe(2);
    expect((await store.savePromotionDraft({ config: WITH_SUMMER, rev: 0, now: 3 })).saved).toBe(false);
  });
});

const pgUrl = process.env.CARTLIFT_TEST_DATABASE_URL;

describe.skipIf(!pgUrl)('a publish reaches every process on one PostgreSQL', () => {
  const schema = newSchemaName();
  let stores: Store[] = [];
  let shop: Harness;
  let other: Harness;
  beforeAll(async () => {
    stores = await Promise.all([0, 1].map((i) => openPostgresStore(schema, { keep: i !== 0 })));
    shop = await startHarness(stores[0]!, { managePromotions: true });
    other = await startHarness(stores[1]!, { managePromotions: true }, { sandbox: shop.sandbox });
  }, 60_000);
  afterAll(async () => {
    await other?.close();
    await shop?.close();
    await stores[1]?.close();
    await stores[0]?.close();
  });

  test('within 2 s, /config (with a new ETag) and /quote in the other process use the new version', async () => {
    const lines = [{ sku: 'TEA-LJ-100', quantity: 1 }];
    const before = await other.call('GET', '/config');
    expect(before.body.promotions.map((promotion: { id: string }) => promotion.id)).not.toContain('summer');
    expect(appliedIds((await other.call('POST', '/quote', { lines })).body)).not.toContain('summer');

    const published = await stores[0]!.publishPromotions({ config: WITH_SUMMER, now: Date.now(), by: 'li.wei@example.com' });
    const started = performance.now();
    let seen = false;
    while (!seen && performance.now() - started < 5000) {
      seen = appliedIds((await other.call('POST', '/quote', { lines })).body).includes('summer');
      if (!seen) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const took = performance.now() - started;
    console.log(`a publish reached the other process in ${Math.round(took)} ms (version ${published.version})`);
    expect(seen).toBe(true);
    const after = await other.call('GET', '/config');
    expect(after.body.promotions.map((promotion: { id: string }) => promotion.id)).toContain('summer');
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
  }, 30_000);
});

describe('without managePromotions', () => {
  test('the configured promotions stay in force whatever is published', async () => {
    const [variant] = storeVariants();
    const store = await variant!.open();
    const shop = await startHarness(store);
    try {
      // Published before the first request: a process that followed versions would take it at once.
      await store.publishPromotions({ config: WITH_SUMMER, now: Date.now() });
      const quote = await shop.call('POST', '/quote', { lines: [{ sku: 'TEA-LJ-100', quantity: 1 }] });
      expect(appliedIds(quote.body)).not.toContain('summer');
    } finally {
      await shop.close();
      await store.close();
    }
  });
});
