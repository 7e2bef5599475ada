// Generated carts and configs for property tests and for the check that the
// built engine prices exactly as its source (test/size/engine-props.test.ts).
import fc from 'fast-check';
import type { CartLineInput, EvaluateInput, Promotion } from '../src/types.js';

const SKUS = ['A', 'B', 'C', 'D'];
const TAGS = ['tea', 'cup'];

export const lineArb: fc.Arbitrary<CartLineInput> = fc.record({
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

export const CURRENCIES = ['CNY', 'JPY', 'USD', 'KWD'];
export const NOW = Date.parse('2025-05-01T00:00:00Z');
const cap = fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined });

const ruleArb: fc.Arbitrary<Promotion['rule']> = fc.oneof(
  fc.record(
    { type: fc.constant('percent_off' as const), percent: fc.integer({ min: 1, max: 10000 }).map((n) => n / 100), appliesTo: appliesArb, maxDiscount: cap },
    { requiredKeys: ['type', 'percent', 'appliesTo'] },
  ),
  fc.record(
    { type: fc.constant('amount_off' as const), amount: fc.integer({ min: 1, max: 20_000 }), appliesTo: appliesArb, perItem: fc.boolean() },
    { requiredKeys: ['type', 'amount', 'appliesTo'] },
  ),
  fc.record({
    type: fc.constant('tiered' as const),
    tiers: fc
      .tuple(fc.uniqueArray(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 3 }), fc.boolean())
      .map(([spends, byPercent]) =>
        spends.sort((a, b) => a - b).map((spend, i) => (byPercent ? { spend, percent: 5 * (i + 1) } : { spend, amount: 500 * (i + 1) })),
      ),
  }),
  fc.record(
    { type: fc.constant('every' as const), every: fc.integer({ min: 1000, max: 30_000 }), amount: fc.integer({ min: 1, max: 3000 }), maxDiscount: cap },
    { requiredKeys: ['type', 'every', 'amount'] },
  ),
  fc.record(
    {
      type: fc.constant('buy_x_get_y' as const),
      buy: fc.record({ quantity: fc.integer({ min: 1, max: 3 }), tags: fc.subarray(TAGS, { minLength: 1 }) }),
      get: fc.record({ quantity: fc.integer({ min: 1, max: 2 }), percent: fc.constantFrom(50, 100) }),
      maxApplications: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    },
    { requiredKeys: ['type', 'buy', 'get'] },
  ),
);

// Codes, schedules (in a named time zone), first-order and segment conditions, and threshold bases.
const conditionsArb = fc.record(
  {
    minSubtotal: fc.integer({ min: 0, max: 100_000 }),
    minQuantity: fc.integer({ min: 1, max: 8 }),
    firstPurchase: fc.constant(true),
    segments: fc.constant(['vip']),
    thresholdBase: fc.constantFrom('before_discounts' as const, 'after_product_discounts' as const, 'after_order_discounts' as const),
  },
  { requiredKeys: [] },
);
const scheduleArb = fc.record(
  {
    startsAt: fc.constantFrom('2025-04-01T00:00:00', '2025-06-01T00:00:00'),
    endsAt: fc.constantFrom('2025-05-01T07:59:00', '2025-12-31T00:00:00'),
    timeZone: fc.constant('Asia/Shanghai'),
  },
  { requiredKeys: ['timeZone'] },
);

export const promoArb = (id: string): fc.Arbitrary<Promotion> =>
  fc
    .record(
      {
        id: fc.constant(id),
        name: fc.constant(id),
        code: fc.constant(`CODE-${id}`),
        rule: ruleArb,
        conditions: fc.oneof({ arbitrary: fc.constant({}), weight: 2 }, { arbitrary: conditionsArb, weight: 1 }),
        combinesWith: fc.record({ product: fc.boolean(), order: fc.boolean(), shipping: fc.boolean() }),
        exclusive: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
        priority: fc.integer({ min: 0, max: 2 }),
      },
      { requiredKeys: ['id', 'name', 'rule'] },
    )
    .chain((p) =>
      fc
        .tuple(
          fc.constant(p),
          scheduleArb,
          fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
        )
        .map(([promotion, schedule, scheduled]) => (scheduled ? { ...promotion, ...schedule } : promotion)),
    ) as fc.Arbitrary<Promotion>;

// Few promotions per cart, so the search stays exact (the monotonicity guarantee is for exact mode).
const promosArb = fc.integer({ min: 0, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => promoArb(`P${i}`))));

export const inputArb = fc.record({
  lines: fc.array(lineArb, { minLength: 1, maxLength: 6 }),
  promotions: promosArb,
  shipping: fc.integer({ min: 0, max: 3000 }),
  firstPurchase: fc.boolean(),
  vip: fc.boolean(),
  currency: fc.constantFrom(...CURRENCIES),
  // Entered codes: some of the promotions' codes (the others are automatic for this cart only if they have none).
  entered: fc.subarray(Array.from({ length: 7 }, (_, i) => `CODE-P${i}`).concat('CODE-NEW')),
});

export type Generated = {
  lines: CartLineInput[];
  promotions: Promotion[];
  shipping: number;
  firstPurchase: boolean;
  vip: boolean;
  currency: string;
  entered: string[];
};

// A promotion's currency, when it has one, is the cart's: amounts are minor units of that currency.
export const toInput = (x: Generated): EvaluateInput => ({
  currency: x.currency,
  lines: x.lines,
  shipping: { amount: x.shipping },
  customer: { firstPurchase: x.firstPurchase, ...(x.vip && { segments: ['vip'] }) },
  codes: x.entered,
  now: NOW,
  promotions: x.promotions.map((p) => ({ ...p, currency: x.currency })),
});
