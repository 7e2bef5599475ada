import type { ReviewFilterComparison } from '../src/analytics/review-filter-comparison.js';
import type { Locale, TextKey, Translate } from './text.js';

/** One row of the console's comparison table, as text. */
export interface ReviewFilterRowText {
  rate: string;
  filtered: string;
  unfiltered: string;
  difference: string;
  verdict: string;
}

const RATE_KEYS = { add_to_cart: 'rateAddToCart', begin_checkout: 'rateCheckout', purchase: 'ratePurchase' } as const satisfies Record<string, TextKey>;
const VERDICT_KEYS = {
  higher: 'verdictHigher',
  lower: 'verdictLower',
  no_clear_difference: 'verdictNoClearDifference',
  not_enough_data: 'verdictNotEnoughData',
} as const satisfies Record<string, TextKey>;

/**
 * The comparison's rates as the words and numbers the table shows: each
 * group's rate with its count, the difference in percentage points with its
 * 95% interval ("—" without enough data), and the reading in words.
 *
 * @example
 * reviewFilterRowTexts(comparison, 'en', translator('en'))[2]
 * // { rate: 'Purchase conversion', filtered: '40% (12)', unfiltered: '5% (2)', difference: '+35.0 points (18.7 to 52.1)', verdict: 'Higher among those who filtered' }
 */
export function reviewFilterRowTexts(comparison: ReviewFilterComparison, locale: Locale, t: Translate): ReviewFilterRowText[] {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat(locale);
  const points = (bp: number, sign: boolean) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: sign ? 'exceptZero' : 'auto' }).format(bp / 100);
  const share = (bp: number | null, reached: number) => (bp === null ? t('empty') : `${percent.format(bp / 10_000)} (${count.format(reached)})`);
  return comparison.rates.map((rate) => ({
    rate: t(RATE_KEYS[rate.step]),
    filtered: share(rate.filteredBp, rate.filteredReached),
    unfiltered: share(rate.unfilteredBp, rate.unfilteredReached),
    difference:
      rate.differenceBp === null || rate.interval95Bp === null
        ? t('empty')
        : t('differencePoints', {
            difference: points(rate.differenceBp, true),
            low: points(rate.interval95Bp.low, false),
            high: points(rate.interval95Bp.high, false),
          }),
    verdict: t(VERDICT_KEYS[rate.verdict]),
  }));
}
