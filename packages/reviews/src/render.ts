import { isoDate } from './dates.js';
import { escapeHtml, safePhotoUrl, serializeJsonLd } from './escape.js';
import { type ReviewProduct, productJsonLd } from './json-ld.js';
import { RATINGS, type Rating, type Review, type ReviewPage, type ReviewQuery } from './model.js';
import { type ReviewsLocale, reviewsText as t } from './render-text.js';

/** How `renderReviews` renders. */
export interface RenderReviewsOptions {
  readonly locale: ReviewsLocale;
  /** The query the page answers: its `rating` marks those bars pressed. */
  readonly query?: Pick<ReviewQuery, 'rating'>;
  /** Time zone of the dates shown and marked up; UTC by default, so a server and a browser agree. */
  readonly timeZone?: string;
}

/** What `renderReviews` returns: HTML for the page and JSON-LD for `<script type="application/ld+json">`. */
export interface RenderedReviews {
  readonly html: string;
  /** Already serialized with `serializeJsonLd`: put it between the script tags as it is. */
  readonly jsonLd: string;
}

const MAX_PHOTOS = 3;
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;

/**
 * Renders a page of reviews for a shop's server to put in its first HTML: the
 * summary (mean, count, a histogram whose bars are filter buttons), the result
 * count and the published reviews, in English or Chinese; and the product's
 * JSON-LD. Every piece of text from reviews, replies and the product is escaped,
 * photo URLs other than http(s) or relative are dropped, and reviews that are
 * not published are left out. Class names start with `cartlift-review`; the
 * HTML carries no styles and no scripts.
 *
 * @example
 * const { html, jsonLd } = renderReviews({ ...page, product: { sku: 'TEA', name: 'Longjing tea' } }, { locale: 'zh-CN' });
 * // `${html}<script type="application/ld+json">${jsonLd}</script>`
 */
export function renderReviews(data: ReviewPage & { readonly product: ReviewProduct }, options: RenderReviewsOptions): RenderedReviews {
  // A caller without types (a server passing on a header) gets English rather than a crash.
  const locale: ReviewsLocale = options.locale === 'zh-CN' ? 'zh-CN' : 'en';
  const timeZone = options.timeZone ?? 'UTC';
  const number = new Intl.NumberFormat(locale);
  const n = (value: number) => number.format(value);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone });
  const published = data.reviews.filter((r) => r.status === 'published');

  const date = (ms: number) => {
    const iso = isoDate(ms, timeZone);
    return iso === undefined ? '' : `<time datetime="${iso}">${escapeHtml(dates.format(ms))}</time>`;
  };

  const summary = data.summary;
  const average = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(summary.average);
  // Counts go into attributes unescaped, so anything but a whole count (data parsed from JSON may be anything) is 0.
  const countOf = (star: Rating) => {
    const count = data.facets.ratings[star];
    return Number.isSafeInteger(count) && count > 0 ? count : 0;
  };
  const barTotal = Math.max(
    RATINGS.reduce((sum, star) => sum + countOf(star), 0),
    1,
  );
  const pressed = new Set(options.query?.rating ?? []);
  const bars = [...RATINGS]
    .reverse()
    .map((star) => {
      const count = countOf(star);
      return (
        `<li><button type="button" class="cartlift-reviews-bar" data-rating="${star}" aria-pressed="${pressed.has(star)}" aria-label="${escapeHtml(t.bar[locale](star, n(count), count))}">` +
        `<span aria-hidden="true">${star}★</span> <meter min="0" max="${barTotal}" value="${count}" aria-hidden="true"></meter> <span aria-hidden="true">${n(count)}</span></button></li>`
      );
    })
    .join('');

  const status =
    published.length > 0 ? t.showing[locale](n(published.length), n(data.total), data.total) : summary.count === 0 ? t.noneYet[locale] : t.noMatch[locale];

  const html =
    `<section class="cartlift-reviews" data-sku="${escapeHtml(data.product.sku)}" aria-label="${escapeHtml(t.region[locale](data.product.name))}">` +
    `<h2 class="cartlift-reviews-heading">${t.heading[locale]}</h2>` +
    `<div class="cartlift-reviews-summary">` +
    `<p class="cartlift-reviews-average"><span class="cartlift-stars" aria-hidden="true">${stars(Math.round(summary.average))}</span> ` +
    `<span>${escapeHtml(t.average[locale](average))}</span> <span>${escapeHtml(t.count[locale](n(summary.count), summary.count))}</span></p>` +
    `<ul class="cartlift-reviews-histogram" aria-label="${t.breakdown[locale]}">${bars}</ul></div>` +
    `<p class="cartlift-reviews-count" role="status">${escapeHtml(status)}</p>` +
    (published.length > 0
      ? `<ol class="cartlift-reviews-list" aria-label="${t.list[locale]}">${published.map((r) => `<li>${reviewHtml(r, locale, n, date)}</li>`).join('')}</ol>`
      : '') +
    `</section>`;

  return { html, jsonLd: serializeJsonLd(productJsonLd(data, timeZone)) };
}

