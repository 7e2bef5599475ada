import { querySearchTerms, type RatingHistogram, type ReviewFacets, type ReviewQuery } from '@cartlift/reviews';
import type { CountedFacets } from '../sql-review-facets.js';
import { compareKeys, type ProductReviewIndex } from './product-index.js';

const RATING = 1;
const MEDIA = 2;
const VERIFIED = 4;
const VARIANT = 8;
const ATTR = 16;
const TOPIC = 32;
const Q = 64;

/** A query's filters as dictionary ids; `null` for a filter no review can match (an unknown value). */
interface Compiled {
  readonly ratings: ReadonlySet<number> | undefined;
  readonly variant: number | null | undefined;
  readonly attr: readonly (number | null)[];
  readonly attrNames: readonly string[];
  readonly topic: number | null | undefined;
  readonly terms: readonly number[] | null | undefined;
}

function compile(index: ProductReviewIndex, query: ReviewQuery): Compiled {
  const attr = Object.entries(query.attr ?? {});
  let terms: number[] | null | undefined;
  if (query.q !== undefined) {
    const ids = querySearchTerms(query.q).map((term) => index.termNames.find(term));
    // No terms at all matches nothing, as the SQL path's `false`.
    terms = ids.length === 0 || ids.includes(undefined) ? null : (ids as number[]);
  }
  return {
    ratings: query.rating?.length ? new Set<number>(query.rating) : undefined,
    variant: query.variant === undefined ? undefined : (index.variants.find(query.variant) ?? null),
    attr: attr.map(([name, answer]) => index.pairs.find(`${name}\0${answer}`) ?? null),
    attrNames: attr.map(([name]) => name),
    topic: query.topic === undefined ? undefined : (index.topicNames.find(query.topic) ?? null),
    terms,
  };
}

const includes = (list: Int32Array, id: number | null) => id !== null && list.includes(id);

/**
 * Every count of a page from the index in one pass over the product's rows,
 * with the SQL path's semantics (`scannedFacets`): each facet leaves out its
 * own filter; an attribute answer is counted with the other attributes'
 * filters but not its own. Returns the counts and which rows match.
 *
 * @example
 * const { counted, matches } = indexedFacets(index, { product: 'TEA', rating: [1], sort: 'helpful', limit: 25 })
 */
export function indexedFacets(index: ProductReviewIndex, query: ReviewQuery): { counted: CountedFacets; matches: Uint8Array } {
  const c = compile(index, query);
  const matches = new Uint8Array(index.size);
  const ratings: RatingHistogram = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  const histogram: RatingHistogram = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  const variants = new Map<number, number>();
  const pairs = new Map<number, number>();
  const topics = new Map<number, number>();
  let total = 0;
  let withPhotos = 0;
  let verified = 0;
  for (let i = 0; i < index.size; i++) {
    if (!index.alive[i]) continue;
    const rating = index.rating[i]! as keyof RatingHistogram;
    histogram[rating]++;
    let failed = 0;
    if (c.ratings && !c.ratings.has(rating)) failed |= RATING;
    if (query.media !== undefined && (index.hasPhotos[i] === 1) !== query.media) failed |= MEDIA;
    if (query.verified !== undefined && (index.verified[i] === 1) !== query.verified) failed |= VERIFIED;
    if (c.variant !== undefined && index.variant[i] !== c.variant) failed |= VARIANT;
    if (c.topic !== undefined && !includes(index.topics[i]!, c.topic)) failed |= TOPIC;
    if (c.terms !== undefined && (c.terms === null || !c.terms.every((term) => index.terms[i]!.includes(term)))) failed |= Q;
    // The attribute filters this row fails: counted only when at most one fails (that one's answers).
    let attrFailed = -1;
    for (let a = 0; a < c.attr.length; a++) {
      if (includes(index.attributes[i]!, c.attr[a]!)) continue;
      failed |= ATTR;
      attrFailed = attrFailed === -1 ? a : -2;
    }
    if (failed === 0) {
      total++;
      matches[i] = 1;
    }
    if ((failed & ~RATING) === 0) ratings[rating]++;
    if ((failed & ~MEDIA) === 0 && index.hasPhotos[i]) withPhotos++;
    if ((failed & ~VERIFIED) === 0 && index.verified[i]) verified++;
    const variant = index.variant[i]!;
    if ((failed & ~VARIANT) === 0 && variant >= 0) variants.set(variant, (variants.get(variant) ?? 0) + 1);
    if ((failed & ~TOPIC) === 0) for (const topic of index.topics[i]!) topics.set(topic, (topics.get(topic) ?? 0) + 1);
    if ((failed & ~ATTR) === 0 && attrFailed !== -2) {
      const only = attrFailed >= 0 ? c.attrNames[attrFailed] : undefined;
      for (const pair of index.attributes[i]!) {
        if (only !== undefined && index.pairs.values[pair]!.split('\0')[0] !== only) continue;
        pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
      }
    }
  }
  const facets: ReviewFacets = {
    ratings,
    withPhotos,
    verified,
    variants: Object.fromEntries([...variants].map(([id, n]) => [index.variants.values[id]!, n])),
    attributes: nestedPairs(index, pairs),
    topics: [...topics]
      .map(([id, count]) => ({ topic: index.topicNames.values[id]!, count }))
      .sort((a, b) => b.count - a.count || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0)),
  };
  return { counted: { total, facets, histogram }, matches };
}

function nestedPairs(index: ProductReviewIndex, pairs: Map<number, number>): ReviewFacets['attributes'] {
  const byName = new Map<string, [string, number][]>();
  for (const [id, n] of pairs) {
    const text = index.pairs.values[id]!;
    const cut = text.indexOf('\0');
    const name = text.slice(0, cut);
    if (!byName.has(name)) byName.set(name, []);
    byName.get(name)!.push([text.slice(cut + 1), n]);
  }
  return Object.fromEntries([...byName].map(([name, answers]) => [name, Object.fromEntries(answers)]));
}

/**
 * The positions of a page: the sort's order from just after the cursor
 * (binary search on its keys and id rank), matching rows only, limit + 1 of
 * them (the extra one says a next page exists).
 *
 * @example
 * pagePositions(index, 'newest', matches, undefined, 25)
 */
export function pagePositions(
  index: ProductReviewIndex,
  sort: ReviewQuery['sort'],
  matches: Uint8Array,
  after: { keys: readonly number[]; rank: number } | undefined,
  limit: number,
): number[] {
  const order = index.order(sort);
  let start = 0;
  if (after) {
    let high = order.length;
    while (start < high) {
      const mid = (start + high) >>> 1;
      const position = order[mid]!;
      if (compareKeys(sort, index.keys(sort, position), position, after.keys, after.rank) <= 0) start = mid + 1;
      else high = mid;
    }
  }
  const page: number[] = [];
  for (let i = start; i < order.length && page.length <= limit; i++) if (matches[order[i]!]) page.push(order[i]!);
  return page;
}
