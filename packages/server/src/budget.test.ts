import { describe, expect, test } from 'vitest';
import type { PromotionsConfig } from '@cartlift/discounts';
import { priceAndReserve } from './checkout/reserve.js';
import { PROMOTIONS, harnessPricing, storeVariants, unique, useHarness } from '../test/harness.js';

// A budget is total discount money (limits.budget): reserved with the
// checkout like a total limit, so parallel checkouts never give more than it.
const COMBINES = { product: true, order: true, shipping: true };
const TEA_BUDGET = 1200;
const promotions = {
  version: 1,
  promotions: [
    ...PROMOTIONS.promotions,
    // 10% off: 480 on two tins of tea, 180 on one cup; 1200 fits two tea carts and a cup.
    {
      id: 'tea-budget',
      name: 'TEABUDGET',
      code: 'TEABUDGET',
      currency: 'USD',
      rule: { type: 'percent_off', percent: 10, appliesTo: { tags: ['tea', 'teaware'] } },
      limits: { budget: TEA_BUDGET },
      combinesWith: COMBINES,
    },
    {
      id: 'tea-race',
      name: 'TEARACE',
      code: 'TEARACE',
      currency: 'USD',
      rule: { type: 'percent_off', percent: 10, appliesTo: { tags: ['tea'] } },
      limits: { budget: 1000 },
      combinesWith: COMBINES,
    },
    {
      id: 'one-shot',
      name: 'ONESHOT',
      code: 'ONESHOT',
      currency: 'USD',
      rule: { type: 'amount_off', amount: 300 },
      limits: { total: 50, budget: 300 },
      combinesWith: COMBINES,
    },
  ],
};

type Answer = { status: number; body: any };
const appliedIds = (res: Answer): string[] => (res.body.quote ?? res.body).applied.map((a: { promotionId: string }) => a.promotionId);
const reasonOf = (res: Answer, id: string): string | undefined =>
  (res.body.quote ?? res.body).notApplied.find((n: { promotionId: string }) => n.promotionId === id)?.reason.code;

