import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { harnessPricing, orderDiscount, promotionsWith, storeVariants } from '../../test/harness.js';
import type { PricingContext } from '../pricing.js';
import type { Store } from '../store/types.js';
import { previewCart } from './preview.js';

// 满200减30 as a marketer drafts it, beside the promotions in force.
const draft = promotionsWith(orderDiscount('man-200-jian-30', 3000, 20000));

describe.each(storeVariants())('previewing a draft on $name', ({ open }) => {
  let store: Store;
  let pricing: PricingContext;
  beforeAll(async () => {
    store = await open();
    pricing = harnessPricing(store);
  });
  afterAll(() => store?.close());

  test('prices one cart by the promotions in force and by the draft, with the same catalog prices', async () => {
    const big = { lines: [{ sku: 'POT-YIXING', quantity: 3 }] };
    const { live, draft: drafted } = await previewCart(pricing, draft, big, { firstPurchase: false }, Date.now());
    expect(drafted.subtotal).toBe(live.subtotal);
    expect(drafted.applied.map((entry) => entry.promotionId)).toContain('man-200-jian-30');
    expect(live.applied.map((entry) => entry.promotionId)).not.toContain('man-200-jian-30');
    expect(live.total - drafted.total).toBe(3000);
  });

  test("a small cart is told what it lacks, in the engine's words, and the first-purchase shopper gets the first-order offer in both", async () => {
    const small = { lines: [{ sku: 'TEA-LJ-100', quantity: 1 }] };
    const { live, draft: drafted } = await previewCart(pricing, draft, small, { firstPurchase: true }, Date.now());
    expect(drafted.notApplied.find((entry) => entry.promotionId === 'man-200-jian-30')?.reason.code).toBe('min_subtotal');
    for (const result of [live, drafted]) expect(result.applied.map((entry) => entry.promotionId)).toContain('first-order');
  });
});
