import { useState } from 'preact/hooks';
import type { ReviewFilterComparison } from '../src/analytics/review-filter-comparison.js';
import { useConsole } from './console-context.js';
import { reviewFilterRowTexts } from './review-filter-rows.js';
import { LoadedView, PageTitle, SelectField } from './ui.js';
import { useLoad } from './use-load.js';

// Like ui.tsx's Table with a label: a region that takes focus, named by the table's caption.
const CAPTIONED_SCROLL_REGION = { role: 'region', 'aria-labelledby': 'review-filter-caption', tabIndex: 0 } as const;

const DAY = 86_400_000;
const PERIODS = ['7', '30', '90'] as const;

function Comparison({ comparison }: { comparison: ReviewFilterComparison }) {
  const { t, locale } = useConsole();
  const count = new Intl.NumberFormat(locale);
  const rows = reviewFilterRowTexts(comparison, locale, t);
  const enough = comparison.rates.every((rate) => rate.verdict !== 'not_enough_data');
  const columns = [t('rate'), t('filteredReviews'), t('didNotFilter'), t('differenceColumn'), t('reading')];
  return (
    <>
      <p>{t('reviewGroups', { filtered: count.format(comparison.filteredShoppers), unfiltered: count.format(comparison.unfilteredShoppers) })}</p>
      {!enough && <p class="notice">{t('notEnoughShoppers', { min: count.format(comparison.minShoppers) })}</p>}
      {/* Wider than a phone: the region scrolls, so it takes focus to scroll from the keyboard, named by the caption. */}
      <div class="table-scroll" {...CAPTIONED_SCROLL_REGION}>
        <table>
          <caption id="review-filter-caption">{t('reviewCaption')}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.rate}>
                <th scope="row">{row.rate}</th>
                <td class="number">{row.filtered}</td>
                <td class="number">{row.unfiltered}</td>
                <td class="number">{row.difference}</td>
                <td>{row.verdict}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="hint">{t('associationNote')}</p>
    </>
  );
}

/**
 * Shoppers who filtered reviews against those who didn't: add-to-cart,
 * checkout and purchase rates, the difference with its 95% interval, and
 * "not enough data" while a group is small. Read only, any role.
 */
export function FunnelPage() {
  const { t, api } = useConsole();
  const [days, setDays] = useState<string>('30');
  const loaded = useLoad(() => api.get<{ reviewFilters: ReviewFilterComparison }>(`/review-filters?from=${Date.now() - Number(days) * DAY}`), [days]);
  return (
    <section>
      <PageTitle>{t('funnelTitle')}</PageTitle>
      <p>{t('funnelIntro')}</p>
      <SelectField
        field="period"
        label={t('period')}
        value={days}
        options={PERIODS.map((value) => ({ value, label: t('lastDays', { days: value }) }))}
        onValue={setDays}
      />
      <LoadedView loaded={loaded}>{(data) => <Comparison comparison={data.reviewFilters} />}</LoadedView>
    </section>
  );
}
