import { formatMoney, money } from '@cartlift/core';
import type { AnalyticsCounters } from '../options.js';
import type { FunnelGroup, FunnelQuery } from './funnel.js';
import type { LedgerTotals } from './ledger-totals.js';
import { escapeHtml } from './html.js';
import { REPORT_TEXT, type ReportLocale } from './report-text.js';
import type { ReviewFilterComparison } from './review-filter-comparison.js';
import { reviewFilterSection } from './review-filter-report.js';
import type { ArComparison } from './ar-comparison.js';
import { arSection } from './ar-report.js';

export { escapeHtml };

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
// Bars are sized by classes w0…w100 from the static stylesheet: no style attributes, so a strict CSP holds.
const width = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((100 * part) / whole));

/** "3 paid orders in the payment ledger, revenue $31.00." and the collection coverage when there are orders. */
function ledgerLine(totals: LedgerTotals, locale: ReportLocale): string {
  const t = REPORT_TEXT[locale];
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const amounts = Object.entries(totals.revenue).map(([currency, amount]) => formatMoney(money(amount, currency), locale));
  const share = totals.collectionCoverageBp === null ? null : percent.format(totals.collectionCoverageBp / 10_000);
  return `<p class="ledger">${escapeHtml(t.ledger(number.format(totals.orders), amounts.length ? amounts.join(', ') : number.format(0), share))}</p>`;
}

