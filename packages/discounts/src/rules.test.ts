import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { describeReason } from './reasons.js';
import { cart, line, promo } from './test-helpers.js';

const ids = (r: ReturnType<typeof evaluate>) => r.applied.map((a) => `${a.promotionId}:${a.amount}`);

describe('rule types', () => {
  it('percent off the order, capped by maxDiscount', () => {
    const p = promo('P', { type: 'percent_off', percent: 20, maxDiscount: 500 }, { currency: 'CNY' });
    expect(evaluate(cart([line('A', 1000)], [p])).discountTotal).toBe(200);
    expect(evaluate(cart([line('A', 10000)], [p])).discountTotal).toBe(500);
  });

  it('percent off items by sku or tag only touches those lines', () => {
    const r = evaluate(
      cart([line('A', 1000), line('B', 1000, 1, ['sale'])], [promo('P', { type: 'percent_off', percent: 50, appliesTo: { skus: ['A'], tags: ['sale'] } })]),
    );
    expect(r.discountTotal).toBe(1000);
    const r2 = evaluate(cart([line('A', 1000), line('C', 1000)], [promo('P', { type: 'percent_off', percent: 50, appliesTo: { tags: ['sale'] } })]));
    expect(r2.discountTotal).toBe(0);
    expect(r2.notApplied).toEqual([]); // aimed at nothing in the cart: not listed
  });

  it('amount off once, per item, never below zero', () => {
    const once = promo('O', { type: 'amount_off', amount: 5000 }, { currency: 'CNY' });
    expect(evaluate(cart([line('A', 1000, 2)], [once])).total).toBe(0);
    const each = promo('E', { type: 'amount_off', amount: 300, perItem: true, appliesTo: { skus: ['A'] } }, { currency: 'CNY' });
    expect(evaluate(cart([line('A', 1000, 3), line('B', 1000)], [each])).discountTotal).toBe(900);
  });

  it('shipping: free over a threshold, amount off, never below zero', () => {
    const free = promo('F', { type: 'percent_off', percent: 100, appliesTo: 'shipping' }, { currency: 'CNY', conditions: { minSubtotal: 9900 } });
    const over = evaluate(cart([line('A', 9900)], [free], { shipping: { amount: 1200 } }));
    expect([over.shippingDiscount, over.shippingTotal, over.total]).toEqual([1200, 0, 9900]);
    const under = evaluate(cart([line('A', 9800)], [free], { shipping: { amount: 1200 } }));
    expect(under.shippingTotal).toBe(1200);
    expect(describeReason(under.notApplied[0]!)).toBe('Add CN¥1.00 more for free shipping from CN¥99.00 after discounts.');
    const off = promo('S', { type: 'amount_off', amount: 5000, appliesTo: 'shipping' }, { currency: 'CNY' });
    expect(evaluate(cart([line('A', 100)], [off], { shipping: { amount: 800 } })).shippingTotal).toBe(0);
  });

  it('tiers: the highest reached applies, with the next one as unlock', () => {
    const t = promo(
      'T',
      {
        type: 'tiered',
        tiers: [
          { spend: 19900, amount: 3000 },
          { spend: 29900, amount: 6000 },
        ],
      },
      { currency: 'CNY' },
    );
    expect(ids(evaluate(cart([line('A', 19900)], [t])))).toEqual(['T:3000']);
    expect(ids(evaluate(cart([line('A', 29900)], [t])))).toEqual(['T:6000']);
    const mid = evaluate(cart([line('A', 25000)], [t]));
    expect(mid.applied[0]!.unlock).toEqual({
      kind: 'spend_more',
      amount: 4900,
      currency: 'CNY',
      reward: { kind: 'amount_off', amount: 6000, currency: 'CNY' },
      threshold: 29900,
      thresholdBase: 'after_product_discounts',
    });
    const below = evaluate(cart([line('A', 17900)], [t]));
    expect(describeReason(below.notApplied[0]!)).toBe('Add CN¥20.00 more for CN¥30.00 off from CN¥199.00 after discounts.');
    expect(below.notApplied[0]!.reason).toEqual({ code: 'min_subtotal', params: { required: 19900, current: 17900, currency: 'CNY' } });
  });

  it('percent tiers', () => {
    const t = promo(
      'T',
      {
        type: 'tiered',
        tiers: [
          { spend: 0, percent: 5 },
          { spend: 10000, percent: 10 },
        ],
      },
      { currency: 'USD' },
    );
    expect(evaluate(cart([line('A', 12345)], [t], { currency: 'USD' })).discountTotal).toBe(1234); // 1234.5 -> even
  });

  it('every 100 off 10 (每满减) with a cap', () => {
    const e = promo('E', { type: 'every', every: 10000, amount: 1000, maxDiscount: 2500 }, { currency: 'CNY' });
    expect(evaluate(cart([line('A', 19999)], [e])).discountTotal).toBe(1000);
    expect(evaluate(cart([line('A', 20000)], [e])).discountTotal).toBe(2000);
    expect(evaluate(cart([line('A', 90000)], [e])).discountTotal).toBe(2500);
    expect(evaluate(cart([line('A', 25000)], [e])).applied[0]!.unlock).toBeUndefined(); // next multiple would pass the cap
  });

  it('buy 2 get 1 free: the cheapest units, per multiple, up to maxApplications', () => {
    const b = promo('B', { type: 'buy_x_get_y', buy: { quantity: 2, tags: ['cup'] }, get: { quantity: 1 }, maxApplications: 2 });
    const cups = (n: number) => [line('BIG', 900, n, ['cup']), line('SMALL', 500, 2, ['cup'])];
    expect(evaluate(cart(cups(1), [b])).discountTotal).toBe(500); // 3 units: 1 free, the cheapest
    expect(evaluate(cart(cups(4), [b])).discountTotal).toBe(1000); // 6 units: 2 free
    expect(evaluate(cart(cups(7), [b])).discountTotal).toBe(1000); // 9 units, capped at 2 applications
    const short = evaluate(cart([line('BIG', 900, 2, ['cup'])], [b]));
    expect(describeReason(short.notApplied[0]!)).toBe('Add 1 more item for buy 2 get 1 free.');
  });

  it('buy X get named Y at a percentage', () => {
    const b = promo('B', { type: 'buy_x_get_y', buy: { quantity: 1, skus: ['POT'] }, get: { quantity: 2, skus: ['CUP'], percent: 50 } });
    const r = evaluate(cart([line('POT', 10000), line('CUP', 1001, 3)], [b]));
    expect(r.discountTotal).toBe(1001); // half of two cups (2002 / 2)
    expect(r.lines[1]!.allocations).toEqual([{ promotionId: 'B', amount: 1001 }]);
    expect(evaluate(cart([line('CUP', 1001, 3)], [b])).discountTotal).toBe(0);
  });

  it('first-purchase instant discount (首单立减)', () => {
    const f = promo('F', { type: 'amount_off', amount: 3000 }, { currency: 'CNY', conditions: { firstPurchase: true } });
    expect(evaluate(cart([line('A', 10000)], [f], { customer: { firstPurchase: true } })).total).toBe(7000);
    const no = evaluate(cart([line('A', 10000)], [f]));
    expect(no.total).toBe(10000);
    expect(no.notApplied[0]!.reason.code).toBe('first_purchase');
  });
});

