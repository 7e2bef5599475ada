// Reviews at scale: 100,000 published reviews of one product (ratings leaning to 4–5, ~20% with
// photos, ~60% verified, 3 variants, 1–2 fit attributes, English and Chinese text), stored through
// store.addReviews (a thousand per statement, search terms and topic candidates computed as on
// any write, topics refreshed once at the end), then each page below timed through
// store.reviewPage, facet counts included: the store's own time, without HTTP. Pages come from the
// product's in-memory review index (the store's default over 2,000 reviews): its build time and
// heap are printed; a few kinds are timed again through the SQL path for contrast. On PGlite, and on
// PostgreSQL when CARTLIFT_TEST_DATABASE_URL is set (or test/pg/ensure-postgres.sh can start
// one). Imports the BUILT packages.
//
//   node test/bench/reviews.bench.mjs            (REVIEWS=20000 for a quicker look)
//
// Bounded: RUNS timed calls per page after WARM untimed ones, or MIN_RUNS when a page is slow
// (BUDGET_MS per page). Prints figures; never fails on time.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { createSqlStore, openPGlite, openPostgres } from '@cartlift/server';

// A collectable heap, so the index's memory can be read as a difference of heapUsed.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

const COUNT = Number(process.env.REVIEWS ?? 100_000);
const RUNS = 40;
const WARM = 5;
const MIN_RUNS = 3;
const BUDGET_MS = 4000;
const SKU = 'TEA-LJ-100';
const T0 = Date.UTC(2024, 0, 1);

/** A small seeded generator (mulberry32), so every run stores the same reviews. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(15);
const pick = (list) => list[Math.floor(rand() * list.length)];

const EN = [
  'Runs small, order a size up.',
  'True to size and the gift box is lovely.',
  'Great aroma and a smooth finish.',
  'Fast shipping, well packed.',
  'The lid leaks a little.',
  'Strong flavor, good value for the price.',
  'Nice packaging, perfect as a gift.',
  'The leaves are fresh and green.',
  'A bit bitter when brewed too long.',
  'My mother loved the fragrance.',
];
const ZH = [
  '香气很浓。',
  '回甘明显，口感顺滑。',
  '包装精美，送礼很合适。',
  '物流很快。',
  '性价比高。',
  '茶叶新鲜，颜色漂亮。',
  '味道有点苦。',
  '第二泡更好喝。',
];
const RATING_WEIGHTS = [
  [1, 0.06],
  [2, 0.05],
  [3, 0.12],
  [4, 0.3],
  [5, 0.47],
];
function rating() {
  const r = rand();
  let below = 0;
  for (const [stars, weight] of RATING_WEIGHTS) {
    below += weight;
    if (r < below) return stars;
  }
  return 5;
}

function review(i) {
  const chinese = rand() < 0.4;
  const sentences = chinese ? ZH : EN;
  const attributes = { size: pick(['runs_small', 'true_to_size', 'runs_large']) };
  if (rand() < 0.5) attributes.fit = pick(['loose', 'snug']);
  return {
    id: `b${String(i).padStart(6, '0')}`,
    sku: SKU,
    variant: pick(['Spring 2025', 'Autumn 2025', 'Gift tin']),
    rating: rating(),
    title: pick(sentences).replace(/[.。]$/, ''),
    body: `${pick(sentences)} ${pick(sentences)}${rand() < 0.5 ? ` ${pick(sentences)}` : ''}`,
    author: `Reader ${i}`,
    language: chinese ? 'zh-CN' : 'en',
    photos: rand() < 0.2 ? [{ url: `/photos/${i}.jpg` }] : [],
    attributes,
    helpful: Math.floor(rand() * 20),
    notHelpful: Math.floor(rand() * 5),
    createdAt: T0 + i * 60_000,
    status: 'published',
    verified: rand() < 0.6,
  };
}
const reviews = Array.from({ length: COUNT }, (_, i) => review(i));

/** The cursor of newest order just after the review in the middle: its format is documented (base64url JSON). */
const middle = reviews[Math.floor(COUNT / 2)];
const deepCursor = Buffer.from(JSON.stringify(['newest', middle.createdAt, middle.id])).toString('base64url');

