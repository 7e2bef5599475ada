// Loopback throughput and latency of the Cartlift server: POST /quote and
// POST /checkout (Stripe = the in-process sandbox through the real `stripe`
// client; each /checkout row is one whole payment: the ConfirmationToken the
// browser would make, then /checkout pricing, holding, creating and confirming), on embedded PGlite and on PostgreSQL: CARTLIFT_TEST_DATABASE_URL,
// else the loopback server test/pg/ensure-postgres.sh starts when Debian's
// postgresql is installed. Imports the BUILT packages: run `npm run build` first.
//
//   node test/bench/server.bench.mjs
//
// Bounded: each phase stops at its request count or after PHASE_MS.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createCartliftHandler, openStore, serve } from '@cartlift/server';
import { startStripeSandbox } from '@cartlift/stripe-sandbox';
import Stripe from 'stripe';

const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 8000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const QUOTES = 3000;
const CHECKOUTS = 600;
const EVENT_BATCHES = 1500;
const BATCH_SIZE = 20;

const catalog = [
  { sku: 'TEA-LJ-100', name: 'Longjing 100 g', price: 2400, currency: 'USD', tags: ['tea'] },
  { sku: 'CUP-CELADON', name: 'Celadon cup', price: 1800, currency: 'USD', tags: ['teaware'] },
  { sku: 'POT-YIXING', name: 'Yixing teapot', price: 8900, currency: 'USD', tags: ['teaware'] },
];
const promotions = {
  version: 1,
  promotions: [
    { id: 'first', name: 'First order', currency: 'USD', rule: { type: 'amount_off', amount: 500 }, conditions: { firstPurchase: true } },
    {
      id: 'tier',
      name: 'Tier',
      currency: 'USD',
      rule: {
        type: 'tiered',
        tiers: [
          { spend: 8000, amount: 800 },
          { spend: 15000, amount: 2000 },
        ],
      },
    },
    { id: 'welcome', name: 'Welcome', code: 'WELCOME10', rule: { type: 'percent_off', percent: 10 }, limits: { total: 1000000, perCustomer: 1000 } },
  ],
};

