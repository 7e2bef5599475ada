import { RATINGS, type RatingHistogram, type ReviewFacets, type ReviewQuery } from '@cartlift/reviews';
import type { SqlClient } from './sql.js';
import { filterConditions, Params, where } from './sql-review-filters.js';
import type { Row } from './sql-rows.js';

/** What a page's counts are: the total under the filters, the facets, and the unfiltered histogram (the summary). */
export interface CountedFacets {
  readonly total: number;
  readonly facets: ReviewFacets;
  readonly histogram: RatingHistogram;
}

const emptyHistogram = (): RatingHistogram => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 });
const byCountThenTopic = (a: { topic: string; count: number }, b: { topic: string; count: number }) =>
  b.count - a.count || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0);

/** Entries, not assignments: a variant or attribute named "__proto__" stays data. */
function nested(rows: Iterable<[string, string, number]>): Record<string, Record<string, number>> {
  const byName = new Map<string, Map<string, number>>();
  for (const [name, value, n] of rows) {
    if (!byName.has(name)) byName.set(name, new Map());
    const answers = byName.get(name)!;
    answers.set(value, (answers.get(value) ?? 0) + n);
  }
  return Object.fromEntries([...byName].map(([name, answers]) => [name, Object.fromEntries(answers)]));
}

/**
 * The counts read from the product's published reviews that match: any
 * filters, every facet without its own. The reference the rolled-up counts
 * must equal.
 *
 * @example
 * const { total, facets } = await scannedFacets(db, { product: 'TEA', q: '回甘', sort: 'helpful', limit: 10 })
 */
export async function scannedFacets(db: SqlClient, query: ReviewQuery): Promise<CountedFacets> {
  // Counts over the product's published reviews in one pass: the total and the single-valued facets
  // (each with every filter but its own).
  const countParams = new Params();
  const c = filterConditions(query, countParams);
  const all = where('true', c.filters);
  const starCounts = RATINGS.map((s) => `count(*) FILTER (WHERE ${where('true', c.filters, 'rating')} AND rating = ${s}) AS f${s}`);
  // attr, topic and q apply to every count of this statement (their facets are counted apart), so
  // they also bound the rows read, through their indexes; the summary comes from the kept counts.
  const everywhere = [...c.filters].filter(([name]) => name === 'attr' || name === 'topic' || name === 'q').map(([, sql]) => sql);
  const counts = db.query<Row>(
    `SELECT count(*) FILTER (WHERE ${all}) AS total,
            ${starCounts.join(', ')},
            count(*) FILTER (WHERE ${where('true', c.filters, 'media')} AND has_photos) AS with_photos,
            count(*) FILTER (WHERE ${where('true', c.filters, 'verified')} AND verified) AS verified
       FROM cartlift_reviews WHERE ${[c.base, ...everywhere].join(' AND ')}`,
    countParams.values,
  );

  const variantParams = new Params();
  const v = filterConditions(query, variantParams, 'variant');
  const variants = db.query<Row>(
    `SELECT variant, count(*) AS n FROM cartlift_reviews
      WHERE ${where(v.base, v.filters)} AND variant IS NOT NULL GROUP BY variant`,
    variantParams.values,
  );

  // An answer to one attribute is counted with every other attribute filter applied, but not its own.
  const attrParams = new Params();
  const a = filterConditions(query, attrParams, 'attr');
  const otherAnswers = [...a.attr].map(([name, sql]) => `(e.key = ${attrParams.add(name)}::text OR ${sql})`);
  const attributes = db.query<Row>(
    `SELECT e.key, e.value, count(*) AS n
       FROM cartlift_reviews r, jsonb_each_text(r.attributes) e
      WHERE ${[where(a.base, a.filters), ...otherAnswers].join(' AND ')}
      GROUP BY e.key, e.value`,
    attrParams.values,
  );

  // Topics the reviews under the current filters mention, the topic filter itself left out.
  const topicParams = new Params();
  const t = filterConditions(query, topicParams, 'topic');
  const topics = db.query<Row>(
    `SELECT topic, count(*) AS n FROM cartlift_reviews r, unnest(r.topics) topic
      WHERE ${where(t.base, t.filters)} GROUP BY topic`,
    topicParams.values,
  );

  const summary = db.query<Row>(`SELECT rating, sum(n) AS n FROM cartlift_review_counts WHERE sku = $1 AND kind = 'all' GROUP BY rating`, [query.product]);

  const [countResult, variantResult, attributeResult, topicResult, summaryResult] = await Promise.all([counts, variants, attributes, topics, summary]);

  const totals = countResult.rows[0] ?? {};
  const ratings = emptyHistogram();
  const histogram = emptyHistogram();
  for (const star of RATINGS) {
    ratings[star] = Number(totals[`f${star}`] ?? 0);
  }
  for (const row of summaryResult.rows) {
    const star = Number(row.rating) as keyof RatingHistogram;
    if (star in histogram) histogram[star] = Number(row.n);
  }
  const facets: ReviewFacets = {
    ratings,
    withPhotos: Number(totals.with_photos ?? 0),
    verified: Number(totals.verified ?? 0),
    variants: Object.fromEntries(variantResult.rows.map((row) => [String(row.variant), Number(row.n)])),
    attributes: nested(attributeResult.rows.map((row) => [String(row.key), String(row.value), Number(row.n)])),
    topics: topicResult.rows.map((row) => ({ topic: String(row.topic), count: Number(row.n) })).sort(byCountThenTopic),
  };
  return { total: Number(totals.total ?? 0), facets, histogram };
}