describe('conditions', () => {
  const base = { type: 'percent_off', percent: 10 } as const;
  const A = [line('A', 10000, 2)];

  it('minimum quantity', () => {
    const p = promo('Q', base, { conditions: { minQuantity: 3 } });
    const r = evaluate(cart(A, [p]));
    expect(r.notApplied[0]!.unlock).toEqual({ kind: 'add_items', quantity: 1, reward: { kind: 'percent_off', percent: 10 } });
    expect(evaluate(cart([line('A', 10000, 3)], [p])).applied).toHaveLength(1);
  });

  it('segment, channel, currency', () => {
    const seg = promo('S', base, { conditions: { segments: ['vip'] } });
    expect(evaluate(cart(A, [seg])).notApplied[0]!.reason.code).toBe('segment');
    expect(evaluate(cart(A, [seg], { customer: { firstPurchase: false, segments: ['vip'] } })).applied).toHaveLength(1);
    const ch = promo('C', base, { conditions: { channels: ['app'] } });
    expect(evaluate(cart(A, [ch], { channel: 'web' })).notApplied[0]!.reason.code).toBe('channel');
    expect(evaluate(cart(A, [ch], { channel: 'app' })).applied).toHaveLength(1);
    const cur = promo('U', { type: 'amount_off', amount: 100 }, { currency: 'USD' });
    expect(describeReason(evaluate(cart(A, [cur])).notApplied[0]!)).toBe('U applies only to orders in USD.');
  });

  it('usage limits: refused when used up, reported when applied', () => {
    const p = promo('L', base, { limits: { total: 10, perCustomer: 1 } });
    const ok = evaluate(cart(A, [p], { usage: { L: { used: 9, usedByCustomer: 0 } } }));
    expect(ok.usageLimits).toEqual([{ promotionId: 'L', total: 10, perCustomer: 1, used: 9, usedByCustomer: 0 }]);
    expect(evaluate(cart(A, [p], { usage: { L: { used: 10 } } })).notApplied[0]!.reason.code).toBe('usage_limit');
    expect(evaluate(cart(A, [p], { usage: { L: { used: 1, usedByCustomer: 1 } } })).notApplied[0]!.reason.code).toBe('customer_usage_limit');
  });

  it('codes: matched ignoring case, unknown ones explained, disabled ones refused', () => {
    const p = promo('C', base, { code: 'Save10' });
    expect(evaluate(cart(A, [p])).applied).toEqual([]);
    expect(evaluate(cart(A, [p], { codes: [' save10 '] })).applied[0]).toMatchObject({ promotionId: 'C', code: 'Save10' });
    const unknown = evaluate(cart(A, [p], { codes: ['NOPE'] })).notApplied[0]!;
    expect(unknown).toEqual({ promotionId: null, code: 'NOPE', reason: { code: 'unknown_code', params: { code: 'NOPE' } } });
    expect(describeReason(unknown)).toBe('Code NOPE is not valid.');
    const off = evaluate(cart(A, [{ ...p, enabled: false }], { codes: ['SAVE10'] })).notApplied[0]!;
    expect(describeReason(off)).toBe('Code Save10 is not active.');
    const items = evaluate(cart(A, [{ ...p, rule: { ...base, appliesTo: { skus: ['Z'] } } }], { codes: ['SAVE10'] }));
    expect(items.notApplied[0]!.reason.code).toBe('no_items');
  });

  it('disabled automatic promotions do nothing', () => {
    expect(evaluate(cart(A, [promo('D', base, { enabled: false })])).applied).toEqual([]);
  });

  it('refuses bad carts with a sentence naming the field', () => {
    expect(() => evaluate(cart([line('A', 19.99)], []))).toThrow(/^lines\[0\]\.unitPrice must be a whole, non-negative number of minor units/);
    expect(() => evaluate(cart([{ sku: '', quantity: 1, unitPrice: 1 }], []))).toThrow('lines[0].sku must be a non-empty string; received .');
    expect(() => evaluate(cart([], [], { currency: 'usd' }))).toThrow(/currency must be an ISO 4217/);
  });
});