describe.each(storeVariants())('promotion budgets on $name', ({ open }) => {
  const h = useHarness(open, { promotions, rateLimit: false });
  const shopper = () => ({ email: `${unique('budget')}@example.com` });
  const teaCart = (codes: string[]) => ({ checkoutId: unique('co'), lines: [{ sku: 'TEA-LJ-100', quantity: 2 }], codes, contact: shopper() });
  const quote = (sku: string, quantity: number, codes: string[]) => h.call('POST', '/quote', { lines: [{ sku, quantity }], codes, contact: shopper() });

  test('parallel checkouts: exactly the ones that fit the budget get the discount, the rest are priced without it', async () => {
    const shown = await quote('TEA-LJ-100', 2, ['TEABUDGET']);
    expect(shown.body.applied.find((a: { promotionId: string }) => a.promotionId === 'tea-budget').amount).toBe(480);
    const results = await Promise.all(Array.from({ length: 6 }, () => h.checkout(teaCart(['TEABUDGET']), { expectedTotal: shown.body.total })));
    const paid = results.filter((r) => r.status === 200);
    expect(paid.map((r) => [r.body.status, r.body.amount, appliedIds(r).includes('tea-budget')])).toEqual([
      ['succeeded', shown.body.total, true],
      ['succeeded', shown.body.total, true],
    ]);
    // The rest were refused before any payment, with the price they would pay and why.
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(4);
    for (const r of refused) {
      expect(r.body.quote.total).toBe(shown.body.total + 480);
      expect(reasonOf(r, 'tea-budget')).toBe('usage_limit');
    }
    const usage = (await h.store.promotionUsage(['tea-budget'], null, Date.now()))['tea-budget']!;
    expect([usage.used, usage.discount]).toEqual([2, 960]);
    // 240 left: a cart whose discount fits still gets it; a bigger one does not.
    expect(appliedIds(await quote('CUP-CELADON', 1, ['TEABUDGET']))).toContain('tea-budget');
    expect(reasonOf(await quote('TEA-LJ-100', 2, ['TEABUDGET']), 'tea-budget')).toBe('usage_limit');
    await h.sandbox.webhooksIdle();
    expect((await h.store.promotionStats())['tea-budget']).toEqual({ redemptions: 2, discountGiven: 960 });
  }, 60_000);

  test('reserving holds a budget atomically: parallel claims never reserve past it', async () => {
    const id = unique('claims');
    const claim = (checkoutId: string) =>
      h.store.reservePromotions({
        checkoutId,
        customerKey: null,
        promotions: [{ id, budget: 1200, amount: 500 }],
        now: Date.now(),
        expiresAt: Date.now() + 60_000,
      });
    const answers = await Promise.all(Array.from({ length: 8 }, () => claim(unique('co'))));
    expect(answers.filter((a) => a.reserved.includes(id))).toHaveLength(2);
    expect(answers.filter((a) => a.denied.includes(id))).toHaveLength(6);
    expect((await h.store.promotionUsage([id], null, Date.now()))[id]).toEqual({ used: 2, usedByCustomer: 0, discount: 1000 });
  });

  test('parallel pricing and reserving: a checkout that loses the budget is priced again without the promotion', async () => {
    const pricing = { ...harnessPricing(h.store), promotions: promotions as PromotionsConfig };
    const facts = { emailNormalized: null, stripeCustomerId: null, firstPurchase: false, segments: [], identifiedCustomer: null };
    const cart = { lines: [{ sku: 'TEA-LJ-100', quantity: 2 }], codes: ['TEARACE'] };
    const now = Date.now();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => priceAndReserve(pricing, cart, facts, { checkoutId: unique('co'), now, expiresAt: now + 60_000 })),
    );
    const winners = results.filter((r) => r.applied.some((a) => a.promotionId === 'tea-race'));
    expect(winners).toHaveLength(2);
    for (const lost of results.filter((r) => !winners.includes(r))) {
      expect(lost.total).toBe(winners[0]!.total + 480);
      expect(lost.notApplied.find((n) => n.promotionId === 'tea-race')?.reason.code).toBe('usage_limit');
    }
    expect((await h.store.promotionUsage(['tea-race'], null, now))['tea-race']!.discount).toBe(960);
  });

  test('a declined or failed payment frees the budget; a held one keeps it from other shoppers', async () => {
    const cart = () => ({ checkoutId: unique('co'), lines: [{ sku: 'CUP-CELADON', quantity: 1 }], codes: ['ONESHOT'], contact: shopper() });
    // The shopper's quote reports the total limit it reserves against, never the budget.
    const offered = await quote('CUP-CELADON', 1, ['ONESHOT']);
    expect(offered.body.usageLimits).toEqual([{ promotionId: 'one-shot', total: 50, used: 0, usedByCustomer: 0 }]);
    expect(JSON.stringify(offered.body)).not.toContain('"budget"');
    const declined = await h.checkout(cart(), { paymentMethod: 'pm_card_chargeDeclined' });
    expect(declined.status, JSON.stringify(declined.body)).toBe(402);
    const waiting = cart();
    const held = await h.checkout(waiting, { paymentMethod: 'pm_card_authenticationRequired' });
    expect(held.body.status).toBe('requires_action');
    expect(appliedIds(held)).toContain('one-shot');
    expect(reasonOf(await quote('CUP-CELADON', 1, ['ONESHOT']), 'one-shot')).toBe('usage_limit');
    h.sandbox.completeAction(held.body.paymentIntentId, 'fail');
    let told = await h.call('POST', '/checkout/complete', { checkoutId: waiting.checkoutId });
    for (let tries = 0; told.body.error?.code === 'checkout_in_progress' && tries < 20; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      told = await h.call('POST', '/checkout/complete', { checkoutId: waiting.checkoutId });
    }
    // 402 with the failure, or 409 when the canceled intent's webhook settled the attempt first.
    expect([402, 409], JSON.stringify(told.body)).toContain(told.status);
    await h.sandbox.webhooksIdle();
    const paid = await h.checkout(cart());
    expect(paid.body.status).toBe('succeeded');
    expect(appliedIds(paid)).toContain('one-shot');
    await h.sandbox.webhooksIdle();
    expect(reasonOf(await quote('CUP-CELADON', 1, ['ONESHOT']), 'one-shot')).toBe('usage_limit');
    expect((await h.store.promotionStats())['one-shot']).toEqual({ redemptions: 1, discountGiven: 300 });
  }, 60_000);

  test('stats count paid orders of every promotion, limited or not, with the discount each gave', async () => {
    const before = (await h.store.promotionStats()).welcome10 ?? { redemptions: 0, discountGiven: 0 };
    const paid = await h.checkout({ checkoutId: unique('co'), lines: [{ sku: 'POT-YIXING', quantity: 1 }], codes: ['WELCOME10'], contact: shopper() });
    expect(paid.body.status).toBe('succeeded');
    const given = paid.body.quote.applied.find((a: { promotionId: string }) => a.promotionId === 'welcome10').amount as number;
    expect(given).toBeGreaterThan(0);
    await h.sandbox.webhooksIdle();
    const stats = await h.store.promotionStats();
    expect(stats.welcome10).toEqual({ redemptions: before.redemptions + 1, discountGiven: before.discountGiven + given });
    // The first-purchase holds are bookkeeping, not promotions.
    expect(Object.keys(stats).filter((id) => id.startsWith('@'))).toEqual([]);
  }, 60_000);
});
