import { isoDate } from './dates.js';
import { safePhotoUrl } from './escape.js';
import { type ActiveFilter, activeFilters } from './filters.js';
import type { ReviewProduct } from './json-ld.js';
import { RATINGS, REVIEW_SORTS, type Rating, type Review, type ReviewPage, type ReviewQuery } from './model.js';
import { type ReviewsLocale, reviewsText as t } from './render-text.js';
import { type Child, h, type VNode } from './vnode.js';

/** How the reviews block is drawn: `renderReviews` and the widget take the same options. */
export interface ReviewsViewOptions {
  readonly locale: ReviewsLocale;
  /** The query the page answers: its filters press the bars and toggles and become chips, its `q` and `sort` fill the controls. */
  readonly query?: Partial<ReviewQuery>;
  /** Time zone of the dates shown and marked up; UTC by default, so a server and a browser agree. */
  readonly timeZone?: string;
}

const MAX_PHOTOS = 3;
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;

/** Helpers bound to one locale and time zone. */
interface Format {
  readonly locale: ReviewsLocale;
  n(value: number): string;
  date(ms: number): Child;
}

/**
 * The reviews block as a `VNode`: the summary with filter-button bars, the
 * filter controls (search, sort, toggles with their counts), the result count
 * (a live region), the active filters as removable chips with "clear
 * filters", the published reviews and "more reviews" when there is a next
 * page. `renderReviews` writes it as HTML; the widget builds the same DOM.
 *
 * @example
 * toHtml(reviewsView({ ...page, product: { sku: 'TEA', name: 'Longjing tea' } }, { locale: 'en' }))
 */
export function reviewsView(data: ReviewPage & { readonly product: ReviewProduct }, options: ReviewsViewOptions): VNode {
  // A caller without types (a server passing on a header) gets English rather than a crash.
  const locale: ReviewsLocale = options.locale === 'zh-CN' ? 'zh-CN' : 'en';
  const timeZone = options.timeZone ?? 'UTC';
  const number = new Intl.NumberFormat(locale);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone });
  const f: Format = {
    locale,
    n: (value) => number.format(value),
    date: (ms) => {
      const iso = isoDate(ms, timeZone);
      return iso !== undefined && h('time', { datetime: iso }, dates.format(ms));
    },
  };
  const query = options.query ?? {};
  const published = data.reviews.filter((r) => r.status === 'published');
  const summary = data.summary;
  const average = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(summary.average);
  const active = activeFilters(query);
  const status =
    published.length > 0 ? t.showing[locale](f.n(published.length), f.n(data.total), data.total) : summary.count === 0 ? t.noneYet[locale] : t.noMatch[locale];

  return h(
    'section',
    { class: 'cartlift-reviews', 'data-sku': data.product.sku, 'aria-label': t.region[locale](data.product.name) },
    h('h2', { class: 'cartlift-reviews-heading' }, t.heading[locale]),
    h(
      'div',
      { class: 'cartlift-reviews-summary' },
      h(
        'p',
        { class: 'cartlift-reviews-average' },
        h('span', { class: 'cartlift-stars', 'aria-hidden': 'true' }, stars(Math.round(summary.average))),
        ' ',
        h('span', {}, t.average[locale](average)),
        ' ',
        h('span', {}, t.count[locale](f.n(summary.count), summary.count)),
      ),
      histogram(data, query, f),
    ),
    summary.count > 0 && controls(data, query, f),
    h('p', { class: 'cartlift-reviews-count', role: 'status' }, status),
    active.length > 0 && chips(active, f),
    published.length > 0 && h('ol', { class: 'cartlift-reviews-list', 'aria-label': t.list[locale] }, ...published.map((r) => h('li', {}, review(r, f)))),
    data.nextCursor !== undefined &&
      published.length > 0 &&
      h('button', { type: 'button', class: 'cartlift-reviews-more', 'data-cursor': data.nextCursor }, t.more[locale]),
  );
}

