import { useState } from 'preact/hooks';
import { can, useConsole } from './console-context.js';
import { DiffView, type PromotionChange } from './diff-view.js';
import { ErrorNotice, LoadedView, PageTitle, SelectField, useTime, Table } from './ui.js';
import { useLoad } from './use-load.js';

interface VersionRow {
  version: number;
  publishedAt: number;
  publishedBy: string | null;
  note: string | null;
}

function Compare({ versions }: { versions: VersionRow[] }) {
  const { t, api } = useConsole();
  const options = [{ value: 'draft', label: t('draft') }, ...versions.map((row) => ({ value: String(row.version), label: `${t('version')} ${row.version}` }))];
  const [from, setFrom] = useState(String(versions[1]?.version ?? versions[0]?.version ?? 'draft'));
  const [to, setTo] = useState(String(versions[0]?.version ?? 'draft'));
  const diff = useLoad(() => api.get<{ changes: PromotionChange[] }>(`/promotions/diff?from=${from}&to=${to}`), [from, to]);
  return (
    <section aria-labelledby="compare-title">
      <h2 id="compare-title">{t('compare')}</h2>
      <div class="toolbar">
        <SelectField field="compare-from" label={t('from')} value={from} options={options} onValue={setFrom} />
        <SelectField field="compare-to" label={t('to')} value={to} options={options} onValue={setTo} />
      </div>
      <LoadedView loaded={diff}>{(data) => <DiffView changes={data.changes} />}</LoadedView>
    </section>
  );
}

function VersionTable({ current, versions, onRolledBack }: { current: number; versions: VersionRow[]; onRolledBack(): void }) {
  const { t, api, announce, user } = useConsole();
  const time = useTime();
  const [error, setError] = useState<unknown>(null);
  async function rollback(version: number) {
    setError(null);
    try {
      await api.send('POST', '/promotions/rollback', { version });
      announce(t('rolledBack', { version }));
      onRolledBack();
    } catch (caught) {
      setError(caught);
    }
  }
  return (
    <>
      {error !== null && <ErrorNotice error={error} />}
      <Table columns={[t('version'), t('publishedAt'), t('by'), t('note'), t('actions')]}>
        {versions.map((row) => (
          <tr key={row.version}>
            <th scope="row">
              {row.version} {row.version === current && <span class="status status-active">{t('current')}</span>}
            </th>
            <td>{time(row.publishedAt)}</td>
            <td>{row.publishedBy ?? t('empty')}</td>
            <td>{row.note ?? t('empty')}</td>
            <td>
              <div class="row-actions">
                <a class="button" href={`${api.root}/promotions/versions?version=${row.version}`} download={`promotions-v${row.version}.json`}>
                  {t('exportJson')}
                </a>
                {can(user, 'marketer') && row.version !== current && (
                  <button type="button" onClick={() => rollback(row.version)}>
                    {t('rollback', { version: row.version })}
                  </button>
                )}
              </div>
            </td>
          </tr>
        ))}
      </Table>
    </>
  );
}

/** Every published version: export any as JSON, compare any two (or the draft), roll back to one. */
export function VersionsPage() {
  const { t, api } = useConsole();
  const loaded = useLoad(() => api.get<{ current: number; versions: VersionRow[] }>('/promotions/versions'), []);
  return (
    <section>
      <PageTitle>{t('versionsTitle')}</PageTitle>
      <LoadedView loaded={loaded}>
        {(data) => (
          <>
            <VersionTable current={data.current} versions={data.versions} onRolledBack={loaded.reload} />
            <Compare versions={data.versions} />
          </>
        )}
      </LoadedView>
    </section>
  );
}
