import type { Rating, ReviewQuery } from './model.js';
import { readReviewFilters, reviewQueryParams } from './query.js';

/** A filter a shopper can switch on or off: which parameter, and the value it toggles. */
export type ReviewFilter = 'rating' | 'media' | 'verified' | 'variant' | 'attr' | 'topic' | 'q';

/** One active filter: what a chip shows and what removing it toggles. */
export interface ActiveFilter {
  readonly filter: ReviewFilter;
  /** As the markup's `data-value` carries it: "1", "true", "Spring", "size:runs_small", "香气". */
  readonly value: string;
}

/** The page URL's prefix for the widget's parameters, so a shop's own `q` or `sort` is never read or overwritten. */
export const URL_PREFIX = 'reviews.';

/**
 * The query with one filter switched: a star added or removed, a flag on or
 * off, a variant, attribute answer or topic chosen or cleared, the search set
 * (`q` with a value sets it, an equal value clears it). The cursor is dropped:
 * new filters start at the first page.
 *
 * @example
 * toggleFilter({ product: 'TEA', sort: 'helpful', limit: 10 }, 'rating', '1') // { …, rating: [1] }
 * toggleFilter({ product: 'TEA', rating: [1], sort: 'helpful', limit: 10 }, 'rating', '1') // { …, rating: undefined }
 */
export function toggleFilter(query: ReviewQuery, filter: ReviewFilter, value: string): ReviewQuery {
  const { cursor: _cursor, ...next }: { -readonly [K in keyof ReviewQuery]: ReviewQuery[K] } = { ...query };
  if (filter === 'rating') {
    const star = Number(value) as Rating;
    const ratings = new Set(query.rating ?? []);
    if (ratings.has(star)) ratings.delete(star);
    else if (star >= 1 && star <= 5) ratings.add(star);
    next.rating = ratings.size > 0 ? [...ratings].sort((a, b) => a - b) : undefined;
  } else if (filter === 'media' || filter === 'verified') {
    next[filter] = query[filter] === (value === 'true') ? undefined : value === 'true';
  } else if (filter === 'attr') {
    const at = value.indexOf(':');
    const [name, answer] = [value.slice(0, at), value.slice(at + 1)];
    const attr = { ...query.attr };
    if (attr[name] === answer) delete attr[name];
    else attr[name] = answer;
    next.attr = Object.keys(attr).length > 0 ? attr : undefined;
  } else {
    next[filter] = query[filter] === value || value === '' ? undefined : value;
  }
  return withoutUndefined(next);
}

/**
 * Every filter the query applies, in the order chips show them.
 *
 * @example
 * activeFilters({ product: 'TEA', rating: [1], media: true, sort: 'helpful', limit: 10 })
 * // [{ filter: 'rating', value: '1' }, { filter: 'media', value: 'true' }]
 */
export function activeFilters(query: Partial<ReviewQuery>): ActiveFilter[] {
  const active: ActiveFilter[] = (query.rating ?? []).map((star) => ({ filter: 'rating', value: String(star) }));
  if (query.media !== undefined) active.push({ filter: 'media', value: String(query.media) });
  if (query.verified !== undefined) active.push({ filter: 'verified', value: String(query.verified) });
  if (query.variant) active.push({ filter: 'variant', value: query.variant });
  for (const [name, answer] of Object.entries(query.attr ?? {})) active.push({ filter: 'attr', value: `${name}:${answer}` });
  if (query.topic) active.push({ filter: 'topic', value: query.topic });
  if (query.q) active.push({ filter: 'q', value: query.q });
  return active;
}

/**
 * The widget's filter state from a page URL's query string: the parameters
 * named `reviews.*` (as `reviewsUrlSearch` writes them), for this product. A
 * shared URL with a bad value starts from no filters rather than failing.
 *
 * @example
 * queryFromUrl('?reviews.rating=1&reviews.media=true&q=shop-search', 'TEA')
 * // { product: 'TEA', rating: [1], media: true, sort: 'helpful', limit: 10 }
 */
export function queryFromUrl(search: string, product: string): ReviewQuery {
  const ours = new URLSearchParams();
  for (const [name, value] of new URLSearchParams(search)) {
    if (name.startsWith(URL_PREFIX) && name !== `${URL_PREFIX}cursor`) ours.append(name.slice(URL_PREFIX.length), value);
  }
  return readReviewFilters(ours, [], product) ?? { product, sort: 'helpful', limit: 10 };
}

/**
 * A page URL's query string with the widget's `reviews.*` parameters replaced
 * by the query's (product and cursor left out: the element names the product,
 * and a shared link opens at the first page); the shop's own parameters are kept.
 *
 * @example
 * reviewsUrlSearch('?color=red', { product: 'TEA', rating: [1], sort: 'newest', limit: 10 })
 * // "?color=red&reviews.rating=1&reviews.sort=newest"
 */
export function reviewsUrlSearch(search: string, query: ReviewQuery): string {
  const params = new URLSearchParams(search);
  for (const name of [...params.keys()]) if (name.startsWith(URL_PREFIX)) params.delete(name);
  const { cursor: _cursor, ...rest } = query;
  for (const [name, value] of reviewQueryParams(rest)) if (name !== 'product') params.append(URL_PREFIX + name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
