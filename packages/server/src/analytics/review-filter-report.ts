import { comparisonRow } from './comparison-row.js';
import { escapeHtml } from './html.js';
import type { ReportLocale } from './report-text.js';
import { REPORT_TEXT } from './report-text.js';
import type { RateComparison, ReviewFilterComparison } from './review-filter-comparison.js';

function rateRow(rate: RateComparison, locale: ReportLocale): string {
  const t = REPORT_TEXT[locale];
  return comparisonRow(
    {
      label: t.reviewFilters.rates[rate.step],
      group: { bp: rate.filteredBp, reached: rate.filteredReached },
      others: { bp: rate.unfilteredBp, reached: rate.unfilteredReached },
      differenceBp: rate.differenceBp,
      interval95Bp: rate.interval95Bp,
      reading: t.reviewFilters.verdicts[rate.verdict],
    },
    locale,
  );
}

/**
 * The report's section comparing shoppers who used a reviews filter with those
 * who didn't: a table of rates with a caption, the difference and its 95%
 * interval in percentage points, a plain-words reading per rate, and
 * "not enough data" while a group is too small.
 *
 * @example
 * reviewFilterSection(compareReviewFilters(rows), 'zh-CN') // '<section aria-labelledby="review-filters"><h2 …>使用评价筛选的购物者</h2>…'
 */
export function reviewFilterSection(comparison: ReviewFilterComparison, locale: ReportLocale): string {
  const t = REPORT_TEXT[locale].reviewFilters;
  const number = new Intl.NumberFormat(locale);
  const enough = comparison.rates.every((rate) => rate.verdict !== 'not_enough_data');
  const notEnough = enough ? '' : `<p class="notice">${escapeHtml(t.notEnough(number.format(comparison.minShoppers)))}</p>`;
  const head = [t.rate, t.filtered, t.unfiltered, t.difference, t.verdict].map((label) => `<th scope="col">${escapeHtml(label)}</th>`).join('');
  const rows = comparison.rates.map((rate) => rateRow(rate, locale)).join('');
  return `<section aria-labelledby="review-filters"><h2 id="review-filters">${escapeHtml(t.heading)}</h2><p>${escapeHtml(t.groups(number.format(comparison.filteredShoppers), number.format(comparison.unfilteredShoppers)))}</p>${notEnough}<table><caption>${escapeHtml(t.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table><p>${escapeHtml(t.note)}</p></section>`;
}