function groupTable(group: FunnelGroup, heading: string, id: string, locale: ReportLocale): string {
  const t = REPORT_TEXT[locale];
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const first = group.steps[0]?.shoppers ?? 0;
  const rows = group.steps
    .map((step) => {
      const reached = width(step.shoppers, first);
      const lost = Math.min(100 - reached, width(step.dropOff, first));
      // Anyone can post browser events, so counts only they back are marked as such on their row.
      const source = step.source === 'browser' ? ` <small class="source">(${escapeHtml(t.browserOnly)})</small>` : '';
      return `<tr><th scope="row">${escapeHtml(t.steps[step.name])}${source}</th><td class="num">${number.format(step.shoppers)}</td><td class="chart"><span class="bar w${reached}"></span><span class="lost w${lost}"></span></td><td class="num">${step.conversionBp === null ? '—' : percent.format(step.conversionBp / 10_000)}</td><td class="num">${step.dropOff ? `−${number.format(step.dropOff)}` : '0'}</td></tr>`;
    })
    .join('');
  // The whole range's orders are drawn once above the groups; day and variant groups show their own.
  const orders =
    group.orders !== undefined && group.key !== 'all'
      ? ledgerLine({ orders: group.orders, revenue: group.revenue ?? {}, collectionCoverageBp: group.collectionCoverageBp ?? null }, locale)
      : '';
  return `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(heading)}</h2><p>${escapeHtml(t.shoppers(number.format(group.shoppers)))}</p>${orders}<table><thead><tr><th scope="col">${t.step}</th><th scope="col">${t.count}</th><th scope="col">${t.chart}</th><th scope="col">${t.conversion}</th><th scope="col">${t.dropOff}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function form(query: Partial<FunnelQuery> & { fromText?: string; toText?: string; experimentText?: string; byText?: string }, locale: ReportLocale): string {
  const t = REPORT_TEXT[locale];
  const option = (value: string, label: string) => `<option value="${value}"${(query.byText ?? '') === value ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  return `<form method="get" action="report"><input type="hidden" name="locale" value="${locale}"><label>${t.from} <input type="date" name="from" value="${escapeHtml(query.fromText ?? '')}"></label><label>${t.to} <input type="date" name="to" value="${escapeHtml(query.toText ?? '')}"></label><label>${t.by} <select name="by">${option('', t.byNone)}${option('day', t.byDay)}${option('variant', t.byVariant)}</select></label><label>${t.experiment} <input name="experiment" maxlength="100" value="${escapeHtml(query.experimentText ?? '')}"></label><button type="submit">${t.show}</button></form>`;
}

function page(locale: ReportLocale, body: string): string {
  const t = REPORT_TEXT[locale];
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>${t.title}</title><link rel="stylesheet" href="report.css"></head><body><main><h1>${t.title}</h1>${body}</main></body></html>`;
}

/**
 * The funnel report page: the ledger's paid orders and revenue for the range,
 * then a table per group with bars for the shoppers who reached each step and
 * those lost since the previous one, then shoppers who filtered reviews against those who didn't,
 * then AR launches and shoppers who used AR against those who didn't.
 *
 * @example
 * renderReport({ query, groups, totals, counters, locale: 'zh-CN' }) // '<!doctype html><html lang="zh-CN">…'
 */
export function renderReport(input: {
  query: FunnelQuery;
  groups: FunnelGroup[];
  totals: LedgerTotals;
  /** Shown after the groups when given. */
  reviewFilters?: ReviewFilterComparison;
  /** Shown after the reviews comparison when given. */
  ar?: ArComparison;
  counters: AnalyticsCounters;
  locale: ReportLocale;
}): string {
  const { query, groups, totals, reviewFilters, ar, counters, locale } = input;
  const t = REPORT_TEXT[locale];
  const number = new Intl.NumberFormat(locale);
  const fromText = isoDay(query.from);
  const toText = isoDay(query.to - 1);
  const heading = (group: FunnelGroup) => (query.by === 'variant' ? t.variant(group.key) : query.by === 'day' ? t.day(group.key) : t.all);
  const sections = groups.length ? groups.map((group, i) => groupTable(group, heading(group), `g${i}`, locale)).join('') : `<p>${t.empty}</p>`;
  return page(
    locale,
    `<p>${escapeHtml(t.range(fromText, toText))}</p>${ledgerLine(totals, locale)}<p>${escapeHtml(t.purchaseNote)}</p>${form({ ...query, fromText, toText, byText: query.by ?? '', experimentText: query.experiment ?? '' }, locale)}${sections}${reviewFilters ? reviewFilterSection(reviewFilters, locale) : ''}${ar ? arSection(ar, locale) : ''}<footer><p>${escapeHtml(
      t.counters(number.format(counters.accepted), number.format(counters.duplicates), number.format(counters.invalid)),
    )}</p></footer>`,
  );
}

/**
 * The page for a refused request (bad query, missing token): the sentence, escaped, and the form again.
 *
 * @example
 * renderReportError('by must be "variant" or "day"; received "week".', 'en', params)
 */
export function renderReportError(message: string, locale: ReportLocale, params: URLSearchParams): string {
  const t = REPORT_TEXT[locale];
  const text = (name: string) => params.get(name)?.slice(0, 100) ?? '';
  return page(
    locale,
    `<h2>${t.error}</h2><p class="error">${escapeHtml(message)}</p>${form({ fromText: text('from'), toText: text('to'), byText: text('by'), experimentText: text('experiment') }, locale)}`,
  );
}

const widths = Array.from({ length: 101 }, (_, i) => `.w${i}{width:${i}%}`).join('');

/** The report's stylesheet, the same for every response (served at `/funnel/report.css`). */
export const REPORT_CSS = `:root{color-scheme:light dark;--reached:#2563eb;--lost:#f59e0b;font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif}
body{margin:0;padding:1.5rem;line-height:1.5}main{max-width:64rem;margin:0 auto}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}
form{display:flex;flex-wrap:wrap;gap:.75rem;align-items:end;margin:1rem 0}label{display:flex;flex-direction:column;font-size:.9rem}
input,select,button{font:inherit;padding:.3rem .5rem}button{cursor:pointer}
table{width:100%;border-collapse:collapse}th,td{padding:.4rem .5rem;border-bottom:1px solid #8884;text-align:left}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.chart{width:40%;min-width:8rem;white-space:nowrap;font-size:0}
.bar,.lost{display:inline-block;height:1rem;vertical-align:middle}.bar{background:var(--reached)}.lost{background:var(--lost);opacity:.6}
.error{color:#b91c1c;font-weight:600}.notice{font-weight:600}caption{text-align:left;font-weight:600;padding:.4rem 0}.source{font-weight:400;opacity:.75}footer{margin-top:2rem;font-size:.85rem;opacity:.8}
${widths}
`;
