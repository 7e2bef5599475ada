import { serializeJsonLd } from './escape.js';
import { type ReviewProduct, productJsonLd } from './json-ld.js';
import type { ReviewPage } from './model.js';
import { type ReviewsViewOptions, reviewsView } from './view.js';
import { toHtml } from './vnode.js';

/** How `renderReviews` renders: the locale, the query the page answers (pressed filters, chips, search and sort), the time zone. */
export type RenderReviewsOptions = ReviewsViewOptions;

/** What `renderReviews` returns: HTML for the page and JSON-LD for `<script type="application/ld+json">`. */
export interface RenderedReviews {
  readonly html: string;
  /** Already serialized with `serializeJsonLd`: put it between the script tags as it is. */
  readonly jsonLd: string;
}

/**
 * Renders a page of reviews for a shop's server to put in its first HTML: the
 * summary (mean, count, a histogram whose bars are filter buttons), the filter
 * controls, the result count, the active filters as chips and the published
 * reviews, in English or Chinese (the markup of `reviewsView`); and the product's
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
  return { html: toHtml(reviewsView(data, options)), jsonLd: serializeJsonLd(productJsonLd(data, options.timeZone ?? 'UTC')) };
}
