import { describe, expect, it } from 'vitest';
import { EXACT_CAP } from './best-deal.js';
import { evaluate } from './evaluate.js';
import { describeReason } from './reasons.js';
import { cart, line, promo } from './test-helpers.js';
import type { Promotion } from './types.js';

const pct = (id: string, percent: number, more: Partial<Promotion> = {}) => promo(id, { type: 'percent_off', percent }, more);
const applied = (r: ReturnType<typeof evaluate>) => r.applied.map((a) => a.promotionId);

describe('combining', () => {
  const A = [line('A', 10000)];

  it('two order promotions do not stack by default; the best one wins and the other says why', () => {
    const r = evaluate(cart(A, [pct('TEN', 10), pct('TWENTY', 20)]));
    expect(applied(r)).toEqual(['TWENTY']);
    expect(r.notApplied[0]).toMatchObject({ promotionId: 'TEN', reason: { code: 'not_combinable', params: { withId: 'TWENTY' } } });
    expect(describeReason(r.notApplied[0]!)).toBe('TEN cannot be combined with TWENTY.');
    expect(r.bestDeal).toMatchObject({ mode: 'exact', chosen: ['TWENTY'], savings: 2000, runnerUp: { promotionIds: ['TEN'], savings: 1000 } });
  });

  it('combinesWith on both sides lets them stack, each on what the earlier left', () => {
    const both = { combinesWith: { order: true } };
    const r = evaluate(cart(A, [pct('TEN', 10, both), pct('TWENTY', 20, both)]));
    expect(applied(r)).toEqual(['TEN', 'TWENTY']);
    expect(r.discountTotal).toBe(1000 + 1800);
    // One side only is not enough.
    expect(applied(evaluate(cart(A, [pct('TEN', 10, both), pct('TWENTY', 20)])))).toEqual(['TWENTY']);
  });

  it('classes stack by default: product, order, shipping', () => {
    const r = evaluate(
      cart(
        [line('A', 10000, 1, ['tea'])],
        [
          promo('P', { type: 'percent_off', percent: 10, appliesTo: { tags: ['tea'] } }),
          pct('O', 10),
          promo('S', { type: 'percent_off', percent: 100, appliesTo: 'shipping' }),
        ],
        { shipping: { amount: 500 } },
      ),
    );
    expect(applied(r)).toEqual(['P', 'O', 'S']);
    expect(r.total).toBe(8100);
  });

  it('exclusive applies alone, only when it is the better deal', () => {
    const ex = promo('EX', { type: 'amount_off', amount: 2500 }, { currency: 'CNY', exclusive: true });
    const p = promo('P', { type: 'percent_off', percent: 10, appliesTo: { skus: ['A'] } });
    expect(applied(evaluate(cart(A, [ex, p, pct('O', 10)])))).toEqual(['EX']);
    expect(applied(evaluate(cart(A, [ex, p, pct('O', 20)])))).toEqual(['P', 'O']); // 1000 + 1800 > 2500
  });

  it('product promotions on different lines combine; on the same line they do not', () => {
    const a = promo('PA', { type: 'percent_off', percent: 10, appliesTo: { skus: ['A'] } });
    const b = promo('PB', { type: 'percent_off', percent: 20, appliesTo: { skus: ['B'] } });
    const ab = (percent: number) => promo('PAB', { type: 'percent_off', percent, appliesTo: { skus: ['A', 'B'] } });
    const AB = [line('A', 1000), line('B', 1000)];
    expect(applied(evaluate(cart(AB, [a, b])))).toEqual(['PA', 'PB']);
    expect(applied(evaluate(cart(AB, [a, b, ab(14)])))).toEqual(['PA', 'PB']); // 300 > 280
    expect(applied(evaluate(cart(AB, [a, b, ab(16)])))).toEqual(['PAB']); // 320 > 300
    expect(applied(evaluate(cart(AB, [a, b, ab(15)])))).toEqual(['PAB']); // 300 = 300: fewer promotions wins
  });

  it('ties: most savings, then fewest promotions, then precedence (priority, then id)', () => {
    expect(applied(evaluate(cart(A, [pct('B', 10), pct('A', 10)])))).toEqual(['A']);
    expect(applied(evaluate(cart(A, [pct('B', 10, { priority: 1 }), pct('A', 10)])))).toEqual(['B']);
  });

  it('a threshold reads its declared base: after product discounts by default, before when asked', () => {
    const p = promo('P', { type: 'percent_off', percent: 10, appliesTo: { skus: ['A'] } });
    const t = (base?: 'before_discounts') =>
      promo('T', { type: 'amount_off', amount: 1000 }, { currency: 'CNY', conditions: { minSubtotal: 10000, ...(base && { thresholdBase: base }) } });
    const after = evaluate(cart(A, [p, t()]));
    // The tier is worth more than the product discount, so the best deal drops the product discount.
    expect(applied(after)).toEqual(['T']);
    expect(after.notApplied[0]).toMatchObject({ promotionId: 'P', reason: { code: 'better_deal' } });
    expect(applied(evaluate(cart(A, [p, t('before_discounts')])))).toEqual(['P', 'T']);
  });

  it('switches to the heuristic beyond the cap and says so', () => {
    const promos = Array.from({ length: EXACT_CAP + 2 }, (_, i) => pct(`P${String(i).padStart(2, '0')}`, i + 1));
    const r = evaluate(cart(A, promos));
    expect(r.bestDeal.mode).toBe('heuristic');
    expect(applied(r)).toEqual(['P11']);
    expect(r.bestDeal.considered).toBeLessThan(EXACT_CAP + 4);
    const exact = evaluate(cart(A, promos.slice(0, EXACT_CAP)));
    expect(exact.bestDeal).toMatchObject({ mode: 'exact', considered: EXACT_CAP + 1 });
  });

  it('beyond the cap, one big exclusive deal does not shut out a larger stack (adding it never raises the price)', () => {
    const stack = Array.from({ length: EXACT_CAP + 1 }, (_, i) => pct(`S${String(i).padStart(2, '0')}`, 5, { combinesWith: { order: true } }));
    const big = promo('BIG', { type: 'amount_off', amount: 20000 }, { exclusive: true });
    const without = evaluate(cart([line('A', 100000)], stack));
    const withBig = evaluate(cart([line('A', 100000)], [...stack, big]));
    expect(withBig.bestDeal.mode).toBe('heuristic');
    expect(withBig.total).toBeLessThanOrEqual(without.total);
    expect(applied(withBig)).toHaveLength(EXACT_CAP + 1);
    expect(applied(withBig)).not.toContain('BIG');
  });
});