/** One review as an `<article>`. */
function reviewHtml(r: Review, locale: ReviewsLocale, n: (value: number) => string, date: (ms: number) => string): string {
  const lang = LANGUAGE_TAG.test(r.language) ? ` lang="${escapeHtml(r.language)}"` : '';
  const details = [...(r.variant ? ([[t.variant[locale], r.variant]] as const) : []), ...Object.entries(r.attributes)]
    .map(([name, value]) => `<div><dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd></div>`)
    .join('');
  const photos = r.photos
    .slice(0, MAX_PHOTOS)
    .map((photo, i) => {
      const src = safePhotoUrl(photo.url);
      if (src === undefined) return '';
      const alt = photo.alt?.trim() || t.photo[locale](i + 1, r.author);
      const size = (name: string, value: number | undefined) => (Number.isSafeInteger(value) && value! > 0 ? ` ${name}="${value}"` : '');
      return `<li><img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"${size('width', photo.width)}${size('height', photo.height)} loading="lazy" decoding="async"></li>`;
    })
    .join('');
  const reply = r.reply
    ? `<div class="cartlift-review-reply"><p class="cartlift-review-reply-heading"><strong>${t.reply[locale]}</strong> ${date(r.reply.createdAt)}</p>${paragraphs(r.reply.body)}</div>`
    : '';
  return (
    `<article class="cartlift-review" data-review-id="${escapeHtml(r.id)}"${lang}>` +
    (r.title.trim() ? `<h3 class="cartlift-review-title">${escapeHtml(r.title)}</h3>` : '') +
    `<p class="cartlift-review-rating"><span class="cartlift-stars" role="img" aria-label="${escapeHtml(t.rated[locale](r.rating))}">${stars(r.rating)}</span></p>` +
    `<p class="cartlift-review-byline"><span class="cartlift-review-author">${escapeHtml(r.author)}</span> ${date(r.createdAt)}` +
    (r.verified ? ` <span class="cartlift-review-verified">${t.verified[locale]}</span>` : '') +
    `</p>` +
    (details ? `<dl class="cartlift-review-attributes">${details}</dl>` : '') +
    `<div class="cartlift-review-body">${paragraphs(r.body)}</div>` +
    (photos ? `<ul class="cartlift-review-photos" aria-label="${t.photos[locale]}">${photos}</ul>` : '') +
    reply +
    (r.helpful > 0 ? `<p class="cartlift-review-helpful">${escapeHtml(t.helpful[locale](n(r.helpful), r.helpful))}</p>` : '') +
    `</article>`
  );
}

/** Text as paragraphs: a blank line starts a new one, a single line break stays one. */
function paragraphs(text: string): string {
  return text
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}

/** Five glyphs, filled then hollow: shown to the eye only, beside a text alternative. */
function stars(filled: number): string {
  const k = Math.min(Math.max(filled, 0), 5);
  return '★'.repeat(k) + '☆'.repeat(5 - k);
}
