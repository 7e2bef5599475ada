import { querySearchTerms, type ReviewQuery } from '@cartlift/reviews';

export type Filter = 'rating' | 'media' | 'verified' | 'variant' | 'attr' | 'topic' | 'q';

/**
 * Placeholders numbered as values are added, so each statement builds its own list.
 *
 * @example
 * new Params().add('TEA') // "$1"
 */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The WHERE conditions of a query's filters, each named by its filter so a
 * facet can leave its own out (`except` leaves one out before its values
 * become parameters: a statement may not carry a parameter it never reads).
 * The product and `published` come first and always apply.
 *
 * @example
 * const params = new Params()
 * const { base, filters } = filterConditions({ product: 'TEA', rating: [1], sort: 'newest', limit: 10 }, params)
 * where(base, filters) // "sku = $1 AND status = 'published' AND rating = ANY($2::int[])"
 */
export function filterConditions(
  query: ReviewQuery,
  params: Params,
  except?: Filter,
): { base: string; filters: Map<Filter, string>; attr: Map<string, string> } {
  const base = `sku = ${params.add(query.product)} AND status = 'published'`;
  const filters = new Map<Filter, string>();
  const attr = new Map<string, string>();
  if (except === 'variant') query = { ...query, variant: undefined } as ReviewQuery;
  if (except === 'topic') query = { ...query, topic: undefined } as ReviewQuery;
  if (query.rating?.length) filters.set('rating', `rating = ANY(${params.add(query.rating)}::int[])`);
  if (query.media !== undefined) filters.set('media', `has_photos = ${params.add(query.media)}::boolean`);
  if (query.verified !== undefined) filters.set('verified', `verified = ${params.add(query.verified)}::boolean`);
  if (query.variant !== undefined) filters.set('variant', `variant = ${params.add(query.variant)}::text`);
  for (const [name, answer] of Object.entries(query.attr ?? {})) {
    attr.set(name, `attributes @> ${params.add(JSON.stringify({ [name]: answer }))}::jsonb`);
  }
  if (attr.size && except !== 'attr') filters.set('attr', [...attr.values()].join(' AND '));
  // Both read GIN indexes: the review holds the topic, and every search term (the query's terms
  // are computed here as the review's were on write, so PGlite and PostgreSQL answer alike).
  if (query.topic !== undefined) filters.set('topic', `topics @> ARRAY[${params.add(query.topic)}::text]`);
  if (query.q !== undefined) {
    const terms = querySearchTerms(query.q);
    // Only punctuation or symbols: nothing to look for, so nothing is found (rather than everything).
    filters.set('q', terms.length ? `search_terms @> ${params.add(terms)}::text[]` : 'false');
  }
  return { base, filters, attr };
}

/**
 * The conditions joined, one filter left out (a facet's own).
 *
 * @example
 * where('true', filters, 'rating')
 */
export function where(base: string, filters: Map<Filter, string>, except?: Filter): string {
  return [base, ...[...filters].filter(([name]) => name !== except).map(([, sql]) => sql)].join(' AND ');
}
