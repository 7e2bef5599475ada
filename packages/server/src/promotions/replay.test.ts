import type { PromotionsConfig } from '@cartlift/discounts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CATALOG, type Harness, PROMOTIONS, startHarness, storeVariants } from '../../test/harness.js';
import { createCatalog } from '../catalog.js';
import { pricingContext } from '../pricing.js';
import type { Store } from '../store/types.js';
import { replayDraft } from './replay.js';

const draft: PromotionsConfig = {
  version: 1,
  promotions: [
    ...(PROMOTIONS as PromotionsConfig).promotions,
    {
      id: 'man-100-jian-10',
      name: { en: '$10 off orders over $100', 'zh-CN': '满100减10' },
      currency: 'USD',
      rule: { type: 'amount_off', amount: 1000, appliesTo: 'order' },
      conditions: { minSubtotal: 10000 },
      combinesWith: { product: true, order: true, shipping: true },
    },
  ],
};

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

    const handlerContext = {
      currency: 'USD',
      catalog: createCatalog(CATALOG),
      promotions: PROMOTIONS as PromotionsConfig,
      shippingOptions: [],
      channel: 'web',
    };
    const summary = await replayDraft(pricingContext(handlerContext, store), draft, carts, Date.now());
    expect(summary).toMatchObject({ carts: 2, changed: 1, skipped: 0 });
    expect(summary.discountDraft - summary.discountLive).toBe(1000);
    expect(summary.examples).toEqual([{ lines: [{ sku: 'POT-YIXING', quantity: 2 }], totalLive: expect.any(Number), totalDraft: expect.any(Number) }]);
    expect(summary.examples[0]!.totalLive - summary.examples[0]!.totalDraft).toBe(1000);
  }, 30_000);
});
