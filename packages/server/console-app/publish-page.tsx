import { useState } from 'preact/hooks';
import { can, useConsole } from './console-context.js';
import { DiffView, type PromotionChange } from './diff-view.js';
import { type Overview, useOverview } from './overview.js';
import { ErrorNotice, LoadedView, PageTitle, TextField, useMoney } from './ui.js';
import { useLoad } from './use-load.js';

interface ReplaySummary {
  carts: number;
  changed: number;
  skipped: number;
  discountLive: number;
  discountDraft: number;
}

function Replay({ currency }: { currency: string }) {
  const { t, api } = useConsole();
  const money = useMoney();
  const [summary, setSummary] = useState<ReplaySummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function replay() {
    setError(null);
    try {
      setSummary(await api.send<ReplaySummary>('POST', '/promotions/replay'));
    } catch (caught) {
      setError(caught);
    }
  }
  return (
    <div class="replay">
      <button type="button" onClick={replay}>
        {t('replay')}
      </button>
      {error !== null && <ErrorNotice error={error} />}
      <p aria-live="polite">
        {summary &&
          t('replayResult', {
            changed: summary.changed,
            carts: summary.carts,
            before: money(summary.discountLive, currency),
            after: money(summary.discountDraft, currency),
          })}
      </p>
    </div>
  );
}

function PublishForm({ overview, onPublished }: { overview: Overview; onPublished(): void }) {
  const { t, api, announce, user } = useConsole();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const diff = useLoad(() => api.get<{ changes: PromotionChange[] }>(`/promotions/diff?from=${overview.version}&to=draft`), [overview]);
  async function publish(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { version } = await api.send<{ version: number }>('POST', '/promotions/publish', { note });
      announce(t('published', { version }));
      setNote('');
      onPublished();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <h2>{t('changes')}</h2>
      <LoadedView loaded={diff}>{(data) => <DiffView changes={data.changes} />}</LoadedView>
      <Replay currency={overview.currency} />
      {can(user, 'marketer') ? (
        <form onSubmit={publish} class="publish">
          {error !== null && <ErrorNotice error={error} />}
          <TextField field="note" label={t('note')} value={note} onValue={setNote} />
          <button type="submit" class="primary" disabled={busy}>
            {t('publish')}
          </button>
        </form>
      ) : (
        <p class="notice">{t('viewerCannot', { role: user.role })}</p>
      )}
    </>
  );
}

/** Publish: what the draft changes against the live version, a replay on recent carts, then publish with a note. */
export function PublishPage() {
  const { t } = useConsole();
  const overview = useOverview();
  return (
    <section>
      <PageTitle>{t('publishTitle')}</PageTitle>
      <LoadedView loaded={overview}>
        {(data) => (
          <>
            <p class="summary">{t('draftRevision', { rev: data.draft.rev, version: data.version })}</p>
            <PublishForm overview={data} onPublished={overview.reload} />
          </>
        )}
      </LoadedView>
    </section>
  );
}
