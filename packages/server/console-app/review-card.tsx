import type { Review } from '@cartlift/reviews';
import { useState } from 'preact/hooks';
import type { ReviewHistoryEntry } from '../src/store/types.js';
import { can, useConsole } from './console-context.js';
import { ErrorNotice, useTime } from './ui.js';

/** A review's moderation history, loaded when asked for. */
function History({ id }: { id: string }) {
  const { t, api } = useConsole();
  const time = useTime();
  const [history, setHistory] = useState<ReviewHistoryEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function load() {
    setError(null);
    try {
      setHistory((await api.get<{ history: ReviewHistoryEntry[] }>(`/reviews/${encodeURIComponent(id)}`)).history);
    } catch (caught) {
      setError(caught);
    }
  }
  if (history === null) {
    return (
      <>
        {error !== null && <ErrorNotice error={error} />}
        <button type="button" onClick={load}>
          {t('reviewHistory')}
        </button>
      </>
    );
  }
  return (
    <ol class="history" aria-label={t('reviewHistory')}>
      {history.length === 0 && <li>{t('reviewNoHistory')}</li>}
      {history.map((entry) => (
        <li key={`${entry.at}-${entry.status}`}>
          {time(entry.at)} · {entry.status} · {entry.actor}
          {entry.reason ? ` · ${entry.reason}` : ''}
        </li>
      ))}
    </ol>
  );
}

type Change = { action: 'approve' } | { action: 'reject'; reason: string } | { action: 'reply'; body: string };

/** Approve, reject with a reason, and reply: each posts, then says what happened in the live region. */
function Actions({ review, onChanged }: { review: Review; onChanged(review: Review): void }) {
  const { t, api, announce } = useConsole();
  const [reason, setReason] = useState('');
  const [reply, setReply] = useState(review.reply?.body ?? '');
  const [error, setError] = useState<unknown>(null);
  async function apply(change: Change, done: string) {
    setError(null);
    const { action, ...body } = change;
    try {
      const answer = await api.send<{ review: Review }>('POST', `/reviews/${encodeURIComponent(review.id)}/${action}`, body);
      announce(t(done as 'reviewApproved', { author: review.author }));
      onChanged(answer.review);
    } catch (caught) {
      setError(caught);
    }
  }
  const id = `review-${review.id}`;
  const submit = (change: Change, done: string) => (event: Event) => {
    event.preventDefault();
    void apply(change, done);
  };
  return (
    <div class="review-actions">
      {error !== null && <ErrorNotice error={error} />}
      {review.status !== 'published' && (
        <button type="button" class="primary" onClick={() => apply({ action: 'approve' }, 'reviewApproved')}>
          {t('reviewApprove')}
        </button>
      )}
      {review.status !== 'rejected' && (
        <form onSubmit={submit({ action: 'reject', reason }, 'reviewRejected')}>
          <label for={`${id}-reason`}>{t('reviewReason')}</label>
          <input id={`${id}-reason`} value={reason} maxLength={500} onInput={(event) => setReason(event.currentTarget.value)} />
          <button type="submit">{t('reviewReject')}</button>
        </form>
      )}
      <form onSubmit={submit({ action: 'reply', body: reply }, reply.trim() ? 'reviewReplied' : 'reviewReplyRemoved')}>
        <label for={`${id}-reply`}>{t('reviewReply')}</label>
        <textarea id={`${id}-reply`} value={reply} maxLength={2000} rows={2} onInput={(event) => setReply(event.currentTarget.value)} />
        <button type="submit">{t('reviewSaveReply')}</button>
      </form>
    </div>
  );
}

/**
 * One review as a moderator sees it: every field as text (Preact sets text,
 * never HTML, so a review's markup stays characters), its status, and for
 * marketers and owners the moderation actions.
 */
export function ReviewCard({ review, onChanged }: { review: Review; onChanged(review: Review): void }) {
  const { t, user } = useConsole();
  const time = useTime();
  return (
    <article class="review-card" aria-labelledby={`review-${review.id}-title`}>
      <h3 id={`review-${review.id}-title`}>
        {t('reviewStars', { rating: review.rating })} · {review.title || t('empty')}
      </h3>
      <p class="meta">
        {review.author} · <span class="code">{review.sku}</span>
        {review.variant ? ` (${review.variant})` : ''} · {time(review.createdAt)} · {t(`reviewStatus_${review.status}`)}
        {review.verified ? ` · ${t('reviewVerified')}` : ''}
      </p>
      {review.heldFor && <p class="notice">{t('reviewHeldFor', { why: review.heldFor })}</p>}
      {review.rejectionReason && <p>{t('reviewRejectedFor', { reason: review.rejectionReason })}</p>}
      <p class="review-body">{review.body}</p>
      {review.photos.length > 0 && <p>{t('reviewPhotos', { count: review.photos.length })}</p>}
      {review.reply && <blockquote>{review.reply.body}</blockquote>}
      {can(user, 'marketer') && <Actions review={review} onChanged={onChanged} />}
      <History key={`${review.status}-${review.reply?.createdAt ?? 0}`} id={review.id} />
    </article>
  );
}