/** The five bars, 5★ first: buttons that toggle their star's filter. */
function histogram(data: ReviewPage, query: Partial<ReviewQuery>, f: Format): VNode {
  // Counts go into attributes, so anything but a whole count (data parsed from JSON may be anything) is 0.
  const countOf = (star: Rating) => {
    const count = data.facets.ratings[star];
    return Number.isSafeInteger(count) && count > 0 ? count : 0;
  };
  const barTotal = Math.max(
    RATINGS.reduce((sum, star) => sum + countOf(star), 0),
    1,
  );
  const pressed = new Set(query.rating ?? []);
  return h(
    'ul',
    { class: 'cartlift-reviews-histogram', 'aria-label': t.breakdown[f.locale] },
    ...[...RATINGS].reverse().map((star) => {
      const count = countOf(star);
      return h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'cartlift-reviews-bar',
            'data-rating': star,
            'aria-pressed': String(pressed.has(star)),
            'aria-label': t.bar[f.locale](star, f.n(count), count),
          },
          h('span', { 'aria-hidden': 'true' }, `${star}★`),
          ' ',
          h('meter', { min: 0, max: barTotal, value: count, 'aria-hidden': 'true' }),
          ' ',
          h('span', { 'aria-hidden': 'true' }, f.n(count)),
        ),
      );
    }),
  );
}

/** Search, sort and a toggle per facet (photos, verified, each variant, attribute answer and topic), with its count. */
function controls(data: ReviewPage, query: Partial<ReviewQuery>, f: Format): VNode {
  const { locale } = f;
  const facets = data.facets;
  const count = (value: unknown) => (Number.isSafeInteger(value) && (value as number) > 0 ? (value as number) : 0);
  const toggle = (filter: string, value: string, label: string, n: unknown, pressed: boolean) =>
    h(
      'li',
      {},
      h(
        'button',
        { type: 'button', class: 'cartlift-reviews-toggle', 'data-filter': filter, 'data-value': value, 'aria-pressed': String(pressed) },
        `${label} (${f.n(count(n))})`,
      ),
    );
  const variants = { ...(query.variant ? { [query.variant]: 0 } : {}), ...facets.variants };
  const attributes = Object.entries(facets.attributes).flatMap(([name, answers]) =>
    Object.entries(answers).map(([answer, n]) => toggle('attr', `${name}:${answer}`, `${name}: ${answer}`, n, query.attr?.[name] === answer)),
  );
  return h(
    'div',
    { class: 'cartlift-reviews-controls' },
    h(
      'form',
      { class: 'cartlift-reviews-search', role: 'search' },
      h('label', {}, t.search[locale], ' ', h('input', { type: 'search', name: 'q', value: query.q ?? '', maxlength: 100 })),
      ' ',
      h('button', { type: 'submit' }, t.searchButton[locale]),
    ),
    h(
      'label',
      { class: 'cartlift-reviews-sort' },
      t.sort[locale],
      ' ',
      h(
        'select',
        { name: 'sort' },
        ...REVIEW_SORTS.map((sort) => h('option', { value: sort, selected: (query.sort ?? 'helpful') === sort }, t.sorts[locale][sort])),
      ),
    ),
    h(
      'ul',
      { class: 'cartlift-reviews-filters', 'aria-label': t.filters[locale] },
      toggle('media', 'true', t.withPhotos[locale], facets.withPhotos, query.media === true),
      toggle('verified', 'true', t.verified[locale], facets.verified, query.verified === true),
      ...Object.entries(variants).map(([variant, n]) => toggle('variant', variant, variant, n, query.variant === variant)),
      ...attributes,
      ...facets.topics.map(({ topic, count: n }) => toggle('topic', topic, topic, n, query.topic === topic)),
    ),
  );
}

/** What a chip says for an active filter. */
export function filterLabel({ filter, value }: ActiveFilter, locale: ReviewsLocale): string {
  if (filter === 'rating') return t.stars[locale](Number(value));
  if (filter === 'media') return t.withPhotos[locale];
  if (filter === 'verified') return t.verified[locale];
  if (filter === 'attr') return value.replace(':', ': ');
  if (filter === 'q') return `“${value}”`;
  return value;
}

