import type { CodeBatch, CodeStatus } from '../src/store/types.js';
import { useEffect, useState } from 'preact/hooks';
import { can, useConsole } from './console-context.js';
import { useOverview } from './overview.js';
import { promotionHref } from './route.js';
import { ErrorNotice, LoadedView, PageTitle, SelectField, TextField, useTime, Table } from './ui.js';
import { useLoad } from './use-load.js';

interface CodePage {
  codes: { code: string; status: CodeStatus; order: string | null }[];
  counts: Record<CodeStatus, number>;
}

const POLL_MS = 500;

function GenerateForm({ promotionId, onStarted }: { promotionId: string; onStarted(): void }) {
  const { t, api } = useConsole();
  const [count, setCount] = useState('1000');
  const [prefix, setPrefix] = useState('');
  const [length, setLength] = useState('10');
  const [error, setError] = useState<unknown>(null);
  async function generate(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      await api.send('POST', '/promotions/codes', { promotionId, count: Number(count), prefix, length: Number(length) });
      onStarted();
    } catch (caught) {
      setError(caught);
    }
  }
  const fieldError = (field: string) => (error && (error as { field?: string }).field === field ? (error as Error).message : undefined);
  return (
    <form onSubmit={generate} class="generate">
      {error !== null && !['count', 'prefix', 'length'].includes((error as { field?: string }).field ?? '') && <ErrorNotice error={error} />}
      <div class="pair">
        <TextField field="count" label={t('count')} inputMode="numeric" value={count} error={fieldError('count')} onValue={setCount} />
        <TextField field="prefix" label={t('prefix')} value={prefix} error={fieldError('prefix')} onValue={setPrefix} />
        <TextField field="length" label={t('length')} inputMode="numeric" value={length} error={fieldError('length')} onValue={setLength} />
      </div>
      <button type="submit" class="primary">
        {t('generate')}
      </button>
    </form>
  );
}

function BatchCodes({ batch }: { batch: CodeBatch }) {
  const { t, api } = useConsole();
  const [status, setStatus] = useState('');
  const page = useLoad(
    () => api.get<CodePage>(`/promotions/codes?batch=${encodeURIComponent(batch.id)}&limit=50${status ? `&status=${status}` : ''}`),
    [batch.id, batch.generated, status],
  );
  return (
    <LoadedView loaded={page}>
      {(data) => (
        <>
          <p>{(['unused', 'held', 'redeemed'] as const).map((name) => `${t(`codeStatus_${name}`)}: ${data.counts[name]}`).join(' · ')}</p>
          <SelectField
            field={`code-status-${batch.id}`}
            label={t('statusFilter')}
            value={status}
            options={[
              { value: '', label: t('all') },
              ...(['unused', 'held', 'redeemed'] as const).map((value) => ({ value, label: t(`codeStatus_${value}`) })),
            ]}
            onValue={setStatus}
          />
          <Table columns={[t('code'), t('status'), t('order')]}>
            {data.codes.map((code) => (
              <tr key={code.code}>
                <td class="code">{code.code}</td>
                <td>{t(`codeStatus_${code.status}`)}</td>
                <td>{code.order ?? t('empty')}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </LoadedView>
  );
}

function BatchItem({ batch }: { batch: CodeBatch }) {
  const { t, api } = useConsole();
  const time = useTime();
  const progressLabel = t('generated', { generated: batch.generated, count: batch.count });
  return (
    <li class="batch">
      <p>
        <strong>{batch.prefix || t('empty')}</strong> · {time(batch.createdAt)} · {batch.createdBy ?? t('empty')} · {batch.status}
      </p>
      <label class="progress">
        <span>{progressLabel}</span>
        <progress max={batch.count} value={batch.generated} />
      </label>
      {batch.error && <p class="field-error">{batch.error}</p>}
      {batch.status === 'ready' && (
        <>
          <a class="button" href={`${api.root}/promotions/codes.csv?batch=${encodeURIComponent(batch.id)}`} download>
            {t('downloadCsv')}
          </a>
          <BatchCodes batch={batch} />
        </>
      )}
    </li>
  );
}

function Batches({ promotionId }: { promotionId: string }) {
  const { t, api, user } = useConsole();
  const batches = useLoad(() => api.get<{ batches: CodeBatch[] }>(`/promotions/codes/batches?promotionId=${encodeURIComponent(promotionId)}`), [promotionId]);
  const generating = batches.data?.batches.some((batch) => batch.status === 'generating') ?? false;
  // Progress comes from polling while a batch is being made; nothing runs once all are done.
  useEffect(() => {
    if (!generating) return;
    const timer = setTimeout(batches.reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [generating, batches.data, batches.reload]);
  return (
    <>
      {can(user, 'marketer') && <GenerateForm promotionId={promotionId} onStarted={batches.reload} />}
      <h2>{t('batches')}</h2>
      <LoadedView loaded={batches}>
        {(data) => (
          <ul class="batches" aria-live="polite">
            {data.batches.map((batch) => (
              <BatchItem key={batch.id} batch={batch} />
            ))}
          </ul>
        )}
      </LoadedView>
    </>
  );
}

/** A promotion's single-use codes: generate a batch with progress, see each code's status and order, download the CSV. */
export function CodesPage({ id }: { id: string }) {
  const { t } = useConsole();
  const overview = useOverview();
  return (
    <section>
      <PageTitle>{t('codesTitle', { id })}</PageTitle>
      <LoadedView loaded={overview}>
        {(data) => {
          const promotion = data.draft.config.promotions.find((p) => p.id === id) as { uniqueCodes?: boolean } | undefined;
          if (!promotion?.uniqueCodes) {
            return (
              <p class="notice">
                {t('codesNeedUnique')} <a href={promotionHref(id)}>{t('edit')}</a>
              </p>
            );
          }
          return <Batches promotionId={id} />;
        }}
      </LoadedView>
    </section>
  );
}
