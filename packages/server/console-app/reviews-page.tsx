import type { Review } from '@cartlift/reviews';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReviewStarCounts } from '../src/store/types.js';
import { can, useConsole } from './console-context.js';
import { ReviewCard } from './review-card.js';
import { ReviewImportForm } from './review-import-form.js';
import { ErrorNotice, LoadedView, PageTitle, SelectField, Table, TextField } from './ui.js';
import { useLoad } from './use-load.js';

interface Filters {
  status: string;
  product: string;
  rating: string;
  q: string;
}

const STARS = [5, 4, 3, 2, 1] as const;

/** Per star, published / rejected / pending: negatives visibly published, not suppressed. */
function StarCounts({ counts }: { counts: ReviewStarCounts }) {
  const { t } = useConsole();
  const most = Math.max(1, ...STARS.map((star) => counts[star].published + counts[star].rejected + counts[star].pending));
  return (
    <Table
      label={t('reviewCounts')}
      columns={[t('reviewRating'), t('reviewStatus_published'), t('reviewStatus_rejected'), t('reviewStatus_pending'), t('reviewShare')]}
    >
      {STARS.map((star) => {
        const row = counts[star];
        return (
          <tr key={star}>
            <th scope="row">{t('reviewStars', { rating: star })}</th>
            <td class="number">{row.published}</td>
            <td class="number">{row.rejected}</td>
            <td class="number">{row.pending}</td>
            <td>
              <span class="star-bar" style={{ width: `${(100 * (row.published + row.rejected + row.pending)) / most}%` }} />
            </td>
          </tr>
        );
      })}
    </Table>
  );
}

function FilterForm({ filters, onApply }: { filters: Filters; onApply(filters: Filters): void }) {
  const { t } = useConsole();
  const [draft, setDraft] = useState(filters);
  const set = (key: keyof Filters) => (value: string) => setDraft({ ...draft, [key]: value });
  return (
    <form
      class="toolbar"
      aria-label={t('filter')}
      onSubmit={(event) => {
        event.preventDefault();
        // A copy: pressing Filter again with the same filters still reloads the list.
        onApply({ ...draft });
      }}
    >
      <SelectField
        field="review-status"
        label={t('status')}
        value={draft.status}
        options={[
          { value: 'pending', label: t('reviewStatus_pending') },
          { value: 'published', label: t('reviewStatus_published') },
          { value: 'rejected', label: t('reviewStatus_rejected') },
          { value: '', label: t('all') },
        ]}
        onValue={set('status')}
      />
      <TextField field="review-product" label={t('reviewProduct')} value={draft.product} onValue={set('product')} />
      <SelectField
        field="review-rating"
        label={t('reviewRating')}
        value={draft.rating}
        options={[{ value: '', label: t('all') }, ...STARS.map((star) => ({ value: String(star), label: t('reviewStars', { rating: star }) }))]}
        onValue={set('rating')}
      />
      <TextField field="review-q" label={t('search')} type="search" value={draft.q} onValue={set('q')} />
      <button type="submit">{t('filter')}</button>
    </form>
  );
}

const queryOf = (filters: Filters, cursor?: string) =>
  new URLSearchParams(Object.entries({ ...filters, cursor: cursor ?? '' }).filter(([, value]) => value !== '')).toString();

/**
 * Review moderation: the pending queue (oldest first) or any status, with
 * filters, per-star counts, approve / reject / reply and each review's
 * history, and the CSV import.
 */
export function ReviewsPage() {
  const { t, api, user, announce } = useConsole();
  const [filters, setFilters] = useState<Filters>({ status: 'pending', product: '', rating: '', q: '' });
  const [round, setRound] = useState(0);
  const counts = useLoad(
    () => api.get<{ counts: ReviewStarCounts }>(`/reviews/counts?${queryOf({ ...filters, status: '', rating: '', q: '' })}`),
    [filters.product, round],
  );
  const [reviews, setReviews] = useState<Review[]>([]);
  const [next, setNext] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  // The filters the list was last announced for: a reload after an import keeps them, and is not announced, so the
  // import's own sentence ("2 imported, …") is what a screen reader hears, not a count that arrives after it.
  const announced = useRef<Filters | null>(null);
  async function load(cursor?: string) {
    setError(null);
    try {
      const page = await api.get<{ reviews: Review[]; nextCursor?: string }>(`/reviews?${queryOf(filters, cursor)}`);
      setReviews((shown) => (cursor ? [...shown, ...page.reviews] : page.reviews));
      setNext(page.nextCursor);
      if (!cursor && announced.current !== filters) announce(t('reviewsShown', { count: page.reviews.length }));
      announced.current = filters;
    } catch (caught) {
      setError(caught);
    }
  }
  useEffect(() => void load(), [filters, round]);
  const changed = (review: Review) => {
    setReviews((shown) => shown.map((one) => (one.id === review.id ? review : one)));
    counts.reload();
  };
  return (
    <section>
      <PageTitle>{t('reviewsTitle')}</PageTitle>
      <p>
        <a href="#/reviews/invitations">{t('invitationsTitle')}</a>
      </p>
      <FilterForm filters={filters} onApply={setFilters} />
      <h2>{filters.product ? t('reviewCountsOf', { product: filters.product }) : t('reviewCounts')}</h2>
      <LoadedView loaded={counts}>{(data) => <StarCounts counts={data.counts} />}</LoadedView>
      <h2>{filters.status === 'pending' ? t('reviewQueue') : t('navReviews')}</h2>
      {error !== null && <ErrorNotice error={error} onRetry={() => load()} />}
      {reviews.length === 0 && error === null && <p>{t('noReviews')}</p>}
      {reviews.map((review) => (
        <ReviewCard key={review.id} review={review} onChanged={changed} />
      ))}
      {next && (
        <button type="button" onClick={() => load(next)}>
          {t('reviewMore')}
        </button>
      )}
      {can(user, 'marketer') && <ReviewImportForm onImported={() => setRound((value) => value + 1)} />}
    </section>
  );
}