/** One row of cartlift_review_counts: published reviews of one combination of the dimensions. */
interface CountRow {
  readonly rating: number;
  readonly hasPhotos: boolean;
  readonly verified: boolean;
  readonly variant: string | undefined;
  readonly kind: 'all' | 'attr' | 'topic';
  readonly name: string;
  readonly value: string;
  readonly n: number;
}

type Dimension = 'rating' | 'media' | 'verified' | 'variant';

/** Whether a count row passes the query's dimension filters, one of them left out. */
function passes(row: CountRow, query: ReviewQuery, except?: Dimension): boolean {
  if (except !== 'rating' && query.rating?.length && !query.rating.includes(row.rating as 1)) return false;
  if (except !== 'media' && query.media !== undefined && row.hasPhotos !== query.media) return false;
  if (except !== 'verified' && query.verified !== undefined && row.verified !== query.verified) return false;
  if (except !== 'variant' && query.variant !== undefined && row.variant !== query.variant) return false;
  return true;
}

const sum = (rows: readonly CountRow[]) => rows.reduce((total, row) => total + row.n, 0);

/**
 * The counts from `cartlift_review_counts` (kept by triggers on every write to
 * cartlift_reviews, migration 13): published reviews per rating × photos ×
 * verified × variant, and per attribute answer and per topic within each.
 * That answers every facet exactly when only those four filters are active,
 * reading a few hundred rows instead of a product's reviews; with `attr`,
 * `topic` or `q` it returns undefined and the caller counts by scanning.
 *
 * @example
 * const counted = rolledUpFacets(db, query) ?? scannedFacets(db, query)
 */
export function rolledUpFacets(db: SqlClient, query: ReviewQuery): Promise<CountedFacets> | undefined {
  if (query.attr !== undefined || query.topic !== undefined || query.q !== undefined) return undefined;
  return db
    .query<Row>(
      `SELECT rating, has_photos, verified, has_variant, variant, kind, name, value, n
         FROM cartlift_review_counts WHERE sku = $1 AND n <> 0`,
      [query.product],
    )
    .then(({ rows }) => countsFromRows(rows.map(toCountRow), query));
}

function toCountRow(row: Row): CountRow {
  return {
    rating: Number(row.rating),
    hasPhotos: Boolean(row.has_photos),
    verified: Boolean(row.verified),
    variant: row.has_variant ? String(row.variant) : undefined,
    kind: String(row.kind) as CountRow['kind'],
    name: String(row.name),
    value: String(row.value),
    n: Number(row.n),
  };
}

function countsFromRows(rows: readonly CountRow[], query: ReviewQuery): CountedFacets {
  const all = rows.filter((row) => row.kind === 'all');
  const ratings = emptyHistogram();
  const histogram = emptyHistogram();
  for (const star of RATINGS) {
    ratings[star] = sum(all.filter((row) => row.rating === star && passes(row, query, 'rating')));
    histogram[star] = sum(all.filter((row) => row.rating === star));
  }
  const variants = nested(all.filter((row) => row.variant !== undefined && passes(row, query, 'variant')).map((row) => ['', row.variant!, row.n]));
  const matching = rows.filter((row) => passes(row, query));
  const topics = new Map<string, number>();
  for (const row of matching) if (row.kind === 'topic') topics.set(row.value, (topics.get(row.value) ?? 0) + row.n);
  const facets: ReviewFacets = {
    ratings,
    withPhotos: sum(all.filter((row) => row.hasPhotos && passes(row, query, 'media'))),
    verified: sum(all.filter((row) => row.verified && passes(row, query, 'verified'))),
    variants: variants[''] ?? {},
    attributes: nested(matching.filter((row) => row.kind === 'attr').map((row) => [row.name, row.value, row.n])),
    topics: [...topics].map(([topic, count]) => ({ topic, count })).sort(byCountThenTopic),
  };
  return { total: sum(matching.filter((row) => row.kind === 'all')), facets, histogram };
}