describe('reasons in two languages', () => {
  it('renders the unlock sentence in English and Chinese', () => {
    const t = promo(
      'T',
      { type: 'amount_off', amount: 3000 },
      { name: { en: 'Spend ¥199 get ¥30 off', 'zh-CN': '满199减30' }, currency: 'CNY', conditions: { minSubtotal: 19900 } },
    );
    const entry = evaluate(cart([line('A', 17900)], [t])).notApplied[0]!;
    expect(describeReason(entry, 'en')).toBe('Add CN¥20.00 more for CN¥30.00 off from CN¥199.00 after discounts.');
    expect(describeReason(entry, 'zh-CN')).toBe('再买 ¥20.00 立减 ¥30.00（折后满 ¥199.00）');
  });

  it('names the promotion in the shopper language', () => {
    const f = promo(
      'F',
      { type: 'percent_off', percent: 10 },
      { name: { en: 'First order 10% off', 'zh-CN': '首单九折' }, conditions: { firstPurchase: true } },
    );
    const entry = evaluate(cart([line('A', 100)], [f])).notApplied[0]!;
    expect(describeReason(entry, 'en')).toBe('First order 10% off is for first orders only.');
    expect(describeReason(entry, 'zh-CN')).toBe('「首单九折」 仅限首单。');
  });

  it('explains expired codes with the configured date', () => {
    const p = pct('S', 10, { code: 'SPRING10', endsAt: '2025-03-01', timeZone: 'Asia/Shanghai' });
    const entry = evaluate(cart([line('A', 100)], [p], { codes: ['SPRING10'] })).notApplied[0]!;
    expect(describeReason(entry)).toBe('Code SPRING10 expired on 2025-03-01.');
    expect(describeReason(entry, 'zh-CN')).toBe('优惠码 SPRING10 已于 2025-03-01 过期。');
  });
});
