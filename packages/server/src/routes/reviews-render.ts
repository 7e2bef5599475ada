import { localizedName } from '@cartlift/core';
import { parseReviewQuery, type ReviewProduct, type ReviewQueryProblem, renderReviews } from '@cartlift/reviews';
import { HttpError, json } from '../http/errors.js';
import type { HandlerContext } from '../options.js';
import { InvalidReviewCursorError } from '../store/sql-reviews.js';

const LOCALES = ['en', 'zh-CN'] as const;
const MAX_NAME = 200;
const MAX_URL = 2048;
const CONTROL = /\p{Cc}/u;

/** The render-only parameters: how the page names the product, in which language, and as what. */
interface RenderParams {
  readonly locale: (typeof LOCALES)[number];
  readonly name?: string;
  readonly id?: string;
  readonly url?: string;
  readonly format: 'json' | 'html';
}

/**
 * `GET /reviews/render?product=SKU[&name=&locale=&id=&url=&format=html&…GET /reviews' filters]`:
 * the same page `GET /reviews` answers, rendered by `renderReviews` as
 * `{ html, jsonLd }` (or, with `format=html`, a `text/html` fragment with the
 * JSON-LD script after it), for shops without a server of their own that still
 * want reviews in their first HTML (a static site generator, an edge include).
 * The product's name comes from the catalog when it knows the SKU, else from
 * `name`; without either it is a 400 naming both.
 */
export function reviewsRenderRoute(ctx: HandlerContext) {
  return async (request: Request): Promise<Response> => {
    const params = new URL(request.url).searchParams;
    const problems: ReviewQueryProblem[] = [];
    const read = parseReviewQuery(params);
    if ('problems' in read) problems.push(...read.problems);
    const render = readRenderParams(params, problems);
    if ('problems' in read || problems.length > 0) throw invalid(problems);

    const product = await productFor(ctx, read.query.product, render);
    const store = await ctx.store();
    let page: Awaited<ReturnType<typeof store.reviewPage>>;
    try {
      page = await store.reviewPage(read.query, ctx.now());
    } catch (error) {
      if (error instanceof InvalidReviewCursorError) throw new HttpError(400, 'invalid_request', error.message, 'cursor');
      throw error;
    }
    const { html, jsonLd } = renderReviews({ ...page, product }, { locale: render.locale, query: read.query });
    if (render.format === 'json') return json({ html, jsonLd });
    return new Response(`${html}<script type="application/ld+json">${jsonLd}</script>`, {
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
    });
  };
}

/** Every problem at once, like `GET /reviews`: the sentences joined, the first field named. */
function invalid(problems: readonly ReviewQueryProblem[]): HttpError {
  return new HttpError(400, 'invalid_request', problems.map((p) => p.message).join(' '), problems[0]?.field, {}, { problems });
}

function readRenderParams(params: URLSearchParams, problems: ReviewQueryProblem[]): RenderParams {
  const fail = (field: string, expected: string, value: string) =>
    problems.push({ field, message: `${field} must be ${expected}; received ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}.` });
  const locale = params.get('locale') || 'en';
  if (!(LOCALES as readonly string[]).includes(locale)) fail('locale', '"en" or "zh-CN"', locale);
  const format = params.get('format') || 'json';
  if (format !== 'json' && format !== 'html') fail('format', '"json" (the default) or "html"', format);
  const name = params.get('name')?.trim() || undefined;
  if (name !== undefined && (name.length > MAX_NAME || CONTROL.test(name)))
    fail('name', `the product's name, at most ${MAX_NAME} characters with no control characters`, name);
  const absolute = (field: 'id' | 'url') => {
    const value = params.get(field) || undefined;
    if (value !== undefined && !isWebUrl(value))
      fail(field, `an absolute http(s) URL of at most ${MAX_URL} characters, such as "https://shop.example/tea#product"`, value);
    return value;
  };
  const id = absolute('id');
  const url = absolute('url');
  return {
    locale: locale as RenderParams['locale'],
    format: format as RenderParams['format'],
    ...(name !== undefined && { name }),
    ...(id !== undefined && { id }),
    ...(url !== undefined && { url }),
  };
}

function isWebUrl(value: string): boolean {
  if (value.length > MAX_URL || /[\p{Cc}\s]/u.test(value)) return false;
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * The product as JSON-LD names it: the catalog's name in the locale when the
 * catalog knows the SKU (the shop's own data beats a URL parameter), else `name`.
 * Only an absolute image URL is marked up; a path would resolve against the API's host.
 */
async function productFor(ctx: HandlerContext, sku: string, render: RenderParams): Promise<ReviewProduct> {
  const known = (await ctx.catalog.lookup([sku])).get(sku);
  const name = known ? localizedName(known.name, render.locale) : render.name;
  if (name === undefined)
    throw invalid([
      {
        field: 'name',
        message: `name is required for a product the catalog doesn't know: the product's name as the page shows it; received none for "${sku}".`,
      },
    ]);
  const image = known?.image !== undefined && isWebUrl(known.image) ? known.image : undefined;
  return {
    sku,
    name,
    ...(render.id !== undefined && { '@id': render.id }),
    ...(render.url !== undefined && { url: render.url }),
    ...(image !== undefined && { image }),
  };
}
