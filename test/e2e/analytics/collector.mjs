// A small in-process collector for the analytics plugin's unit tests and
// benchmark, where starting @cartlift/server would cost more than the test (the
// delivery harness uses the real server: real-server.mjs). It speaks the wire format of docs/analytics.md, dedupes by event_id, can fail a
// share of requests (500, 503 and 429 with Retry-After) and serves static files.
import http from 'node:http';
import { closeServer, prng, staticFiles } from './fixture-kit.mjs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_BODY = 64 * 1024;

/** One event's problem as a sentence, or undefined when it is acceptable. */
function invalid(e) {
  if (!e || typeof e !== 'object') return { code: 'invalid_event', message: `Each event must be an object; received ${JSON.stringify(e)}.`, field: 'events' };
  if (typeof e.event_id !== 'string' || !UUID.test(e.event_id))
    return { code: 'invalid_event', message: `event_id must be a UUID; received ${JSON.stringify(e.event_id)}.`, field: 'event_id' };
  if (typeof e.name !== 'string' || e.name === '')
    return { code: 'invalid_event', message: `name must be a funnel event name; received ${JSON.stringify(e.name)}.`, field: 'name' };
  if (e.name === 'purchase' && (typeof e.transaction_id !== 'string' || e.transaction_id === ''))
    return { code: 'invalid_event', message: 'purchase.transaction_id must be a non-empty string.', field: 'transaction_id' };
  return undefined;
}

/**
 * Starts the collector on 127.0.0.1 (port 0 = any free port).
 * Options: failRate (0–1), retryAfter (seconds), seed, files ({ '/url': '/abs/path' }), dirs ({ '/prefix/': '/abs/dir' }), basePath ('/events' lives under it),
 * failFirst (the first n requests fail, with failStatus: 500, 503 or 429, the latter two with Retry-After).
 */
export async function startCollector({ failRate = 0, retryAfter = 1, seed = 1, files = {}, dirs = {}, basePath = '', failFirst = 0, failStatus = 429 } = {}) {
  const random = prng(seed);
  const serveStatic = staticFiles(files, dirs);
  const stored = new Map(); // event_id → event
  const stats = { requests: 0, failed: 0, received: 0, duplicates: 0, invalid: 0, beaconLike: 0 };
  const settings = { failRate, retryAfter };
  const log = []; // { at: arrival time in ms, status } per POST /events

  const json = (res, status, body, headers = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'cache-control': 'no-store', ...headers });
    res.end(JSON.stringify(body));
  };

  async function events(req, res) {
    const entry = { at: Date.now(), status: 0 };
    log.push(entry);
    res.on('finish', () => (entry.status = res.statusCode));
    stats.requests++;
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
      size += chunk.length;
      if (size > MAX_BODY) return json(res, 413, { error: { code: 'too_large', message: `The body must be at most ${MAX_BODY} bytes.`, field: 'body' } });
      chunks.push(chunk);
    }
    if (stats.requests <= failFirst) {
      stats.failed++;
      return json(
        res,
        failStatus,
        { error: { code: 'injected', message: 'Injected failure; retry later.' } },
        failStatus === 500 ? {} : { 'retry-after': String(settings.retryAfter) },
      );
    }
    if (settings.failRate > 0 && random() < settings.failRate) {
      stats.failed++;
      const pick = random();
      if (pick < 1 / 3) return json(res, 500, { error: { code: 'injected', message: 'Injected failure.' } });
      return json(
        res,
        pick < 2 / 3 ? 503 : 429,
        { error: { code: 'injected', message: 'Injected failure; retry later.' } },
        { 'retry-after': String(settings.retryAfter) },
      );
    }
    if (String(req.headers['content-type'] ?? '').startsWith('text/plain')) stats.beaconLike++;
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return json(res, 400, { error: { code: 'invalid_json', message: 'The body must be JSON: {"events":[…]}.', field: 'body' } });
    }
    if (!Array.isArray(body?.events))
      return json(res, 400, {
        error: { code: 'invalid_batch', message: `events must be an array; received ${JSON.stringify(body?.events)}.`, field: 'events' },
      });
    let accepted = 0;
    let duplicates = 0;
    const bad = [];
    for (const e of body.events) {
      stats.received++;
      const problem = invalid(e);
      if (problem) {
        stats.invalid++;
        bad.push({ event_id: e?.event_id, ...problem });
      } else if (stored.has(e.event_id)) {
        duplicates++;
        stats.duplicates++;
      } else {
        stored.set(e.event_id, e);
        accepted++;
      }
    }
    json(res, 200, { accepted, duplicates, invalid: bad });
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type' }).end();
      return;
    }
    if (url.pathname === `${basePath}/events` && req.method === 'POST')
      return void events(req, res).catch(() => json(res, 400, { error: { code: 'bad_request', message: 'The request could not be read.' } }));
    if (!serveStatic(url.pathname, res)) res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    settings,
    /** Each POST /events: when it arrived (ms) and the status it got. */
    log,
    /** Events stored after dedupe, in arrival order. */
    stored: () => [...stored.values()],
    close: () => closeServer(server),
  };
}