/** A batch as the analytics plugin sends it: funnel steps of one shopper, fresh event ids. */
function eventBatch() {
  const anonymous_id = crypto.randomUUID();
  const steps = ['view_item', 'add_to_cart', 'view_cart', 'begin_checkout'];
  return Array.from({ length: BATCH_SIZE }, (_, i) => ({
    name: steps[i % steps.length],
    event_id: crypto.randomUUID(),
    time: Date.now(),
    cart_id: 'c_bench',
    currency: 'USD',
    value: 2400,
    items: [{ item_id: 'TEA-LJ-100', item_name: 'Longjing 100 g', price: 2400, quantity: 1 }],
    anonymous_id,
  }));
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `make(i)` requests with CONCURRENCY workers until `count` or PHASE_MS. */
async function phase(count, make) {
  const latencies = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  // CPU time of this process (server, client and sandbox share it): steadier than req/s on a shared machine.
  const cpuStart = process.cpuUsage();
  const deadline = started + PHASE_MS;
  async function worker() {
    while (next < count && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      const res = await make(i);
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (res.status !== 200) errors += 1;
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  latencies.sort((a, b) => a - b);
  const cpuMsPerRequest = (cpu.user + cpu.system) / 1000 / Math.max(1, latencies.length);
  return {
    n: latencies.length,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuMsPerRequest,
    errors,
  };
}

async function benchStore(name, store) {
  const sandbox = await startStripeSandbox({ port: 0 });
  const handler = createCartliftHandler({
    currency: 'USD',
    catalog,
    promotions,
    store,
    rateLimit: false,
    analytics: { eventsPerMinute: false }, // one client posts for thousands of shoppers here
    stripe: {
      secretKey: sandbox.secretKey,
      publishableKey: sandbox.publishableKey,
      webhookSecret: sandbox.webhookSecret,
      api: { host: '127.0.0.1', port: sandbox.port, protocol: 'http' },
    },
  });
  await handler.store();
  const server = await serve(handler, { port: 0 });
  const api = `${server.url}${handler.basePath}`;
  const post = (path, body) => fetch(`${api}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const lines = [
    { sku: 'TEA-LJ-100', quantity: 2 },
    { sku: 'POT-YIXING', quantity: 1 },
  ];
  // The shopper's browser: a ConfirmationToken from Stripe for the test card, then /checkout with the total it was shown.
  const stripe = new Stripe(sandbox.secretKey, { host: '127.0.0.1', port: sandbox.port, protocol: 'http', telemetry: false });
  const confirmationToken = async () =>
    (await stripe.testHelpers.confirmationTokens.create({ payment_method: 'pm_card_visa', return_url: 'https://shop.example/checkout' })).id;
  const shown = await (await post('/quote', { lines, codes: ['WELCOME10'], contact: { email: 'shown@example.com' } })).json();
  const run = Date.now().toString(36);
  // Warm up (JIT, connections, prepared plans).
  for (let i = 0; i < 50; i++) await (await post('/quote', { lines, codes: ['WELCOME10'], contact: { email: `warm${i}@example.com` } })).arrayBuffer();
  const rows = [];
  rows.push({
    store: name,
    route: 'POST /quote',
    ...(await phase(QUOTES, (i) => post('/quote', { lines, codes: ['WELCOME10'], contact: { email: `q${i % 200}@example.com` } }))),
  });
  rows.push({
    store: name,
    route: 'POST /checkout',
    ...(await phase(CHECKOUTS, async (i) =>
      post('/checkout', {
        checkoutId: `bench-${run}-${i}`,
        lines,
        codes: ['WELCOME10'],
        contact: { email: `c${i}-${run}@example.com` },
        confirmationToken: await confirmationToken(),
        expectedTotal: shown.total,
      }),
    )),
  });
  rows.push({ store: name, route: `POST /events ×${BATCH_SIZE}`, ...(await phase(EVENT_BATCHES, () => post('/events', { events: eventBatch() }))) });
  await server.close();
  await sandbox.close();
  return rows;
}

const rows = [];
rows.push(...(await benchStore('PGlite (memory)', await openStore({ kind: 'pglite', memory: true }))));
const pgUrl = process.env.CARTLIFT_TEST_DATABASE_URL || localPostgres();
if (pgUrl) {
  const schema = `bench_${Date.now().toString(36)}`;
  const store = await openStore({ kind: 'postgres', connectionString: pgUrl, schema, max: 10 });
  rows.push(...(await benchStore('PostgreSQL', store)));
  await store.close();
  const pg = await import('pg');
  const client = new pg.default.Client({ connectionString: pgUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
} else {
  console.log("PostgreSQL rows skipped: set CARTLIFT_TEST_DATABASE_URL, or install Debian's postgresql for test/pg/ensure-postgres.sh.");
}

/** The URL of a loopback PostgreSQL started by the test script, or '' when it can't start one. */
function localPostgres() {
  const script = fileURLToPath(new URL('../pg/ensure-postgres.sh', import.meta.url));
  const result = spawnSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000 });
  return result.status === 0 ? result.stdout.trim() : '';
}

console.log(`\nCartlift server on loopback, ${CONCURRENCY} concurrent clients, Stripe = in-process sandbox (same CPU)`);
const pad = (text, width) => String(text).padEnd(width);
const num = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
console.log(
  `${pad('store', 18)}${pad('route', 20)}${pad('requests', 10)}${pad('req/s', 10)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('CPU ms/req', 12)}non-200`,
);
for (const row of rows) {
  console.log(
    `${pad(row.store, 18)}${pad(row.route, 20)}${pad(row.n, 10)}${pad(num(row.perSecond, 0), 10)}${pad(num(row.p50), 9)}${pad(num(row.p99), 9)}${pad(num(row.cpuMsPerRequest, 2), 12)}${row.errors}${row.route.startsWith('POST /events') ? `        = ${num(row.perSecond * BATCH_SIZE, 0)} events/s` : ''}`,
  );
}
process.exit(0);
