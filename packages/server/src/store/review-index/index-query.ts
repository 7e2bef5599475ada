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

/** Wanted value of a yes/no column: -1 when not filtered. */
const wanted = (value: boolean | undefined) => (value === undefined ? -1 : value ? 1 : 0);

/** A query's filters in the index's terms: rows holding each value as bitmaps; `null` where no row can match. */
interface Compiled {
  readonly ratings: Uint8Array | undefined;
  readonly media: number;
  readonly verified: number;
  /** -2 when not filtered; -3 for a variant no review has. */
  readonly variant: number;
  readonly attr: readonly (Uint8Array | null)[];
  readonly attrNames: readonly string[];
  readonly topic: Uint8Array | null | undefined;
  readonly q: Uint8Array | null | undefined;
}

function compile(index: ProductReviewIndex, query: ReviewQuery): Compiled {
  const attr = Object.entries(query.attr ?? {});
  let ratings: Uint8Array | undefined;
  if (query.rating?.length) {
    ratings = new Uint8Array(6);
    for (const star of query.rating) ratings[star] = 1;
  }
  const variant = query.variant === undefined ? -2 : (index.variants.find(query.variant) ?? -3);
  const topicId = query.topic === undefined ? undefined : index.topicNames.find(query.topic);
  return {
    ratings,
    media: wanted(query.media),
    verified: wanted(query.verified),
    variant,
    attr: attr.map(([name, answer]) => {
      const id = index.pairs.find(`${name}\0${answer}`);
      return id === undefined ? null : index.bitmap('attributes', id);
    }),
    attrNames: attr.map(([name]) => name),
    topic: query.topic === undefined ? undefined : topicId === undefined ? null : index.bitmap('topics', topicId),
    q: query.q === undefined ? undefined : searchBitmap(index, query.q),
  };
}

/** Rows holding every search term of `q`; null when none can (no terms, as the SQL path's `false`, or an unknown one). */
function searchBitmap(index: ProductReviewIndex, q: string): Uint8Array | null {
  const ids = querySearchTerms(q).map((term) => index.termNames.find(term));
  if (ids.length === 0 || ids.includes(undefined)) return null;
  const [first, ...rest] = ids.map((id) => index.bitmap('terms', id!));
  if (rest.length === 0) return first!;
  const all = first!.slice();
  for (const bitmap of rest) for (let i = 0; i < all.length; i++) all[i]! &= bitmap[i]!;
  return all;
}

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
  const n = index.size;
  const matches = new Uint8Array(n);
  const stars = new Int32Array(6);
  const histogram = new Int32Array(6);
  const variants = new Int32Array(index.variants.values.length);
  const pairs = new Int32Array(index.pairs.values.length);
  const topics = new Int32Array(index.topicNames.values.length);
  // Which attribute each answer belongs to, so a row failing one attribute filter counts only that attribute's answers.
  const pairName = index.pairs.values.map((text) => text.slice(0, text.indexOf('\0')));
  const { alive, rating, hasPhotos, verified: isVerified, variant: variantOf, attributes, topics: topicsOf } = index;
  const { ratings: ratingFilter, media, verified: verifiedFilter, variant: variantFilter, topic: topicFilter, q: qFilter, attr } = c;
  const attrCount = attr.length;
  let total = 0;
  let withPhotos = 0;
  let verified = 0;
  for (let i = 0; i < n; i++) {
    if (alive[i] === 0) continue;
    const star = rating[i]!;
    histogram[star]!++;
    let failed = 0;
    if (ratingFilter !== undefined && ratingFilter[star] === 0) failed |= RATING;
    if (media !== -1 && hasPhotos[i] !== media) failed |= MEDIA;
    if (verifiedFilter !== -1 && isVerified[i] !== verifiedFilter) failed |= VERIFIED;
    if (variantFilter !== -2 && variantOf[i] !== variantFilter) failed |= VARIANT;
    if (topicFilter !== undefined && (topicFilter === null || topicFilter[i] === 0)) failed |= TOPIC;
    if (qFilter !== undefined && (qFilter === null || qFilter[i] === 0)) failed |= Q;
    // The attribute filters this row fails: counted only when at most one fails (that one's answers).
    let attrFailed = -1;
    for (let a = 0; a < attrCount; a++) {
      const bitmap = attr[a]!;
      if (bitmap !== null && bitmap[i] === 1) continue;
      failed |= ATTR;
      attrFailed = attrFailed === -1 ? a : -2;
    }
    if (failed === 0) {
      total++;
      matches[i] = 1;
    } else if ((failed & (failed - 1)) !== 0) continue; // two filters fail: no facet counts this row
    if ((failed & ~RATING) === 0) stars[star]!++;
    if ((failed & ~MEDIA) === 0 && hasPhotos[i] === 1) withPhotos++;
    if ((failed & ~VERIFIED) === 0 && isVerified[i] === 1) verified++;
    if ((failed & ~VARIANT) === 0 && variantOf[i]! >= 0) variants[variantOf[i]!]!++;
    if ((failed & ~TOPIC) === 0) {
      const list = topicsOf[i]!;
      for (let t = 0; t < list.length; t++) topics[list[t]!]!++;
    }
    if ((failed & ~ATTR) === 0 && attrFailed !== -2) {
      const only = attrFailed >= 0 ? c.attrNames[attrFailed] : undefined;
      const list = attributes[i]!;
      for (let p = 0; p < list.length; p++) if (only === undefined || pairName[list[p]!] === only) pairs[list[p]!]!++;
    }
  }
  const histogramOf = (counts: Int32Array): RatingHistogram => ({ 1: counts[1]!, 2: counts[2]!, 3: counts[3]!, 4: counts[4]!, 5: counts[5]! });
  const facets: ReviewFacets = {
    ratings: histogramOf(stars),
    withPhotos,
    verified,
    variants: Object.fromEntries(nonZero(variants).map((id) => [index.variants.values[id]!, variants[id]!])),
    attributes: nestedPairs(index, pairs),
    topics: nonZero(topics)
      .map((id) => ({ topic: index.topicNames.values[id]!, count: topics[id]! }))
      .sort((a, b) => b.count - a.count || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0)),
  };
  return { counted: { total, facets, histogram: histogramOf(histogram) }, matches };
}

/** The ids whose count is not zero (a facet lists only values some review has). */
function nonZero(counts: Int32Array): number[] {
  const ids: number[] = [];
  for (let id = 0; id < counts.length; id++) if (counts[id]! > 0) ids.push(id);
  return ids;
}

function nestedPairs(index: ProductReviewIndex, pairs: Int32Array): ReviewFacets['attributes'] {
  const byName = new Map<string, [string, number][]>();
  for (const id of nonZero(pairs)) {
    const text = index.pairs.values[id]!;
    const cut = text.indexOf('\0');
    const name = text.slice(0, cut);
    if (!byName.has(name)) byName.set(name, []);
    byName.get(name)!.push([text.slice(cut + 1), pairs[id]!]);
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
