import {
  chooseTopics,
  helpfulScore,
  matchesSearch,
  RATINGS,
  type Rating,
  type Review,
  type ReviewQuery,
  type ReviewSort,
  reviewTopics,
  topicCandidates,
} from '@cartlift/reviews';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { storeVariants, useHarness } from '../test/harness.js';
import { decodeReviewCursor, encodeReviewCursor } from './store/sql-reviews.js';

const SKU = 'TEA-LJ-100';
const SHOP = 'https://shop.example';
const T0 = Date.UTC(2025, 3, 1);
const SIZES = ['runs_small', 'true_to_size', 'runs_large'];

/**
 * 60 published reviews of one product with many ties: three share each
 * created time, ratings and vote counts repeat, so every order leans on its
 * tie-breaks (newest, then id) and a cursor must land exactly.
 */
function catalogue(): Review[] {
  const reviews: Review[] = [];
  for (let i = 0; i < 60; i++) {
    const attributes: Record<string, string> = {};
    if (i % 5 !== 0) attributes.size = SIZES[i % 3]!;
    if (i % 2 === 1) attributes.fit = 'loose';
    const review: Review = {
      id: `r${String(i).padStart(3, '0')}`,
      sku: SKU,
      ...(i % 3 === 0 ? { variant: 'Spring' } : i % 3 === 1 ? { variant: 'Autumn' } : {}),
      rating: (1 + ((i * 7) % 5)) as Rating,
      title: i === 10 ? 'Worth 100% of the price' : i % 6 === 0 ? '好喝' : `Tea number ${i}`,
      body: i === 11 ? 'green_tea leaves, whole' : i === 12 ? 'greenXtea, 1000 cups' : i % 6 === 0 ? '回甘很好，好喝极了' : 'A fine cup.',
      author: `Reader ${i}`,
      language: i % 6 === 0 ? 'zh-CN' : 'en',
      photos: i % 4 === 0 ? [{ url: `/photos/${i}.jpg` }] : [],
      attributes,
      helpful: i % 4,
      notHelpful: i % 3,
      createdAt: T0 + Math.floor(i / 3) * 60_000,
      status: 'published',
      verified: i % 2 === 0,
    };
    reviews.push(review);
  }
  return reviews;
}

const REVIEWS = catalogue();
// Never shown: not published, or another product's.
const HIDDEN: Review[] = [
  { ...REVIEWS[0]!, id: 'p001', status: 'pending', title: 'Worth 100% 好喝' },
  { ...REVIEWS[1]!, id: 'x001', status: 'rejected', rejectionReason: 'spam', title: 'Worth 100% 好喝' },
  { ...REVIEWS[2]!, id: 'o001', sku: 'CUP-CELADON', title: 'Worth 100% 好喝' },
];

type Filters = Omit<ReviewQuery, 'product' | 'sort' | 'limit' | 'cursor'>;

const text = (r: Review) => `${r.title}\n${r.body}`;
/** A product's topics by their definition: every published review's candidates counted, then chosen. */
function referenceTopics(reviews: readonly Review[]): string[] {
  const counts = new Map<string, number>();
  for (const r of reviews) if (r.status === 'published') for (const t of topicCandidates(text(r))) counts.set(t, (counts.get(t) ?? 0) + 1);
  return chooseTopics([...counts].map(([topic, n]) => ({ topic, reviews: n })));
}
const TOPICS = referenceTopics(REVIEWS);

/** The reference: what each filter means, written plainly in TypeScript. */
function matches(r: Review, f: Filters, except?: keyof Filters | 'attr'): boolean {
  if (except !== 'rating' && f.rating && !f.rating.includes(r.rating)) return false;
  if (except !== 'media' && f.media !== undefined && r.photos.length > 0 !== f.media) return false;
  if (except !== 'verified' && f.verified !== undefined && r.verified !== f.verified) return false;
  if (except !== 'variant' && f.variant !== undefined && r.variant !== f.variant) return false;
  if (except !== 'attr' && f.attr && Object.entries(f.attr).some(([k, v]) => r.attributes[k] !== v)) return false;
  if (except !== 'topic' && f.topic !== undefined && !reviewTopics(text(r), TOPICS).includes(f.topic)) return false;
  if (f.q !== undefined && !matchesSearch(text(r), f.q)) return false;
  return true;
}

