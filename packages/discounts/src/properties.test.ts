import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import type { CartLineInput, EvaluateInput, EvaluateResult, Promotion } from './types';

const SKUS = ['A', 'B', 'C', 'D'];
const TAGS = ['tea', 'cup'];

const lineArb: fc.Arbitrary<CartLineInput> = fc.record({
  sku: fc.constantFrom(...SKUS),
  quantity: fc.integer({ min: 1, max: 5 }),
  unitPrice: fc.integer({ min: 0, max: 50_000 }),
  tags: fc.subarray(TAGS),
});

const appliesArb = fc.oneof(
  fc.constant('order' as const),
  fc.constant('shipping' as const),
  fc.record({ skus: fc.subarray(SKUS, { minLength: 1 }) }),
  fc.record({ tags: fc.subarray(TAGS, { minLength: 1 }) }),
);

const ruleArb: fc.Arbitrary<Promotion['rule']> = fc.oneof(
  fc.record({ type: fc.constant('percent_off' as const), percent: fc.integer({ min: 1, max: 10000 }).map((n) => n / 100), appliesTo: appliesArb }),
  fc.record({ type: fc.constant('amount_off' as const), amount: fc.integer({ min: 1, max: 20_000 }), appliesTo: appliesArb }),
  fc.record({
    type: fc.constant('tiered' as const),
    tiers: fc.uniqueArray(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 3 }).map((spends) => spends.sort((a, b) => a - b).map((spend, i) => ({ spend, amount: 500 * (i + 1) }))),
  }),
  fc.record({ type: fc.constant('every' as const), every: fc.integer({ min: 1000, max: 30_000 }), amount: fc.integer({ min: 1, max: 3000 }) }),
  fc.record({
    type: fc.constant('buy_x_get_y' as const),
    buy: fc.record({ quantity: fc.integer({ min: 1, max: 3 }), tags: fc.subarray(TAGS, { minLength: 1 }) }),
    get: fc.record({ quantity: fc.integer({ min: 1, max: 2 }), percent: fc.constantFrom(50, 100) }),
  }),
);

const promoArb = (id: string): fc.Arbitrary<Promotion> =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(id),
    currency: fc.constant('CNY'),
    rule: ruleArb,
    conditions: fc.record({ minSubtotal: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }) }, { requiredKeys: [] }),
    combinesWith: fc.record({ product: fc.boolean(), order: fc.boolean(), shipping: fc.boolean() }, { requiredKeys: [] }),
    exclusive: fc.boolean(),
    priority: fc.integer({ min: 0, max: 2 }),
  }, { requiredKeys: ['id', 'name', 'currency', 'rule'] }) as fc.Arbitrary<Promotion>;

// Few promotions per cart, so the search stays exact (the monotonicity guarantee is for exact mode).
const promosArb = fc.integer({ min: 0, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => promoArb(`P${i}`))));

const inputArb = fc.record({
  lines: fc.array(lineArb, { minLength: 1, maxLength: 6 }),
  promotions: promosArb,
  shipping: fc.integer({ min: 0, max: 3000 }),
  firstPurchase: fc.boolean(),
});

const toInput = (x: { lines: CartLineInput[]; promotions: Promotion[]; shipping: number; firstPurchase: boolean }): EvaluateInput => ({
  currency: 'CNY',
  lines: x.lines,
  shipping: { amount: x.shipping },
  customer: { firstPurchase: x.firstPurchase },
  now: 0,
  promotions: x.promotions,
});

const price = (r: EvaluateResult) => r.total;
const RUNS = { numRuns: 300 };

describe('properties', () => {
  it('allocations add up to each discount and to the totals; nothing goes below zero', () => {
    fc.assert(
      fc.property(inputArb, (x) => {
        const r = evaluate(toInput(x));
        for (const l of r.lines) {
          expect(l.allocations.reduce((s, a) => s + a.amount, 0)).toBe(l.discount);
          expect(l.total).toBeGreaterThanOrEqual(0);
          expect(l.total).toBe(l.subtotal - l.discount);
        }
        for (const a of r.applied) {
          const allocated = r.lines.reduce((s, l) => s + l.allocations.filter((x) => x.promotionId === a.promotionId).reduce((t, x) => t + x.amount, 0), 0);
          expect(a.class === 'shipping' ? r.shippingDiscount : allocated).toBe(a.amount);
          expect(a.amount).toBeGreaterThan(0);
        }
        expect(r.discountTotal).toBe(r.lines.reduce((s, l) => s + l.discount, 0));
        expect(r.shippingTotal).toBeGreaterThanOrEqual(0);
        expect(r.total).toBeGreaterThanOrEqual(0);
        expect(r.total).toBe(r.subtotal - r.discountTotal + r.shippingTotal);
        expect(r.bestDeal.savings).toBe(r.discountTotal + r.shippingDiscount);
      }),
      RUNS,
    );
  });

  it('is deterministic', () => {
    fc.assert(fc.property(inputArb, (x) => {
      expect(evaluate(toInput(x))).toEqual(evaluate(toInput(x)));
    }), RUNS);
  });

  it('does not depend on line order', () => {
    fc.assert(
      fc.property(inputArb, fc.infiniteStream(fc.nat()), (x, rand) => {
        const shuffled = [...x.lines];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = rand.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const a = evaluate(toInput(x));
        const b = evaluate(toInput({ ...x, lines: shuffled }));
        expect(b.total).toBe(a.total);
        expect(b.applied).toEqual(a.applied);
        // Lines compared as a multiset: identical lines are indistinguishable.
        const key = (r: EvaluateResult) => r.lines.map((l) => JSON.stringify(l)).sort();
        expect(key(b)).toEqual(key(a));
      }),
      RUNS,
    );
  });

  it('one more eligible promotion never raises the best-deal price', () => {
    fc.assert(
      fc.property(inputArb, promoArb('NEW'), (x, extra) => {
        const before = evaluate(toInput(x));
        const after = evaluate(toInput({ ...x, promotions: [...x.promotions, extra] }));
        if (after.bestDeal.mode === 'exact') expect(price(after)).toBeLessThanOrEqual(price(before));
      }),
      { numRuns: 500 },
    );
  });

  it('a threshold promotion applies exactly when its base reaches it, whatever its own discount does', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 200_000 }),
        fc.integer({ min: 1, max: 200_000 }),
        fc.constantFrom('before_discounts', 'after_product_discounts') as fc.Arbitrary<'before_discounts' | 'after_product_discounts'>,
        (lines, min, amount, base) => {
          const product: Promotion = { id: 'P', name: 'P', rule: { type: 'percent_off', percent: 10, appliesTo: { tags: ['tea'] } } };
          const t: Promotion = {
            id: 'T',
            name: 'T',
            currency: 'CNY',
            rule: { type: 'amount_off', amount },
            conditions: { minSubtotal: min, thresholdBase: base },
            // Make T the only order promotion and force P in, so the base is predictable.
            priority: 1,
          };
          const r = evaluate({ currency: 'CNY', lines, customer: { firstPurchase: false }, now: 0, promotions: [product, t] });
          const pApplied = r.applied.find((a) => a.promotionId === 'P')?.amount ?? 0;
          const gross = r.subtotal;
          const measured = base === 'before_discounts' ? gross : gross - pApplied;
          const tApplied = r.applied.some((a) => a.promotionId === 'T');
          if (measured >= min && gross - pApplied > 0) expect(tApplied).toBe(true);
          if (tApplied) expect(measured).toBeGreaterThanOrEqual(min);
        },
      ),
      RUNS,
    );
  });
});
