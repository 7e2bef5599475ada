import { escapeHtml } from './html.js';
import type { ReportLocale } from './report-text.js';
import { REPORT_TEXT } from './report-text.js';

/** One compared rate as the report shows it, whichever two groups are compared. */
export interface ComparedRate {
  /** The rate's name, e.g. "Add-to-cart rate". */
  label: string;
  /** The group's share in basis points (null for an empty group) and how many reached the step. */
  group: { bp: number | null; reached: number };
  others: { bp: number | null; reached: number };
  differenceBp: number | null;
  interval95Bp: { low: number; high: number } | null;
  /** The plain-words reading of the difference. */
  reading: string;
}

/**
 * A row of a comparison table in the funnel report (the reviews-filter and the
 * AR sections): both groups' shares with their counts, the difference and its
 * 95% interval in percentage points, and the reading; all text escaped.
 *
 * @example
 * comparisonRow({ label: 'Purchase conversion', group: { bp: 4000, reached: 40 }, others: { bp: 500, reached: 5 }, differenceBp: 3500, interval95Bp: { low: 2300, high: 4600 }, reading: 'Higher' }, 'en')
 * // '<tr><th scope="row">Purchase conversion</th><td class="num">40% (40)</td>…'
 */
export function comparisonRow(rate: ComparedRate, locale: ReportLocale): string {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const points = (bp: number, sign: boolean) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: sign ? 'exceptZero' : 'auto' }).format(bp / 100);
  const share = ({ bp, reached }: ComparedRate['group']) =>
    bp === null ? '—' : `${percent.format(bp / 10_000)} (${new Intl.NumberFormat(locale).format(reached)})`;
  const difference =
    rate.differenceBp === null || rate.interval95Bp === null
      ? '—'
      : REPORT_TEXT[locale].reviewFilters.points(points(rate.differenceBp, true), points(rate.interval95Bp.low, false), points(rate.interval95Bp.high, false));
  return `<tr><th scope="row">${escapeHtml(rate.label)}</th><td class="num">${share(rate.group)}</td><td class="num">${share(rate.others)}</td><td class="num">${escapeHtml(difference)}</td><td>${escapeHtml(rate.reading)}</td></tr>`;
}