const PAGES = [
  ['no filter (most helpful)', {}],
  ['rating=1', { rating: [1] }],
  ['rating=1&media=true', { rating: [1], media: true }],
  ['verified=true&variant=Gift tin', { verified: true, variant: 'Gift tin' }],
  ['attr=size:runs_small', { attr: { size: 'runs_small' } }],
  ['attr=size:runs_large&attr=fit:snug', { attr: { size: 'runs_large', fit: 'snug' } }],
  ['topic=(most mentioned)', { topic: 'FIRST' }],
  ['topic=(least mentioned)', { topic: 'LAST' }],
  ['q=gift box (en)', { q: 'gift box' }],
  ['q=lid (en, rare-ish)', { q: 'lid leaks' }],
  ['q=回甘 (zh)', { q: '回甘' }],
  ['q=苦 (zh, one character)', { q: '苦' }],
  ['rating=1&q=bitter', { rating: [1], q: 'bitter' }],
  ['sort=newest', { sort: 'newest' }],
  ['sort=highest', { sort: 'highest' }],
  ['sort=lowest', { sort: 'lowest' }],
  ['sort=photos', { sort: 'photos' }],
  ['sort=newest, cursor at review 50,000', { sort: 'newest', cursor: deepCursor }],
];

/** Pages timed again through the SQL path (the index left off), for contrast. */
const SQL_CONTRAST = new Set(['no filter (most helpful)', 'attr=size:runs_small', 'topic=(most mentioned)', 'q=gift box (en)']);

const ms = (n) => n.toFixed(1).padStart(7);
async function bench(name, db) {
  const store = createSqlStore(db);
  await store.migrate();
  const sqlOnly = createSqlStore(db, { reviewIndex: false });
  const loading = performance.now();
  const added = await store.addReviews(reviews);
  const loaded = performance.now() - loading;
  console.log(`\n${name}: ${added.toLocaleString('en')} published reviews stored (addReviews, topics refreshed) in ${(loaded / 1000).toFixed(1)} s`);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const building = performance.now();
  const topics = (await store.reviewPage({ product: SKU, sort: 'helpful', limit: 10 }, Date.now())).facets.topics;
  const built = performance.now() - building;
  gc();
  const heap = process.memoryUsage().heapUsed - heapBefore;
  console.log(
    `review index: built in ${(built / 1000).toFixed(2)} s (first page included), heap +${(heap / 2 ** 20).toFixed(0)} MB for ${COUNT.toLocaleString('en')} reviews`,
  );
  console.log(`topics: ${topics.map((t) => `${t.topic} ${t.count}`).join(', ')}`);
  const worst = await timePages(store, topics, PAGES, 'page of 25 with facets (index)');
  console.log(`worst p95: ${worst.toFixed(1)} ms (target: 30 ms)`);
  await timePages(
    sqlOnly,
    topics,
    PAGES.filter(([label]) => SQL_CONTRAST.has(label)),
    'the same through SQL (no index)',
  );
}

async function timePages(store, topics, pages, heading) {
  console.log(`${heading.padEnd(40)}  p50 ms  p95 ms   total  runs`);
  let worst = 0;
  for (const [label, filters] of pages) {
    const topic = { FIRST: topics[0]?.topic, LAST: topics.at(-1)?.topic }[filters.topic];
    const query = { product: SKU, sort: 'helpful', limit: 25, ...filters, ...(topic ? { topic } : {}) };
    const times = [];
    let total = 0;
    const began = performance.now();
    // Up to RUNS timed calls, but a page slower than BUDGET_MS in all stops after MIN_RUNS.
    for (let i = 0; i < WARM + RUNS && (times.length < MIN_RUNS || performance.now() - began < BUDGET_MS); i++) {
      const started = performance.now();
      const page = await store.reviewPage(query, Date.now());
      if (i >= WARM || performance.now() - started > 200) times.push(performance.now() - started);
      total = page.total;
    }
    times.sort((a, b) => a - b);
    const p95 = times[Math.ceil(0.95 * times.length) - 1];
    worst = Math.max(worst, p95);
    console.log(
      `${(topic ? label.replace(/\(.*\)/, topic) : label).padEnd(40)} ${ms(times[Math.floor(times.length / 2)])} ${ms(p95)} ${String(total).padStart(7)} ${String(times.length).padStart(5)}`,
    );
  }
  return worst;
}

function localPostgres() {
  const script = fileURLToPath(new URL('../pg/ensure-postgres.sh', import.meta.url));
  const result = spawnSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000 });
  return result.status === 0 ? result.stdout.trim() : '';
}

const embedded = await openPGlite({ memory: true });
await bench('PGlite (in memory)', embedded);
await embedded.close();

const pgUrl = process.env.CARTLIFT_TEST_DATABASE_URL || localPostgres();
if (!pgUrl) {
  console.log("\nPostgreSQL skipped: set CARTLIFT_TEST_DATABASE_URL, or install Debian's postgresql for test/pg/ensure-postgres.sh.");
  process.exit(0);
}
const schema = `bench_reviews_${Date.now().toString(36)}`;
const shared = await openPostgres({ connectionString: pgUrl, schema, max: 4 });
try {
  await bench('PostgreSQL', shared);
} finally {
  await shared.close();
  const pg = await import('pg');
  const client = new pg.default.Client({ connectionString: pgUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}
process.exit(0);
