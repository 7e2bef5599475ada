import { useEffect, useState } from 'preact/hooks';
import { useConsole } from './console-context.js';
import { ErrorNotice, PageTitle, Table, useTime } from './ui.js';

/** One invitation as `GET /admin/api/review-invitations` answers it. */
interface Invitation {
  sku: string;
  variant?: string;
  productName: string;
  orderId: string;
  email: string;
  createdAt: number;
  expiresAt: number;
  usedAt?: number;
}

/**
 * The review invitations paid orders created (one per line): who was asked
 * about which product, until when, and whether they wrote. What the shop's
 * mailer sends; read only.
 */
export function ReviewInvitationsPage() {
  const { t, api } = useConsole();
  const time = useTime();
  const [rows, setRows] = useState<Invitation[] | null>(null);
  const [next, setNext] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  async function load(cursor?: string) {
    setError(null);
    try {
      const page = await api.get<{ invitations: Invitation[]; nextCursor?: string }>(
        `/review-invitations${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      setRows((shown) => [...(cursor ? (shown ?? []) : []), ...page.invitations]);
      setNext(page.nextCursor);
    } catch (caught) {
      setError(caught);
    }
  }
  useEffect(() => void load(), []);
  return (
    <section>
      <PageTitle>{t('invitationsTitle')}</PageTitle>
      {error !== null && <ErrorNotice error={error} onRetry={() => load()} />}
      {rows === null && error === null && <p class="loading">{t('loading')}</p>}
      {rows?.length === 0 && <p>{t('noInvitations')}</p>}
      {rows && rows.length > 0 && (
        <Table
          label={t('invitationsTitle')}
          columns={[t('reviewProduct'), t('order'), t('email'), t('invitationSent'), t('invitationExpires'), t('invitationUsed')]}
        >
          {rows.map((row) => (
            <tr key={`${row.orderId}-${row.sku}-${row.variant ?? ''}`}>
              <td>
                {row.productName} <span class="code">{row.sku}</span>
                {row.variant ? ` (${row.variant})` : ''}
              </td>
              <td class="code">{row.orderId}</td>
              <td>{row.email}</td>
              <td>{time(row.createdAt)}</td>
              <td>{time(row.expiresAt)}</td>
              <td>{row.usedAt === undefined ? t('empty') : time(row.usedAt)}</td>
            </tr>
          ))}
        </Table>
      )}
      {next && (
        <button type="button" onClick={() => load(next)}>
          {t('reviewMore')}
        </button>
      )}
    </section>
  );
}