/** Each active filter as a button that removes it, then "clear filters". */
function chips(active: readonly ActiveFilter[], f: Format): VNode {
  return h(
    'ul',
    { class: 'cartlift-reviews-chips', 'aria-label': t.active[f.locale] },
    ...active.map((chip) => {
      const label = filterLabel(chip, f.locale);
      return h(
        'li',
        {},
        h(
          'button',
          { type: 'button', class: 'cartlift-reviews-chip', 'data-filter': chip.filter, 'data-value': chip.value, 'aria-label': t.remove[f.locale](label) },
          label,
          h('span', { 'aria-hidden': 'true' }, ' ×'),
        ),
      );
    }),
    h('li', {}, h('button', { type: 'button', class: 'cartlift-reviews-clear' }, t.clear[f.locale])),
  );
}

/** One review as an `<article>`. */
function review(r: Review, f: Format): VNode {
  const { locale } = f;
  const details = [...(r.variant ? ([[t.variant[locale], r.variant]] as const) : []), ...Object.entries(r.attributes)];
  const photos = r.photos.slice(0, MAX_PHOTOS).flatMap((photo, i) => {
    const src = safePhotoUrl(photo.url);
    if (src === undefined) return [];
    const size = (value: number | undefined) => (Number.isSafeInteger(value) && value! > 0 ? value : undefined);
    const alt = photo.alt?.trim() || t.photo[locale](i + 1, r.author);
    return [h('li', {}, h('img', { src, alt, width: size(photo.width), height: size(photo.height), loading: 'lazy', decoding: 'async' }))];
  });
  return h(
    'article',
    { class: 'cartlift-review', 'data-review-id': r.id, lang: LANGUAGE_TAG.test(r.language) ? r.language : undefined },
    r.title.trim() !== '' && h('h3', { class: 'cartlift-review-title' }, r.title),
    h('p', { class: 'cartlift-review-rating' }, h('span', { class: 'cartlift-stars', role: 'img', 'aria-label': t.rated[locale](r.rating) }, stars(r.rating))),
    h(
      'p',
      { class: 'cartlift-review-byline' },
      h('span', { class: 'cartlift-review-author' }, r.author),
      ' ',
      f.date(r.createdAt),
      r.verified && ' ',
      r.verified && h('span', { class: 'cartlift-review-verified' }, t.verified[locale]),
    ),
    details.length > 0 &&
      h('dl', { class: 'cartlift-review-attributes' }, ...details.map(([name, value]) => h('div', {}, h('dt', {}, name), h('dd', {}, value)))),
    h('div', { class: 'cartlift-review-body' }, ...paragraphs(r.body)),
    photos.length > 0 && h('ul', { class: 'cartlift-review-photos', 'aria-label': t.photos[locale] }, ...photos),
    r.reply &&
      h(
        'div',
        { class: 'cartlift-review-reply' },
        h('p', { class: 'cartlift-review-reply-heading' }, h('strong', {}, t.reply[locale]), ' ', f.date(r.reply.createdAt)),
        ...paragraphs(r.reply.body),
      ),
    h(
      'p',
      { class: 'cartlift-review-helpful' },
      r.helpful > 0 && h('span', {}, t.helpful[locale](f.n(r.helpful), r.helpful)),
      r.helpful > 0 && ' ',
      h('button', { type: 'button', class: 'cartlift-review-vote', 'data-vote': r.id }, t.helpfulButton[locale]),
    ),
  );
}

/** Text as paragraphs: a blank line starts a new one, a single line break stays one. */
function paragraphs(text: string): VNode[] {
  return text
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .filter((p) => p.trim() !== '')
    .map((p) =>
      h(
        'p',
        {},
        ...p
          .trim()
          .split(/\r?\n/)
          .flatMap((line, i) => (i === 0 ? [line] : [h('br'), line])),
      ),
    );
}

/** Five glyphs, filled then hollow: shown to the eye only, beside a text alternative. */
function stars(filled: number): string {
  const k = Math.min(Math.max(filled, 0), 5);
  return '★'.repeat(k) + '☆'.repeat(5 - k);
}