const score = (r: Review) => helpfulScore(r.helpful, r.helpful + (r.notHelpful ?? 0));
function compare(sort: ReviewSort): (a: Review, b: Review) => number {
  const main: Record<ReviewSort, (r: Review) => number> = {
    helpful: (r) => -score(r),
    newest: () => 0,
    highest: (r) => -r.rating,
    lowest: (r) => r.rating,
    photos: (r) => (r.photos.length > 0 ? 0 : 1),
  };
  return (a, b) => main[sort](a) - main[sort](b) || b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const expected = (f: Filters, sort: ReviewSort, reviews: readonly Review[] = REVIEWS) =>
  reviews
    .filter((r) => r.status === 'published' && matches(r, f))
    .sort(compare(sort))
    .map((r) => r.id);

function url(f: Filters & { sort?: ReviewSort; limit?: number; cursor?: string }, product = SKU): string {
  const params = new URLSearchParams({ product });
  if (f.rating) params.set('rating', f.rating.join(','));
  if (f.media !== undefined) params.set('media', String(f.media));
  if (f.verified !== undefined) params.set('verified', String(f.verified));
  if (f.variant !== undefined) params.set('variant', f.variant);
  for (const [k, v] of Object.entries(f.attr ?? {})) params.append('attr', `${k}:${v}`);
  if (f.topic !== undefined) params.set('topic', f.topic);
  if (f.q !== undefined) params.set('q', f.q);
  if (f.sort) params.set('sort', f.sort);
  if (f.limit) params.set('limit', String(f.limit));
  if (f.cursor) params.set('cursor', f.cursor);
  return `/reviews?${params}`;
}

const FILTER_SETS: Filters[] = [
  {},
  { rating: [1, 5] },
  { media: true },
  { media: false, verified: true },
  { verified: false, variant: 'Spring' },
  { attr: { size: 'runs_small' } },
  { attr: { size: 'true_to_size', fit: 'loose' }, rating: [2, 3, 4] },
  { q: 'TEA' },
  { q: '好喝', media: true },
  { q: 'tea number' },
  { topic: '好喝' },
  { topic: 'fine cup', rating: [1, 2], verified: true },
  { topic: 'tea number', q: '2' },
];

describe.each(storeVariants())('GET /reviews on $name', ({ open }) => {
  const h = useHarness(open, { allowedOrigins: [SHOP] });
  const get = async (path: string, headers?: Record<string, string>) => h.call('GET', path, undefined, headers);

  beforeAll(async () => {
    for (const review of [...REVIEWS, ...HIDDEN]) expect(await h.store.addReview(review)).toBe(true);
    expect(await h.store.addReview(REVIEWS[0]!)).toBe(false);
  }, 60_000);

  test('a first page: the total, the summary, every field of a review, and most helpful as the default order', async () => {
    const { status, body } = await get(url({ sort: 'newest', limit: 3 }));
    expect(status).toBe(200);
    expect(body.total).toBe(60);
    expect(body.reviews.map((r: Review) => r.id)).toEqual(['r057', 'r058', 'r059']);
    expect(body.reviews[0]).toEqual(REVIEWS[57]);
    expect(body.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const histogram = Object.fromEntries(RATINGS.map((s) => [s, REVIEWS.filter((r) => r.rating === s).length]));
    expect(histogram).toEqual({ 1: 12, 2: 12, 3: 12, 4: 12, 5: 12 });
    expect(body.summary).toEqual({ count: 60, average: 3, rankingScore: expect.closeTo(2.66, 2) });
    expect(TOPICS).toEqual(expect.arrayContaining(['好喝', 'fine cup', 'tea number']));
    expect(body.facets.topics).toContainEqual({ topic: '好喝', count: 10 });
    // helpful is the default sort.
    expect((await get(url({ limit: 25 }))).body.reviews.map((r: Review) => r.id)).toEqual(expected({}, 'helpful').slice(0, 25));
  });

  test('every sort, under every filter set, walked page by page, returns each matching review once, in order', async () => {
    for (const sort of ['helpful', 'newest', 'highest', 'lowest', 'photos'] as const) {
      for (const filters of FILTER_SETS) {
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let pages = 0; pages < 20; pages++) {
          const { status, body } = await get(url({ ...filters, sort, limit: 7, cursor }));
          expect(status).toBe(200);
          expect(body.total).toBe(expected(filters, sort).length);
          seen.push(...body.reviews.map((r: Review) => r.id));
          cursor = body.nextCursor;
          if (!cursor) break;
        }
        expect(seen, `${sort} ${JSON.stringify(filters)}`).toEqual(expected(filters, sort));
      }
    }
  }, 60_000);

  test('property: any reviews, any filters, any sort and page size: the pages are the matching published reviews, each once, in order', async () => {
    let run = 0;
    const review = fc.record({
      rating: fc.constantFrom<Rating>(1, 2, 3, 4, 5),
      minute: fc.integer({ min: 0, max: 4 }),
      helpful: fc.integer({ min: 0, max: 3 }),
      notHelpful: fc.integer({ min: 0, max: 3 }),
      photo: fc.boolean(),
      verified: fc.boolean(),
      variant: fc.constantFrom(undefined, 'A', 'B'),
      size: fc.constantFrom(undefined, 's', 'm'),
      status: fc.constantFrom<Review['status']>('published', 'published', 'published', 'pending', 'rejected'),
    });
    // Half the runs filter nothing, so pages are long and full of ties; the rest any mix of filters.
    const filters: fc.Arbitrary<Filters> = fc.oneof(
      fc.constant({}),
      fc.record(
        {
          rating: fc.uniqueArray(fc.constantFrom<Rating>(1, 2, 3, 4, 5), { minLength: 1, maxLength: 3 }).map((r) => [...r].sort()),
          media: fc.boolean(),
          verified: fc.boolean(),
          variant: fc.constantFrom('A', 'B'),
          attr: fc.constantFrom({ size: 's' }, { size: 'm' }),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(review, { minLength: 5, maxLength: 30, size: 'max' }),
        filters,
        fc.constantFrom<ReviewSort>('helpful', 'newest', 'highest', 'lowest', 'photos'),
        fc.integer({ min: 1, max: 6 }),
        async (drawn, f, sort, limit) => {
          const product = `PROP-${++run}`;
          const reviews: Review[] = drawn.map((d, i) => ({
            id: `p${run}x${String(i).padStart(3, '0')}`,
            sku: product,
            ...(d.variant ? { variant: d.variant } : {}),
            rating: d.rating,
            title: 't',
            body: 'b',
            author: 'a',
            language: 'en',
            photos: d.photo ? [{ url: '/p.jpg' }] : [],
            attributes: d.size ? { size: d.size } : ({} as Record<string, string>),
            helpful: d.helpful,
            notHelpful: d.notHelpful,
            createdAt: T0 + d.minute * 60_000,
            status: d.status,
            verified: d.verified,
          }));
          for (const r of reviews) await h.store.addReview(r);
          const seen: string[] = [];
          let cursor: string | undefined;
          for (let pages = 0; pages <= 31; pages++) {
            const { status, body } = await get(url({ ...f, sort, limit, cursor }, product));
            expect(status).toBe(200);
            expect(body.reviews.length).toBeLessThanOrEqual(limit);
            seen.push(...body.reviews.map((r: Review) => r.id));
            cursor = body.nextCursor;
            if (!cursor) break;
          }
          expect(seen).toEqual(expected(f, sort, reviews));
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);

  test('each sort orders as it says, ties broken by newest and then id', async () => {
    const ids = async (sort: ReviewSort) => (await get(url({ sort, limit: 25 }))).body.reviews as Review[];
    const highest = await ids('highest');
    expect(highest.slice(0, 12).every((r) => r.rating === 5)).toBe(true);
    expect(highest.slice(0, 3).map((r) => r.id)).toEqual(['r057', 'r052', 'r047']);
    const lowest = await ids('lowest');
    expect(lowest.slice(0, 12).every((r) => r.rating === 1)).toBe(true);
    const photos = await ids('photos');
    expect(photos.slice(0, 15).every((r) => r.photos.length > 0)).toBe(true);
    expect(photos[15]!.photos).toEqual([]);
    const helpful = await ids('helpful');
    const scores = helpful.map(score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // 3 of 3 found these helpful (i % 4 == 3, i % 3 == 0): the best score, tied, so newest first.
    expect(helpful.slice(0, 5).map((r) => r.id)).toEqual(['r051', 'r039', 'r027', 'r015', 'r003']);
  });

  test('facets count the current filters, each without its own (hand-counted)', async () => {
    // media=true keeps r000, r004, …, r056 (i % 4 == 0): 15 reviews.
    const { body } = await get(url({ media: true, rating: [1] }));
    // Ratings within "with photos": i = 4k, rating 1 + (28k mod 5) = 1 + (3k mod 5): k = 0,5,10 → 1★; k=3,8,13 → 5★ …
    expect(body.facets.ratings).toEqual({ 1: 3, 2: 3, 3: 3, 4: 3, 5: 3 });
    // With photos within 1★ (i*7 % 5 == 0 → i = 0,5,…,55): photos at i = 0, 20, 40.
    expect(body.facets.withPhotos).toBe(3);
    expect(body.total).toBe(3);
    expect(body.reviews.map((r: Review) => r.id).sort()).toEqual(['r000', 'r020', 'r040']);
    // Verified (even i) among the 3: all three.
    expect(body.facets.verified).toBe(3);
    // Variants: i % 3: r000 Spring, r020 none (20 % 3 = 2), r040 Autumn.
    expect(body.facets.variants).toEqual({ Spring: 1, Autumn: 1 });
    // Attributes: r000 and r040 have no size (i % 5 == 0), r020 neither; none is odd, so no fit.
    expect(body.facets.attributes).toEqual({});
    // The summary ignores filters.
    expect(body.summary.count).toBe(60);
  });

  test('attribute facets: an answer is counted with the other attributes filtered, not its own', async () => {
    const { body } = await get(url({ attr: { size: 'runs_small', fit: 'loose' } }));
    const sizes = (fit: boolean) =>
      Object.fromEntries(SIZES.map((s) => [s, REVIEWS.filter((r) => r.attributes.size === s && (!fit || r.attributes.fit === 'loose')).length]));
    // size counted among fit=loose; fit counted among size=runs_small.
    expect(body.facets.attributes.size).toEqual(sizes(true));
    expect(body.facets.attributes.fit).toEqual({ loose: REVIEWS.filter((r) => r.attributes.size === 'runs_small' && r.attributes.fit === 'loose').length });
    expect(body.total).toBe(REVIEWS.filter((r) => r.attributes.size === 'runs_small' && r.attributes.fit === 'loose').length);
    expect(sizes(true)).toEqual({ runs_small: 8, true_to_size: 8, runs_large: 8 });
  });

  test('facets agree with the reference for every filter set', async () => {
    for (const filters of FILTER_SETS) {
      const { body } = await get(url(filters));
      const pool = (except?: keyof Filters) => REVIEWS.filter((r) => matches(r, filters, except));
      const ratings = Object.fromEntries(RATINGS.map((s) => [s, pool('rating').filter((r) => r.rating === s).length]));
      const variants: Record<string, number> = {};
      for (const r of pool('variant')) if (r.variant) variants[r.variant] = (variants[r.variant] ?? 0) + 1;
      const attributes: Record<string, Record<string, number>> = {};
      for (const r of REVIEWS.filter((r) => matches(r, filters, 'attr'))) {
        for (const [k, v] of Object.entries(r.attributes)) {
          const others = Object.entries(filters.attr ?? {}).every(([fk, fv]) => fk === k || r.attributes[fk] === fv);
          if (!others) continue;
          attributes[k] ??= {};
          attributes[k][v] = (attributes[k][v] ?? 0) + 1;
        }
      }
      expect(body.facets, JSON.stringify(filters)).toEqual({
        ratings,
        withPhotos: pool('media').filter((r) => r.photos.length > 0).length,
        verified: pool('verified').filter((r) => r.verified).length,
        variants,
        attributes,
        topics: TOPICS.map((topic) => ({ topic, count: pool('topic').filter((r) => reviewTopics(text(r), TOPICS).includes(topic)).length }))
          .filter((t) => t.count > 0)
          .sort((a, b) => b.count - a.count || (a.topic < b.topic ? -1 : 1)),
      });
    }
  });

  test('pending and rejected reviews, and other products, never appear or count', async () => {
    const { body } = await get(url({ q: '100%', limit: 25 }));
    expect(body.reviews.map((r: Review) => r.id)).toEqual(['r010']);
    expect(body.total).toBe(1);
    const all = (await get(url({ limit: 25, sort: 'newest' }))).body;
    expect(all.summary.count).toBe(60);
    expect(all.reviews.every((r: Review) => r.status === 'published' && r.sku === SKU)).toBe(true);
  });

  test('q matches words, not substrings; ignores case and punctuation; finds Chinese by any character or pair', async () => {
    expect((await get(url({ q: '100%' }))).body.reviews.map((r: Review) => r.id)).toEqual(['r010']);
    // "_" joins a word (Unicode's rule): green_tea is one word, and greenXtea another.
    expect((await get(url({ q: 'green_tea' }))).body.reviews.map((r: Review) => r.id)).toEqual(['r011']);
    expect((await get(url({ q: '0%' }))).body.total).toBe(0);
    expect((await get(url({ q: 'NUMBER 1' }))).body.reviews.map((r: Review) => r.id)).toEqual(['r001']);
    expect((await get(url({ q: 'number' }))).body.total).toBe(expected({ q: 'number' }, 'newest').length);
    expect((await get(url({ q: '甘' }))).body.total).toBe(9);
    expect((await get(url({ q: '喝极' }))).body.total).toBe(9);
    expect((await get(url({ q: '好喝 fine' }))).body.total).toBe(0);
    expect((await get(url({ q: 'GREENXTEA' }))).body.reviews.map((r: Review) => r.id)).toEqual(['r012']);
    const chinese = (await get(url({ q: '好喝', limit: 25 }))).body;
    expect(chinese.total).toBe(10);
    expect(chinese.reviews.every((r: Review) => r.language === 'zh-CN')).toBe(true);
    // r012's body is replaced, so 9 of the 10 say 回甘.
    expect((await get(url({ q: '回甘' }))).body.total).toBe(9);
    expect((await get(url({ q: 'back\\slash' }))).body.total).toBe(0);
  });

  test('a product with no reviews, or unknown to the catalog, is an empty page, not an error', async () => {
    const { status, body } = await get('/reviews?product=NOT-IN-CATALOG');
    expect(status).toBe(200);
    expect(body).toEqual({
      reviews: [],
      total: 0,
      facets: { ratings: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, withPhotos: 0, verified: 0, variants: {}, attributes: {}, topics: [] },
      summary: { count: 0, average: 0, rankingScore: expect.closeTo(1.87, 2) },
    });
  });

  test.each([
    ['tsquery operators', 'tea & !number | cup:*'],
    ['quotes', `"tea" 'number'`],
    ['a backslash', 'tea\\'],
    ['only punctuation', '%_*&|!'],
    ['a lone quote', "'"],
    ['mixed scripts', 'Tea好喝number'],
  ])('q with %s is taken literally: the reference answer, never a 500', async (_name, q) => {
    const { status, body } = await get(url({ q, limit: 25, sort: 'newest' }));
    expect(status).toBe(200);
    expect(body.reviews.map((r: Review) => r.id)).toEqual(expected({ q }, 'newest').slice(0, 25));
  });

  test("a topic no review mentions finds none; the product's reviews still count in the summary", async () => {
    const { status, body } = await get(`${url({})}&topic=${encodeURIComponent('香气')}`);
    expect(status).toBe(200);
    expect(body.total).toBe(0);
    expect(body.summary.count).toBe(60);
  });

  test('topics are refreshed as reviews are added: a phrase in two published reviews becomes one; pending ones never count', async () => {
    const sku = 'GIFT-SET-1';
    const base = { ...REVIEWS[1]!, sku, title: 'Lovely', body: 'A lovely gift box.' };
    await h.store.addReview({ ...base, id: 'g1' });
    await h.store.addReview({ ...base, id: 'g2', status: 'pending' });
    expect((await get(url({}, sku))).body.facets.topics).toEqual([]);
    await h.store.addReviews([{ ...base, id: 'g3', body: '香气很浓。gift box, lovely!' }]);
    const { body } = await get(url({}, sku));
    expect(body.facets.topics).toEqual([
      { topic: 'gift box', count: 2 },
      { topic: 'lovely', count: 2 },
    ]);
    expect(await h.store.refreshReviewTopics(sku)).toEqual(['gift box', 'lovely']);
    const filtered = await get(`${url({}, sku)}&topic=${encodeURIComponent('gift box')}`);
    expect(filtered.body.reviews.map((r: Review) => r.id).sort()).toEqual(['g1', 'g3']);
  });

  test('400s name the field: rating, limit, a tampered cursor, a cursor of another sort, a missing product', async () => {
    const bad = async (path: string, field: string) => {
      const { status, body } = await get(path);
      expect(status, path).toBe(400);
      expect(body.error).toMatchObject({ code: 'invalid_request', field });
      expect(body.error.message.startsWith(`${field} `), body.error.message).toBe(true);
    };
    await bad(`/reviews?product=${SKU}&rating=6`, 'rating');
    await bad(`/reviews?product=${SKU}&limit=26`, 'limit');
    await bad('/reviews', 'product');
    await bad(`/reviews?product=${SKU}&cursor=${'a'.repeat(201)}`, 'cursor');
    await bad(`/reviews?product=${SKU}&cursor=abc`, 'cursor');
    const next = (await get(url({ sort: 'newest', limit: 2 }))).body.nextCursor as string;
    await bad(`${url({ sort: 'highest' })}&cursor=${next}`, 'cursor');
    const forged = [
      encodeReviewCursor({ sort: 'newest', keys: [1.5], id: 'r001' }),
      encodeReviewCursor({ sort: 'newest', keys: [], id: 'r001' }),
      Buffer.from('["newest","1","r001"]').toString('base64url'),
      Buffer.from('["newest",1,""]').toString('base64url'),
      Buffer.from('{"sort":"newest"}').toString('base64url'),
      Buffer.from([0xff, 0xfe]).toString('base64url'),
    ];
    for (const cursor of forged) await bad(`${url({ sort: 'newest' })}&cursor=${cursor}`, 'cursor');
  });

  test('a shop on a listed origin may read reviews from its pages', async () => {
    const reply = await get(url({}), { origin: SHOP });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('access-control-allow-origin')).toBe(SHOP);
    const preflight = await h.call('OPTIONS', '/reviews', undefined, { origin: SHOP, 'access-control-request-method': 'GET' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect((await get(url({}), { origin: 'https://other.example' })).status).toBe(403);
  });

  test('the database being unreachable is a 503 with Retry-After, not a 500', async () => {
    const store = h.store;
    const reviewPage = store.reviewPage;
    store.reviewPage = async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    };
    try {
      const { status, body, headers } = await get(url({}));
      expect(status).toBe(503);
      expect(body.error.code).toBe('service_unavailable');
      expect(headers.get('retry-after')).toBeTruthy();
    } finally {
      store.reviewPage = reviewPage;
    }
  });
});

describe('review cursors and search patterns', () => {
  test('a cursor survives its trip for each sort, and not for another', () => {
    const cursor = { sort: 'helpful' as const, keys: [0.20654329147389294, T0], id: '评价-1' };
    expect(decodeReviewCursor(encodeReviewCursor(cursor), 'helpful')).toEqual(cursor);
    expect(() => decodeReviewCursor(encodeReviewCursor(cursor), 'newest')).toThrow(/cursor/);
    const photos = { sort: 'photos' as const, keys: [true, T0], id: 'r1' };
    expect(decodeReviewCursor(encodeReviewCursor(photos), 'photos')).toEqual(photos);
  });
});
