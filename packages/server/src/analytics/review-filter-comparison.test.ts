import { describe, expect, test } from 'vitest';
import { compareReviewFilters, MIN_SHOPPERS_PER_GROUP } from './review-filter-comparison.js';

// furthest: 2 = add_to_cart, 4 = begin_checkout, 7 = purchase (FUNNEL_STEPS, 1-based).
describe('compareReviewFilters', () => {
  test('counts each group by furthest step and finds a clear difference in purchase conversion', () => {
    const comparison = compareReviewFilters([
      { filtered: true, furthest: 7, shoppers: 56 },
      { filtered: true, furthest: 1, shoppers: 14 },
      { filtered: false, furthest: 7, shoppers: 48 },
      { filtered: false, furthest: 4, shoppers: 2 },
      { filtered: false, furthest: 0, shoppers: 30 },
    ]);
    expect(comparison).toMatchObject({ filteredShoppers: 70, unfilteredShoppers: 80, minShoppers: MIN_SHOPPERS_PER_GROUP });
    const [cart, checkout, purchase] = comparison.rates;
    expect(cart).toMatchObject({ step: 'add_to_cart', filteredReached: 56, unfilteredReached: 50, filteredBp: 8000, unfilteredBp: 6250 });
    expect(checkout).toMatchObject({ step: 'begin_checkout', filteredReached: 56, unfilteredReached: 50 });
    // 56/70 against 48/80: Newcombe's worked example, 0.0524 to 0.3339.
    expect(purchase).toEqual({
      step: 'purchase',
      filteredReached: 56,
      unfilteredReached: 48,
      filteredBp: 8000,
      unfilteredBp: 6000,
      differenceBp: 2000,
      interval95Bp: { low: 524, high: 3339 },
      verdict: 'higher',
    });
  });

  test('says lower, or no clear difference, as the interval falls', () => {
    const rows = (filteredBuyers: number) => [
      { filtered: true, furthest: 7, shoppers: filteredBuyers },
      { filtered: true, furthest: 1, shoppers: 100 - filteredBuyers },
      { filtered: false, furthest: 7, shoppers: 30 },
      { filtered: false, furthest: 1, shoppers: 70 },
    ];
    expect(compareReviewFilters(rows(10)).rates[2]!.verdict).toBe('lower');
    expect(compareReviewFilters(rows(32)).rates[2]!.verdict).toBe('no_clear_difference');
  });

  test('gives rates but no difference while a group is under the threshold', () => {
    const comparison = compareReviewFilters([
      { filtered: true, furthest: 7, shoppers: MIN_SHOPPERS_PER_GROUP - 1 },
      { filtered: false, furthest: 1, shoppers: 500 },
    ]);
    expect(comparison.rates[2]).toEqual({
      step: 'purchase',
      filteredReached: 29,
      unfilteredReached: 0,
      filteredBp: 10_000,
      unfilteredBp: 0,
      differenceBp: null,
      interval95Bp: null,
      verdict: 'not_enough_data',
    });
  });

  test('an empty range has null rates and not enough data', () => {
    expect(compareReviewFilters([]).rates.map((rate) => [rate.filteredBp, rate.verdict])).toEqual([
      [null, 'not_enough_data'],
      [null, 'not_enough_data'],
      [null, 'not_enough_data'],
    ]);
  });
});
