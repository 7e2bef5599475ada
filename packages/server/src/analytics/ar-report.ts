import type { ArComparison, ArRateComparison } from './ar-comparison.js';
import { escapeHtml } from './html.js';
import type { ReportLocale } from './report-text.js';
import { REPORT_TEXT } from './report-text.js';

function rateRow(rate: ArRateComparison, locale: ReportLocale): string {
  const t = REPORT_TEXT[locale];
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const points = (bp: number, sign: boolean) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: sign ? 'exceptZero' : 'auto' }).format(bp / 100);
  const share = (bp: number | null, reached: number) =>
    bp === null ? '—' : `${percent.format(bp / 10_000)} (${new Intl.NumberFormat(locale).format(reached)})`;
  const difference =
    rate.differenceBp === null || rate.interval95Bp === null
      ? '—'
      : t.reviewFilters.points(points(rate.differenceBp, true), points(rate.interval95Bp.low, false), points(rate.interval95Bp.high, false));
  return `<tr><th scope="row">${escapeHtml(t.reviewFilters.rates[rate.step])}</th><td class="num">${share(rate.arBp, rate.arReached)}</td><td class="num">${share(rate.otherBp, rate.otherReached)}</td><td class="num">${escapeHtml(difference)}</td><td>${escapeHtml(t.ar.verdicts[rate.verdict])}</td></tr>`;
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
