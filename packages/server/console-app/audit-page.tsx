import { useState } from 'preact/hooks';
import { useConsole } from './console-context.js';
import { LoadedView, PageTitle, SelectField, TextField, useTime, Table } from './ui.js';
import { useLoad } from './use-load.js';

interface AuditRow {
  id: string | number;
  at: number;
  user: string | null;
  action: string;
  subject: string;
  before: unknown;
  after: unknown;
}

const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value, null, 2));

function Entry({ entry }: { entry: AuditRow }) {
  const { t } = useConsole();
  const time = useTime();
  const hasDetail = entry.before !== null || entry.after !== null;
  return (
    <tr>
      <td>{time(entry.at)}</td>
      <td>{entry.user ?? t('empty')}</td>
      <td class="code">{entry.action}</td>
      <td>{entry.subject}</td>
      <td>
        {hasDetail ? (
          <details>
            <summary>{t('details')}</summary>
            <div class="before-after">
              <pre>{json(entry.before)}</pre>
              <pre>{json(entry.after)}</pre>
            </div>
          </details>
        ) : (
          t('empty')
        )}
      </td>
    </tr>
  );
}

/** The audit log, newest first, filtered by action and by user: who did what, when, and the before/after. */
export function AuditPage() {
  const { t, api } = useConsole();
  const [action, setAction] = useState('');
  const [user, setUser] = useState('');
  const [userFilter, setUserFilter] = useState('');
  const query = new URLSearchParams({ limit: '100', ...(action ? { action } : {}), ...(userFilter ? { user: userFilter } : {}) });
  const log = useLoad(() => api.get<{ entries: AuditRow[]; actions: string[] }>(`/audit?${query}`), [action, userFilter]);
  const actions = log.data?.actions ?? [];
  return (
    <section>
      <PageTitle>{t('auditTitle')}</PageTitle>
      <form
        class="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          setUserFilter(user.trim());
        }}
      >
        <SelectField
          field="audit-action"
          label={t('action')}
          value={action}
          options={[{ value: '', label: t('all') }, ...actions.map((name) => ({ value: name, label: name }))]}
          onValue={setAction}
        />
        <TextField field="audit-user" label={t('user')} type="email" value={user} onValue={setUser} />
        <button type="submit">{t('filter')}</button>
      </form>
      <LoadedView loaded={log}>
        {(data) => (
          <Table columns={[t('when'), t('user'), t('action'), t('subject'), t('details')]}>
            {data.entries.map((entry) => (
              <Entry key={entry.id} entry={entry} />
            ))}
          </Table>
        )}
      </LoadedView>
    </section>
  );
}
