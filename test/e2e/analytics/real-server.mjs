// The delivery harness's collector: the REAL @cartlift/server (built dist,
// embedded PGlite in memory) behind a thin proxy that fails a share of
// `POST /events` requests (500, 503 and 429 with Retry-After) before they reach
// it, and serves the harness page and the built packages.
import http from 'node:http';
import { closeServer, prng, staticFiles } from './fixture-kit.mjs';
import { createCartliftHandler, createSqlStore, openPGlite, toNodeListener } from '@cartlift/server';

export const BASE_PATH = '/api/cartlift';

/**
 * Starts the real server plus the fault-injecting proxy on 127.0.0.1.
 * Options: failRate (0–1), retryAfter (seconds), seed, files ({ '/url': '/abs/path' }), dirs ({ '/prefix/': '/abs/dir' }).
 */
export async function startRealCollector({ failRate = 0, retryAfter = 1, seed = 1, files = {}, dirs = {} } = {}) {
  const random = prng(seed);
  const serveStatic = staticFiles(files, dirs);
  const db = await openPGlite({ memory: true });
  const store = createSqlStore(db);
  await store.migrate();
  const handler = createCartliftHandler({
    currency: 'USD',
    catalog: [{ sku: 'TEA-LJ-100', name: 'Longjing', price: 2400, currency: 'USD' }],
    // No Stripe call is made by the analytics routes.
    stripe: { publishableKey: 'pk_test_harness', secretKey: 'sk_test_harness' },
    store,
  });
  const real = toNodeListener(handler);
  const proxy = { requests: 0, failed: 0, beaconLike: 0, beacons: 0 };
  // Every event in a request the real server answered 2xx: which page sent it (the harness page's ?page=) and when it arrived.
  const deliveries = [];
  // Harness sequence ids seen in requests failed on purpose: tells a lost event that never came from one nobody resent.
  const failedSeqs = new Set();

  const fail = (req, res) => {
    proxy.failed++;
    const pick = random();
    const status = pick < 1 / 3 ? 500 : pick < 2 / 3 ? 503 : 429;
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk)); // read the body, as a real server that failed would have
    req.on('end', () => {
      try {
        for (const e of JSON.parse(Buffer.concat(chunks).toString('utf8')).events ?? []) if (e?.seq) failedSeqs.add(e.seq);
      } catch {}
      res.writeHead(status, { 'content-type': 'application/json', ...(status === 500 ? {} : { 'retry-after': String(retryAfter) }) });
      res.end(JSON.stringify({ error: { code: 'injected', message: 'Injected failure; retry later.' } }));
    });
  };

  // Passes a POST /events on to the real handler itself, so it can read the body and see the answer.
  const relay = async (req, res, url) => {
    const at = Date.now();
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const headers = Object.entries(req.headers).filter(([k]) => !['connection', 'content-length', 'transfer-encoding', 'keep-alive'].includes(k));
    const response = await handler(
      new Request(new URL(req.url, `http://${req.headers.host}`), { method: 'POST', headers: headers.map(([k, v]) => [k, String(v)]), body }),
      {
        clientIp: req.socket.remoteAddress ?? '',
      },
    );
    const reply = Buffer.from(await response.arrayBuffer());
    if (response.ok) {
      try {
        const beacon = req.headers['sec-fetch-mode'] === 'no-cors';
        for (const e of JSON.parse(body.toString('utf8')).events ?? [])
          deliveries.push({ id: e?.event_id, seq: e?.seq, page: url.searchParams.get('page'), at, beacon });
      } catch {}
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(reply);
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith(`${BASE_PATH}/`)) {
      if (url.pathname === `${BASE_PATH}/events` && req.method === 'POST') {
        proxy.requests++;
        if (String(req.headers['content-type'] ?? '').startsWith('text/plain')) proxy.beaconLike++;
        // sendBeacon's requests are no-cors; the plugin's fetch is cors.
        if (req.headers['sec-fetch-mode'] === 'no-cors') proxy.beacons++;
        if (failRate > 0 && random() < failRate) return fail(req, res);
        return void relay(req, res, url).catch((error) => {
          console.error('[harness proxy]', error);
          if (!res.headersSent) res.writeHead(502).end();
        });
      }
      return void real(req, res);
    }
    if (!serveStatic(url.pathname, res)) res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    endpoint: `${origin}${BASE_PATH}`,
    proxy,
    failedSeqs,
    deliveries,
    /** The server's own counters (GET /events/stats; loopback needs no token). */
    async serverStats() {
      return (await fetch(`${origin}${BASE_PATH}/events/stats`)).json();
    },
    /** The stored events' harness sequence ids, one row per stored event_id. */
    async storedSeqs() {
      const { rows } = await db.query("SELECT payload ->> 'seq' AS seq FROM cartlift_analytics_events");
      return rows.map((row) => row.seq);
    },
    close: async () => {
      await closeServer(server);
      await store.close();
    },
  };
}
