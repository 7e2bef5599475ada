import { SKU_RULE, isSku } from '@cartlift/core';
import { REVIEW_SORTS, type Rating, type ReviewQuery, type ReviewSort } from './model.js';

/** One thing wrong with a review query: the URL parameter and a sentence about it. */
export interface ReviewQueryProblem {
  readonly field: string;
  readonly message: string;
}

/** Reviews per page when `limit` is not given. */
export const DEFAULT_REVIEW_LIMIT = 10;
/** The most reviews a page holds: a bound on every query's work. */
export const MAX_REVIEW_LIMIT = 25;
/** Longest search text, after trimming. */
export const MAX_REVIEW_SEARCH = 100;
/** Longest variant, topic or attribute answer; longest attribute name; most attribute filters. */
const MAX_TEXT = 100;
const MAX_ATTR_NAME = 40;
const MAX_ATTRS = 10;
const MAX_CURSOR = 200;

const CONTROL = /\p{Cc}/u;

/**
 * A received value in a sentence, quoted (as core's describeValue quotes strings), cut to 60
 * characters so a long URL isn't echoed whole. JSON.stringify, not describeValue: the widget reads
 * the page URL with these functions, and every core import it adds costs the script tag's first download.
 */
const received = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
const SINGLE = ['rating', 'media', 'verified', 'variant', 'topic', 'q', 'sort', 'cursor', 'limit'] as const;

/**
 * Reads the reviews filter state from URL parameters (the widget's page URL, or
 * `GET /reviews?…` on the server): either the query, with defaults filled in,
 * or every problem at once, each a sentence naming the parameter, what it
 * must be and what was received. Blank optional parameters count as absent;
 * parameters it doesn't know are ignored (a shop's URL carries its own).
 *
 * @example
 * parseReviewQuery(new URLSearchParams('product=TEA-LJ-100&rating=2,1&sort=newest'))
 * // { query: { product: 'TEA-LJ-100', rating: [1, 2], sort: 'newest', limit: 10 } }
 * parseReviewQuery(new URLSearchParams('product=TEA&rating=6'))
 * // { problems: [{ field: 'rating', message: 'rating must be whole numbers from 1 to 5 separated by commas, such as "1,2"; received "6".' }] }
 */
export function parseReviewQuery(params: URLSearchParams): { query: ReviewQuery } | { problems: ReviewQueryProblem[] } {
  const problems: ReviewQueryProblem[] = [];
  const values = params.getAll('product');
  const given = values.length === 1 && values[0]!.trim() !== '' ? values[0]! : undefined;
  if (values.length > 1) problems.push({ field: 'product', message: `product must be given once; received it ${values.length} times.` });
  else if (given === undefined) problems.push({ field: 'product', message: 'product is required: the SKU of the product whose reviews to show.' });
  else if (!isSku(given)) problems.push({ field: 'product', message: `product must be ${SKU_RULE}; received ${received(given)}.` });
  const read = readReviewFilters(params, problems, given ?? '');
  return problems.length > 0 || !read ? { problems } : { query: read };
}

/**
 * The filters, order and page of a reviews query, the product taken as given
 * (the widget knows it from its element, so it reads its URL without core's SKU
 * rule); undefined when `problems` gained any.
 *
 * @example
 * readReviewFilters(new URLSearchParams('rating=1&media=true'), [], 'TEA')
 * // { product: 'TEA', rating: [1], media: true, sort: 'helpful', limit: 10 }
 */
