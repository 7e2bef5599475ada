import { comparisonRow } from './comparison-row.js';
import type { ArComparison, ArRateComparison } from './ar-comparison.js';
import { escapeHtml } from './html.js';
import type { ReportLocale } from './report-text.js';
import { REPORT_TEXT } from './report-text.js';

function rateRow(rate: ArRateComparison, locale: ReportLocale): string {
  const t = REPORT_TEXT[locale];
  return comparisonRow(
    {
      label: t.reviewFilters.rates[rate.step],
      group: { bp: rate.arBp, reached: rate.arReached },
      others: { bp: rate.otherBp, reached: rate.otherReached },
      differenceBp: rate.differenceBp,
      interval95Bp: rate.interval95Bp,
      reading: t.ar.verdicts[rate.verdict],
    },
    locale,
  );
}

/**
 * The report's AR section: launches per mode (Quick Look, Scene Viewer, QR),
 * then the rates of shoppers who used AR against those who didn't, laid out
 * as the reviews-filter section is (difference and 95% interval in
 * percentage points, a plain-words reading, "not enough data" for small groups).
 *
 * @example
 * arSection(compareArUse(rows, counts), 'en') // '<section aria-labelledby="ar-use"><h2 id="ar-use">Shoppers who used AR</h2>…'
 */
export function arSection(comparison: ArComparison, locale: ReportLocale): string {
  const t = REPORT_TEXT[locale];
  const number = new Intl.NumberFormat(locale);
  const cells = (labels: string[]) => labels.map((label) => `<th scope="col">${escapeHtml(label)}</th>`).join('');
  const launchRows = comparison.launches
    .map(
      (l) =>
        `<tr><th scope="row">${escapeHtml(t.ar.modes[l.mode])}</th><td class="num">${number.format(l.launches)}</td><td class="num">${number.format(l.shoppers)}</td></tr>`,
    )
    .join('');
  const launches = `<table><caption>${escapeHtml(t.ar.launchCaption)}</caption><thead><tr>${cells([t.ar.mode, t.ar.launchCount, t.ar.launchShoppers])}</tr></thead><tbody>${launchRows}</tbody></table>`;
  const enough = comparison.rates.every((rate) => rate.verdict !== 'not_enough_data');
  const notEnough = enough ? '' : `<p class="notice">${escapeHtml(t.reviewFilters.notEnough(number.format(comparison.minShoppers)))}</p>`;
  const head = cells([t.reviewFilters.rate, t.ar.used, t.ar.unused, t.reviewFilters.difference, t.reviewFilters.verdict]);
  const rows = comparison.rates.map((rate) => rateRow(rate, locale)).join('');
  return `<section aria-labelledby="ar-use"><h2 id="ar-use">${escapeHtml(t.ar.heading)}</h2>${launches}<p>${escapeHtml(t.ar.groups(number.format(comparison.arShoppers), number.format(comparison.otherShoppers)))}</p>${notEnough}<table><caption>${escapeHtml(t.ar.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table><p>${escapeHtml(t.ar.note)}</p></section>`;
}
