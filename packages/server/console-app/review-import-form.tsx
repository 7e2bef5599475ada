import { useState } from 'preact/hooks';
import type { ImportReport } from '../src/admin/review-import.js';
import { useConsole } from './console-context.js';
import { ErrorNotice, Table, TextField } from './ui.js';

/** The rows worth reading: refused and duplicate ones (imported rows are summed in the totals). */
function RowReport({ report }: { report: ImportReport }) {
  const { t } = useConsole();
  const notable = report.rows.filter((row) => row.outcome !== 'imported');
  return (
    <>
      <p>{t('importTotals', { imported: report.imported, duplicates: report.duplicates, refused: report.refused })}</p>
      {notable.length > 0 && (
        <Table label={t('importTitle')} columns={[t('importRow'), t('importOutcome'), t('reason')]}>
          {notable.map((row) => (
            <tr key={row.row}>
              <td class="number">{row.row}</td>
              <td>{t(`importOutcome_${row.outcome}`)}</td>
              <td>{row.message ?? row.id}</td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

/** Imports a review app's CSV export and shows the report per row. */
export function ReviewImportForm({ onImported }: { onImported(): void }) {
  const { t, api, announce } = useConsole();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState('csv');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function send(event: Event) {
    event.preventDefault();
    setError(null);
    if (!file) return setError(new Error(t('importChooseFile')));
    try {
      const answer = await api.upload<ImportReport>(`/reviews/import?source=${encodeURIComponent(source)}`, await file.text(), 'text/csv');
      setReport(answer);
      announce(t('importTotals', { imported: answer.imported, duplicates: answer.duplicates, refused: answer.refused }));
      onImported();
    } catch (caught) {
      setError(caught);
    }
  }
  return (
    <form onSubmit={send} class="review-import">
      <h2>{t('importTitle')}</h2>
      <p class="hint">{t('importHint')}</p>
      {error !== null && <ErrorNotice error={error} />}
      <div class="field">
        <label for="review-csv-file">{t('importFile')}</label>
        <input id="review-csv-file" type="file" accept=".csv,text/csv" onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)} />
      </div>
      <TextField field="review-csv-source" label={t('importSource')} value={source} onValue={setSource} />
      <button type="submit" class="primary">
        {t('importSend')}
      </button>
      {report && <RowReport report={report} />}
    </form>
  );
}