export function readReviewFilters(params: URLSearchParams, problems: ReviewQueryProblem[], product: string): ReviewQuery | undefined {
  const before = problems.length;
  const fail = (field: string, expected: string, value: string) =>
    problems.push({ field, message: `${field} must be ${expected}; received ${received(value)}.` });
  const one: Partial<Record<(typeof SINGLE)[number], string>> = {};
  for (const field of SINGLE) {
    const values = params.getAll(field);
    if (values.length > 1) problems.push({ field, message: `${field} must be given once; received it ${values.length} times.` });
    else if (values[0] !== undefined && values[0].trim() !== '') one[field] = values[0];
  }

  let rating: Rating[] | undefined;
  if (one.rating !== undefined) {
    if (/^[1-5](,[1-5])*$/.test(one.rating)) rating = [...new Set(one.rating.split(',').map(Number) as Rating[])].sort((a, b) => a - b);
    else fail('rating', 'whole numbers from 1 to 5 separated by commas, such as "1,2"', one.rating);
  }

  const flag = (field: 'media' | 'verified'): boolean | undefined => {
    const value = one[field];
    if (value === undefined || value === 'true' || value === 'false') return value === undefined ? undefined : value === 'true';
    fail(field, '"true" or "false"', value);
    return undefined;
  };
  const media = flag('media');
  const verified = flag('verified');

  const text = (field: 'variant' | 'topic' | 'q', max: number): string | undefined => {
    const value = one[field]?.trim();
    if (value === undefined) return undefined;
    if (value.length <= max && !CONTROL.test(value)) return value;
    fail(field, `text of at most ${max} characters with no control characters`, one[field]!);
    return undefined;
  };
  const variant = text('variant', MAX_TEXT);
  const topic = text('topic', MAX_TEXT);
  const q = text('q', MAX_REVIEW_SEARCH);

  const attr = readAttributes(params.getAll('attr'), problems);

  let sort: ReviewSort = 'helpful';
  if (one.sort !== undefined) {
    if ((REVIEW_SORTS as readonly string[]).includes(one.sort)) sort = one.sort as ReviewSort;
    else fail('sort', `one of ${REVIEW_SORTS.map((s) => `"${s}"`).join(', ')}`, one.sort);
  }

  let cursor: string | undefined;
  if (one.cursor !== undefined) {
    if (one.cursor.length <= MAX_CURSOR && /^[A-Za-z0-9_-]+$/.test(one.cursor)) cursor = one.cursor;
    else fail('cursor', "the previous page's nextCursor, unchanged", one.cursor);
  }

  let limit = DEFAULT_REVIEW_LIMIT;
  if (one.limit !== undefined) {
    const n = /^\d{1,3}$/.test(one.limit) ? Number(one.limit) : 0;
    if (n >= 1 && n <= MAX_REVIEW_LIMIT) limit = n;
    else fail('limit', `a whole number from 1 to ${MAX_REVIEW_LIMIT}`, one.limit);
  }

  if (problems.length > before) return undefined;
  const query: { -readonly [K in keyof ReviewQuery]: ReviewQuery[K] } = { product, sort, limit };
  if (rating) query.rating = rating;
  if (media !== undefined) query.media = media;
  if (verified !== undefined) query.verified = verified;
  if (variant !== undefined) query.variant = variant;
  if (attr) query.attr = attr;
  if (topic !== undefined) query.topic = topic;
  if (q !== undefined) query.q = q;
  if (cursor !== undefined) query.cursor = cursor;
  return query;
}

/** `attr=size:runs_small&attr=fit:loose`: one parameter per attribute, name and answer split at the first ":". */
function readAttributes(values: readonly string[], problems: ReviewQueryProblem[]): Record<string, string> | undefined {
  // Entries, not assignments: an attribute named "__proto__" stays an attribute.
  const attr = new Map<string, string>();
  for (const raw of values) {
    if (raw.trim() === '') continue;
    const at = raw.indexOf(':');
    const name = at < 0 ? '' : raw.slice(0, at).trim();
    const answer = at < 0 ? '' : raw.slice(at + 1).trim();
    const fine =
      name.length > 0 && name.length <= MAX_ATTR_NAME && answer.length > 0 && answer.length <= MAX_TEXT && !CONTROL.test(name) && !CONTROL.test(answer);
    if (!fine) {
      problems.push({
        field: 'attr',
        message: `attr must be an attribute name of 1 to ${MAX_ATTR_NAME} characters, ":" and an answer of 1 to ${MAX_TEXT} characters, such as "size:runs_small"; received ${received(raw)}.`,
      });
    } else if (attr.has(name)) {
      problems.push({ field: 'attr', message: `attr must name each attribute once; received "${name}" twice.` });
    } else {
      attr.set(name, answer);
    }
  }
  if (attr.size > MAX_ATTRS) problems.push({ field: 'attr', message: `attr must be given at most ${MAX_ATTRS} times; received ${attr.size}.` });
  return attr.size > 0 ? Object.fromEntries(attr) : undefined;
}

/**
 * Writes a query as URL parameters `parseReviewQuery` reads back to the same
 * query: always in the same order (product, rating, media, verified, variant,
 * attr by name, topic, q, sort, cursor, limit), defaults left out, so one
 * filtered view has one URL to share and cache.
 *
 * @example
 * reviewQueryParams({ product: 'TEA', rating: [1], media: true, sort: 'helpful', limit: 10 }).toString()
 * // "product=TEA&rating=1&media=true"
 */
export function reviewQueryParams(query: ReviewQuery): URLSearchParams {
  const params = new URLSearchParams();
  params.set('product', query.product);
  if (query.rating && query.rating.length > 0) params.set('rating', [...new Set(query.rating)].sort((a, b) => a - b).join(','));
  if (query.media !== undefined) params.set('media', String(query.media));
  if (query.verified !== undefined) params.set('verified', String(query.verified));
  if (query.variant) params.set('variant', query.variant);
  for (const name of Object.keys(query.attr ?? {}).sort()) params.append('attr', `${name}:${query.attr![name]}`);
  if (query.topic) params.set('topic', query.topic);
  if (query.q) params.set('q', query.q);
  if (query.sort !== 'helpful') params.set('sort', query.sort);
  if (query.cursor) params.set('cursor', query.cursor);
  if (query.limit !== DEFAULT_REVIEW_LIMIT) params.set('limit', String(query.limit));
  return params;
}
