import { AR_LAUNCH_MODES } from '@cartlift/core';
import type { ArLaunchCount, ArUseRow } from '../store/types.js';
import { basisPoints, FUNNEL_STEPS } from './funnel.js';
import { differenceInterval } from './proportions.js';
import { COMPARED_STEPS, type ComparisonVerdict, MIN_SHOPPERS_PER_GROUP } from './review-filter-comparison.js';

/** One rate, shoppers who opened a product in AR against those who didn't. */
export interface ArRateComparison {
  step: (typeof COMPARED_STEPS)[number];
  /** Shoppers of each group who reached the step (or a later one). */
  arReached: number;
  otherReached: number;
  /** Reached over the group's shoppers, in basis points; null for an empty group. */
  arBp: number | null;
  otherBp: number | null;
  /** arBp − otherBp, and its 95% interval (Newcombe, proportions.ts); null when there is not enough data. */
  differenceBp: number | null;
  interval95Bp: { low: number; high: number } | null;
  verdict: ComparisonVerdict;
}

/** AR in the funnel report: launches per mode, then the range's shoppers split by whether they used AR. */
export interface ArComparison {
  /** `ar_launched` events and the shoppers who sent them, per mode (every mode listed, 0 when unused). */
  launches: { mode: (typeof AR_LAUNCH_MODES)[number]; launches: number; shoppers: number }[];
  arShoppers: number;
  otherShoppers: number;
  minShoppers: number;
  rates: ArRateComparison[];
}

const bp = (share: number) => Math.round(share * 10_000);
const verdictOf = (low: number, high: number): ComparisonVerdict => (low > 0 ? 'higher' : high < 0 ? 'lower' : 'no_clear_difference');

/**
 * Compares shoppers who opened a product in AR (or asked for its QR code) with
 * those who didn't, as the reviews-filter comparison does: for add-to-cart,
 * checkout and purchase, each group's rate, the difference and its 95%
 * interval, or "not enough data" below MIN_SHOPPERS_PER_GROUP shoppers in a
 * group. Association, not cause: shoppers who try AR may be keener to begin with.
 *
 * @example
 * compareArUse(await store.arUseRows({ from, to, steps: FUNNEL_STEPS }), await store.arLaunchCounts({ from, to })).rates[2]
 * // { step: 'purchase', arBp: 1500, otherBp: 400, differenceBp: 1100, interval95Bp: { low: 420, high: 1900 }, verdict: 'higher', … }
 */
export function compareArUse(rows: readonly ArUseRow[], counts: readonly ArLaunchCount[]): ArComparison {
  const shoppers = (ar: boolean) => rows.reduce((n, row) => n + (row.launchedAr === ar ? row.shoppers : 0), 0);
  // Furthest-step counting, as in the funnel: a shopper who bought also reached every step before.
  const reached = (ar: boolean, step: number) => rows.reduce((n, row) => n + (row.launchedAr === ar && row.furthest >= step ? row.shoppers : 0), 0);
  const arShoppers = shoppers(true);
  const otherShoppers = shoppers(false);
  const enough = arShoppers >= MIN_SHOPPERS_PER_GROUP && otherShoppers >= MIN_SHOPPERS_PER_GROUP;
  const rates = COMPARED_STEPS.map((step): ArRateComparison => {
    const index = FUNNEL_STEPS.indexOf(step) + 1;
    const arReached = reached(true, index);
    const otherReached = reached(false, index);
    const counts = { arReached, otherReached, arBp: basisPoints(arReached, arShoppers), otherBp: basisPoints(otherReached, otherShoppers) };
    if (!enough) return { step, ...counts, differenceBp: null, interval95Bp: null, verdict: 'not_enough_data' };
    const interval = differenceInterval({ successes: arReached, trials: arShoppers }, { successes: otherReached, trials: otherShoppers });
    return {
      step,
      ...counts,
      differenceBp: bp(arReached / arShoppers - otherReached / otherShoppers),
      interval95Bp: { low: bp(interval.low), high: bp(interval.high) },
      verdict: verdictOf(interval.low, interval.high),
    };
  });
  const launches = AR_LAUNCH_MODES.map((mode) => {
    const count = counts.find((c) => c.mode === mode);
    return { mode, launches: count?.launches ?? 0, shoppers: count?.shoppers ?? 0 };
  });
  return { launches, arShoppers, otherShoppers, minShoppers: MIN_SHOPPERS_PER_GROUP, rates };
}
