import { promotionName } from '@cartlift/discounts';
import { useState } from 'preact/hooks';
import { can, useConsole } from './console-context.js';
import { type Overview, type PromotionRow, type PromotionStatus, useOverview } from './overview.js';
import { promotionHref } from './route.js';
import { LoadedView, messageOf, PageTitle, SelectField, TextField, useMoney, Table } from './ui.js';

const STATUSES: PromotionStatus[] = ['active', 'scheduled', 'paused', 'draft', 'expired', 'archived'];

/** The change a row's buttons make: a draft save, a duplicate or an archive, each through its own route. */
function useRowActions(overview: Overview, reload: () => void) {
  const { api, announce, t } = useConsole();
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await action();
      announce(done);
    } catch (error) {
      announce(messageOf(error));
    } finally {
      setBusy(false);
      reload();
    }
  }
  const { config, rev } = overview.draft;
  return {
    busy,
    toggle: (id: string, enabled: boolean) =>
      run(
        () =>
          api.send('PUT', '/promotions/draft', { rev, config: { ...config, promotions: config.promotions.map((p) => (p.id === id ? { ...p, enabled } : p)) } }),
        t(enabled ? 'didTurnOn' : 'didTurnOff', { id }),
      ),
    duplicate: (id: string) => run(() => api.send('POST', '/promotions/duplicate', { id }), t('didDuplicate', { id })),
    archive: (id: string, archived: boolean) =>
      run(() => api.send('POST', '/promotions/archive', { id, archived }), t(archived ? 'didArchive' : 'didUnarchive', { id })),
  };
}

function matches(row: PromotionRow, status: string, search: string): boolean {
  if (status && row.status !== status) return false;
  const needle = search.trim().toLowerCase();
  if (!needle) return true;
  const names = typeof row.name === 'string' ? [row.name] : Object.values(row.name);
  return [row.id, row.code ?? '', ...names].some((text) => text.toLowerCase().includes(needle));
}

function Row({ row, overview, actions }: { row: PromotionRow; overview: Overview; actions: ReturnType<typeof useRowActions> }) {
  const { t, locale, user } = useConsole();
  const money = useMoney();
  const promotion = overview.draft.config.promotions.find((p) => p.id === row.id);
  const currency = promotion?.currency ?? overview.currency;
  const editable = can(user, 'marketer');
  const archived = row.status === 'archived';
  // Money placeholders read as the shop shows them ({money:500} → $5.00).
  const name = promotionName(row.name, locale, currency);
  return (
    <tr>
      <th scope="row">
        <a href={promotionHref(row.id)}>{name}</a>
        <span class="id">{row.id}</span>
      </th>
      <td>
        <span class={`status status-${row.status}`}>{t(`status_${row.status}`)}</span>
      </td>
      <td>{row.code ?? ((promotion as { uniqueCodes?: boolean })?.uniqueCodes ? <a href={promotionHref(row.id, 'codes')}>{t('codes')}</a> : t('empty'))}</td>
      <td class="number">{row.redemptions ?? 0}</td>
      <td class="number">{money(row.discountGiven ?? 0, currency)}</td>
      <td>
        <div class="row-actions">
          {editable && !archived && (
            <button
              type="button"
              disabled={actions.busy}
              aria-label={`${promotion?.enabled === false ? t('turnOn') : t('turnOff')} ${name}`}
              onClick={() => actions.toggle(row.id, promotion?.enabled === false)}
            >
              {promotion?.enabled === false ? t('turnOn') : t('turnOff')}
            </button>
          )}
          {editable && (
            <button type="button" disabled={actions.busy} aria-label={`${t('duplicate')} ${name}`} onClick={() => actions.duplicate(row.id)}>
              {t('duplicate')}
            </button>
          )}
          {editable && (
            <button
              type="button"
              disabled={actions.busy}
              aria-label={`${archived ? t('unarchive') : t('archive')} ${name}`}
              onClick={() => actions.archive(row.id, !archived)}
            >
              {archived ? t('unarchive') : t('archive')}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}

function PromotionTable({ overview, reload }: { overview: Overview; reload: () => void }) {
  const { t, user } = useConsole();
  const [status, setStatus] = useState('');
  const [search, setSearch] = useState('');
  const actions = useRowActions(overview, reload);
  const rows = overview.promotions.filter((row) => matches(row, status, search));
  return (
    <>
      <p class="summary">{t('draftRevision', { rev: overview.draft.rev, version: overview.version })}</p>
      <div class="toolbar">
        <TextField field="search" label={t('search')} type="search" value={search} onValue={setSearch} />
        <SelectField
          field="status-filter"
          label={t('statusFilter')}
          value={status}
          options={[{ value: '', label: t('all') }, ...STATUSES.map((value) => ({ value, label: t(`status_${value}`) }))]}
          onValue={setStatus}
        />
        {can(user, 'marketer') && (
          <a class="button primary" href="#/promotions/new">
            {t('newPromotion')}
          </a>
        )}
      </div>
      <Table columns={[t('name'), t('status'), t('code'), t('redemptions'), t('discountGiven'), t('actions')]}>
        {rows.map((row) => (
          <Row key={row.id} row={row} overview={overview} actions={actions} />
        ))}
      </Table>
      {rows.length === 0 && <p>{t('noPromotions')}</p>}
    </>
  );
}

/** The promotions list: statuses in the shop's time zone, filter and search, and each row's switches. */
export function PromotionsPage() {
  const { t } = useConsole();
  const overview = useOverview();
  return (
    <section>
      <PageTitle>{t('navPromotions')}</PageTitle>
      <LoadedView loaded={overview}>{(data) => <PromotionTable overview={data} reload={overview.reload} />}</LoadedView>
    </section>
  );
}
