import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, harnessPricing, orderDiscount, promotionsWith, startHarness, storeVariants } from '../../test/harness.js';
import type { Store } from '../store/types.js';
import { replayDraft } from './replay.js';

// 满100减10 as a marketer drafts it.
const draft = promotionsWith(orderDiscount('man-100-jian-10', 1000, 10000));

describe.each(storeVariants())('replaying a draft on the carts shoppers priced, on $name', ({ open }) => {
  let store: Store;
  let shop: Harness;
  beforeAll(async () => {
    store = await open();
    shop = await startHarness(store, { managePromotions: true });
  }, 60_000);
  afterAll(async () => {
    await shop?.close();
    await store?.close();
  });

  test('keeps what /quote priced without the shopper, and says how many carts the draft changes and by how much', async () => {
    await shop.call('POST', '/quote', { lines: [{ sku: 'POT-YIXING', quantity: 2 }], contact: { email: 'li.wei@example.com' } });
    await shop.call('POST', '/quote', { lines: [{ sku: 'TEA-LJ-100', quantity: 1 }], codes: ['WELCOME10'] });
    // Kept without waiting on the quote: look until both are there.
    let carts = await store.recentQuotedCarts();
    for (let tries = 0; carts.length < 2 && tries < 50; tries++)
      carts = await new Promise((resolve) => setTimeout(() => resolve(store.recentQuotedCarts()), 20));
    expect(carts.map((quoted) => quoted.cart)).toEqual([
      { lines: [{ sku: 'TEA-LJ-100', quantity: 1 }], codes: ['WELCOME10'] },
      { lines: [{ sku: 'POT-YIXING', quantity: 2 }] },
    ]);
    expect(JSON.stringify(carts)).not.toContain('li.wei');

    const summary = await replayDraft(harnessPricing(store), draft, carts, Date.now());
    expect(summary).toMatchObject({ carts: 2, changed: 1, skipped: 0 });
    expect(summary.discountDraft - summary.discountLive).toBe(1000);
    expect(summary.examples).toEqual([{ lines: [{ sku: 'POT-YIXING', quantity: 2 }], totalLive: expect.any(Number), totalDraft: expect.any(Number) }]);
    expect(summary.examples[0]!.totalLive - summary.examples[0]!.totalDraft).toBe(1000);
  }, 30_000);
});
