import type { ReviewFilterRow } from '../store/types.js';
import { basisPoints, FUNNEL_STEPS } from './funnel.js';
import { differenceInterval } from './proportions.js';

/** Below this many shoppers in either group the comparison says "not enough data" instead of a difference. */
export const MIN_SHOPPERS_PER_GROUP = 30;

/** The rates compared: add-to-cart rate, checkout rate and purchase conversion (paid orders only). */
export const COMPARED_STEPS = ['add_to_cart', 'begin_checkout', 'purchase'] as const;

/**
 * `higher` / `lower`: the 95% interval of the difference leaves out 0;
 * `no_clear_difference`: it holds 0; `not_enough_data`: a group has fewer than MIN_SHOPPERS_PER_GROUP shoppers.
 */
export type ComparisonVerdict = 'higher' | 'lower' | 'no_clear_difference' | 'not_enough_data';

/** One rate, shoppers who filtered reviews against those who didn't. */
export interface RateComparison {
  step: (typeof COMPARED_STEPS)[number];
  /** Shoppers of each group who reached the step (or a later one). */
  filteredReached: number;
  unfilteredReached: number;
  /** Reached over the group's shoppers, in basis points; null for an empty group. */
  filteredBp: number | null;
  unfilteredBp: number | null;
  /** filteredBp − unfilteredBp, and its 95% interval (Newcombe); null when there is not enough data. */
  differenceBp: number | null;
  interval95Bp: { low: number; high: number } | null;
  verdict: ComparisonVerdict;
}

/** The funnel's shoppers split by whether they used a reviews filter in the range. */
export interface ReviewFilterComparison {
  filteredShoppers: number;
  unfilteredShoppers: number;
  minShoppers: number;
  rates: RateComparison[];
}

const bp = (share: number) => Math.round(share * 10_000);

function verdictOf(low: number, high: number): ComparisonVerdict {
  if (low > 0) return 'higher';
  if (high < 0) return 'lower';
  return 'no_clear_difference';
}

/**
 * Compares shoppers who used a reviews filter with those who didn't: for each
 * compared step, the share of each group that reached it, the difference and
 * its 95% interval. It shows association, not cause: shoppers who read reviews
 * closely may be keener to begin with.
 *
 * @example
 * compareReviewFilters(await store.reviewFilterRows({ from, to, steps: FUNNEL_STEPS })).rates[2]
 * // { step: 'purchase', filteredBp: 1200, unfilteredBp: 400, differenceBp: 800, interval95Bp: { low: 310, high: 1420 }, verdict: 'higher', … }
 */
export function compareReviewFilters(rows: readonly ReviewFilterRow[]): ReviewFilterComparison {
  const shoppers = (filtered: boolean) => rows.reduce((n, row) => n + (row.filtered === filtered ? row.shoppers : 0), 0);
  // Furthest-step counting, as in the funnel: a shopper who bought also reached every step before.
  const reached = (filtered: boolean, step: number) => rows.reduce((n, row) => n + (row.filtered === filtered && row.furthest >= step ? row.shoppers : 0), 0);
  const filteredShoppers = shoppers(true);
  const unfilteredShoppers = shoppers(false);
  const enough = filteredShoppers >= MIN_SHOPPERS_PER_GROUP && unfilteredShoppers >= MIN_SHOPPERS_PER_GROUP;
  const rates = COMPARED_STEPS.map((step): RateComparison => {
    const index = FUNNEL_STEPS.indexOf(step) + 1;
    const filteredReached = reached(true, index);
    const unfilteredReached = reached(false, index);
    const counts = {
      filteredReached,
      unfilteredReached,
      filteredBp: basisPoints(filteredReached, filteredShoppers),
      unfilteredBp: basisPoints(unfilteredReached, unfilteredShoppers),
    };
    if (!enough) return { step, ...counts, differenceBp: null, interval95Bp: null, verdict: 'not_enough_data' };
    const interval = differenceInterval({ successes: filteredReached, trials: filteredShoppers }, { successes: unfilteredReached, trials: unfilteredShoppers });
    return {
      step,
      ...counts,
      differenceBp: bp(filteredReached / filteredShoppers - unfilteredReached / unfilteredShoppers),
      interval95Bp: { low: bp(interval.low), high: bp(interval.high) },
      verdict: verdictOf(interval.low, interval.high),
    };
  });
  return { filteredShoppers, unfilteredShoppers, minShoppers: MIN_SHOPPERS_PER_GROUP, rates };
}
