import { HttpError } from '../http/errors.js';
import type { AdminUser, Store } from '../store/types.js';
import { afterReviewChanged } from './after-review-changed.js';
import { ReviewCsvError, readReviewCsv } from './review-csv.js';

/** The largest CSV the import reads: 5 MB holds tens of thousands of reviews. */
export const MAX_REVIEW_CSV_BYTES = 5 * 1024 * 1024;

/** What happened to one data row. */
export interface ImportRowReport {
  row: number;
  outcome: 'imported' | 'duplicate' | 'refused';
  id?: string;
  message?: string;
}

/** The import's answer: totals, then a line per row. */
export interface ImportReport {
  imported: number;
  duplicates: number;
  refused: number;
  rows: ImportRowReport[];
}

/**
 * Imports a review app's CSV export: each readable row is stored with its own
 * date and status and a history row (actor `import`, reason naming the
 * source); a row imported before (same source, same review) is skipped as a
 * duplicate; an unreadable row is refused with a sentence naming its row and
 * column. Audited once as `reviews_imported`. A whole-file problem is a 400.
 *
 * @example
 * const report = await importReviewCsv(store, { text, source: 'judge.me', now: Date.now(), user })
 * // { imported: 40, duplicates: 0, refused: 1, rows: [...] }
 */
export async function importReviewCsv(store: Store, input: { text: string; source: string; now: number; user: AdminUser }): Promise<ImportReport> {
  let rows: ReturnType<typeof readReviewCsv>;
  try {
    rows = readReviewCsv(input.text, input.source);
  } catch (error) {
    if (error instanceof ReviewCsvError) throw new HttpError(400, 'invalid_request', error.message, 'body');
    throw error;
  }
  const report: ImportReport = { imported: 0, duplicates: 0, refused: 0, rows: [] };
  const changed = new Set<string>();
  for (const row of rows) {
    if ('problem' in row) {
      report.refused++;
      report.rows.push({ row: row.row, outcome: 'refused', message: row.problem });
      continue;
    }
    const { review } = row;
    const reason = `Imported from ${input.source}${review.rejectionReason ? ` (${review.rejectionReason})` : ''}.`;
    if (!(await store.addReviewWithHistory(review, { at: input.now, reason, actor: 'import' }))) {
      report.duplicates++;
      report.rows.push({ row: row.row, outcome: 'duplicate', id: review.id });
      continue;
    }
    if (review.status === 'published') changed.add(review.sku);
    report.imported++;
    report.rows.push({ row: row.row, outcome: 'imported', id: review.id });
  }
  await store.appendAuditEntry({
    at: input.now,
    userId: input.user.id,
    action: 'reviews_imported',
    subject: `${report.imported} reviews from ${input.source}`,
    before: null,
    after: { imported: report.imported, duplicates: report.duplicates, refused: report.refused },
  });
  for (const sku of changed) await afterReviewChanged(store, sku);
  return report;
}
