import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { BASE_PATH, type RealCollector, startRealCollector } from './real-server.mjs';

// Delivery harness (issue 6): the shipped builds in real Chromium, 200 events
// across page bounces ~400 ms after load, offline/online flips, three tabs at
// once, and the real @cartlift/server collector (POST /events, PGlite) behind a
// proxy failing 30% of requests (500, 503/429 + Retry-After).

const root = path.resolve(import.meta.dirname, '../../..');
const dist = (pkg: string) => path.join(root, 'packages', pkg, 'dist');
const TOTAL = 200;

let collector: RealCollector;

test.beforeAll(async () => {
  if (!fs.existsSync(path.join(dist('analytics'), 'index.js')) || !fs.existsSync(path.join(dist('core'), 'index.js'))) {
    execFileSync('npx', ['rollup', '-c', '--silent'], { cwd: root, env: { ...process.env, CARTLIFT_PACKAGES: 'core,analytics' }, stdio: 'inherit' });
  }
  const serverBuilt =
    fs.existsSync(dist('server')) &&
    fs
      .readdirSync(path.join(dist('server'), 'chunks'))
      .some((f) => f.endsWith('.js') && fs.readFileSync(path.join(dist('server'), 'chunks', f), 'utf8').includes('cartlift_analytics_events'));
  if (!serverBuilt) throw new Error('packages/server/dist has no POST /events yet: run "npm run build" before "npm run test:delivery".');
  collector = await startRealCollector({
    failRate: 0.3,
    retryAfter: 1,
    seed: 2024,
    files: { '/page.html': path.join(import.meta.dirname, 'page.html'), '/page.mjs': path.join(import.meta.dirname, 'page.mjs') },
    dirs: {
      '/dist/core/': dist('core'),
      '/dist/analytics/': dist('analytics'),
      '/dist/idb-keyval/': path.join(root, 'node_modules/idb-keyval/dist'),
    },
  });
});

test.afterAll(async () => {
  await collector?.close();
});

test('delivers ≥ 99.9% of 200 events with 0 duplicates after dedupe', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext();
  const url = `${collector.url}/page.html?endpoint=${encodeURIComponent(BASE_PATH)}&tag`;
  const problems: string[] = [];
  const tracked = new Set<string>();
  let next = 0;
  const take = (n: number) => Array.from({ length: Math.max(0, Math.min(n, TOTAL - next)) }, () => `s${next++}`);
  const track = async (page: Page, n: number) => {
    const seqs = take(n);
    if (!seqs.length) return;
    await page.evaluate((s) => (window as unknown as { track(s: string[]): void }).track(s), seqs);
    for (const s of seqs) tracked.add(s);
  };
  // Which harness page each tab shows, and when the test started leaving each page (navigation or close).
  const showing = new Map<Page, string>();
  const tabOf = new Map<string, number>();
  const leftAt = new Map<string, number>();
  const leave = (page: Page) => showing.has(page) && leftAt.set(showing.get(page)!, Date.now());
  const open = async (page: Page) => {
    leave(page);
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
    const id = await page.evaluate(() => (window as unknown as { pageId: string }).pageId);
    showing.set(page, id);
    tabOf.set(id, tabs.indexOf(page));
  };
  // What the tab's pages beaconed at pagehide (page.mjs sums it in sessionStorage), plus the open page's count.
  const beaconedIn = (page: Page) =>
    page.evaluate(
      () =>
        Number(sessionStorage.getItem('harness-beaconed') ?? 0) +
        (window as unknown as { analyticsPlugin: { counters: { beaconed: number } } }).analyticsPlugin.counters.beaconed,
    );
  const tabs = await Promise.all([0, 1, 2].map(() => context.newPage()));
  for (const tab of tabs) tab.on('pageerror', (e) => problems.push(e.message));

  // A bounce: load, a burst of events, one more ~400 ms after load, leave at once.
  const bounce = async (page: Page) => {
    await open(page);
    await track(page, 4);
    await page.waitForTimeout(300 + Math.random() * 100);
    await track(page, 1);
  };

  let round = 0;
  const started = Date.now();
  while (next < TOTAL) {
    await Promise.all(tabs.map(bounce));
    if (++round % 3 === 0 && next < TOTAL) {
      // Offline: the pages stay, keep tracking, and their sends fail until back online.
      await context.setOffline(true);
      await Promise.all(tabs.map((tab) => track(tab, 2)));
      await tabs[0]!.waitForTimeout(700);
      await context.setOffline(false);
    }
  }
  const beaconed = (await Promise.all(tabs.map(beaconedIn))).reduce((a, b) => a + b, 0);
  // Two tabs close mid-flight: the third must adopt whatever they left behind.
  await Promise.all(
    tabs.slice(1).map((tab) => {
      leave(tab);
      return tab.close();
    }),
  );
  const generated = Date.now() - started;

  for (let i = 0; i < 120 && new Set(await collector.storedSeqs()).size < tracked.size; i++) await tabs[0]!.waitForTimeout(250);
  const seqs = await collector.storedSeqs();
  const delivered = [...tracked].filter((s) => seqs.includes(s)).length;
  const missing = [...tracked].filter((s) => !seqs.includes(s));
  if (missing.length) console.log(`  missing: ${missing.join(' ')}`);
  // Per logical event (harness seq): one stored event_id, i.e. no event was re-created under a new id.
  const duplicatesAfterDedupe = seqs.length - new Set(seqs).size;
  // Across tabs: an event may reach the collector from a second page only once the page that had it is gone (its
  // unload beacon, its stash or queue adopted by another tab: resends the collector dedupes). Two pages that were
  // both still open when the later of their two requests arrived both sending it is what "no event is sent by two tabs" forbids.
  const pagesOf = new Map<string, Map<string, number>>(); // event_id → page → arrival of its first 2xx request
  for (const { id, page, at } of collector.deliveries) {
    const pages = pagesOf.get(id) ?? new Map<string, number>();
    if (page && !pages.has(page)) pages.set(page, at);
    pagesOf.set(id, pages);
  }
  const isOpen = (page: string, at: number) => (leftAt.get(page) ?? Infinity) > at;
  let sentByTwoPages = 0;
  const sentByTwoOpenPages: string[] = [];
  for (const [id, pages] of pagesOf) {
    const order = [...pages].sort((a, b) => a[1] - b[1]);
    if (order.length > 1) sentByTwoPages++;
    for (let j = 1; j < order.length; j++) {
      const [later, at] = order[j]!;
      const both = order.slice(0, j).find(([earlier]) => isOpen(earlier, at) && isOpen(later, at));
      if (both) {
        const how = (page: string) => {
          const d = collector.deliveries.find((x) => x.id === id && x.page === page)!;
          return `page ${page.slice(0, 8)} (tab ${tabOf.get(page)}, ${d.beacon ? 'beacon' : 'fetch'} at ${d.at - started} ms, left ${leftAt.has(page) ? `at ${leftAt.get(page)! - started} ms` : 'never'})`;
        };
        sentByTwoOpenPages.push(`${id} (${collector.deliveries.find((x) => x.id === id)?.seq}): ${how(both[0])}, then ${how(later)}`);
      }
    }
  }
  if (sentByTwoOpenPages.length) console.log(`  sent by two open pages:\n    ${sentByTwoOpenPages.join('\n    ')}`);
  const counters = await tabs[0]!.evaluate(() => (window as unknown as { analyticsPlugin: { counters: unknown } }).analyticsPlugin.counters);
  const { proxy } = collector;
  const server = await collector.serverStats();
  console.log(
    [
      `analytics delivery: ${delivered}/${tracked.size} delivered (${((100 * delivered) / tracked.size).toFixed(2)}%), ${duplicatesAfterDedupe} duplicates after dedupe`,
      `  ${round} rounds × 3 tabs in ${generated} ms, drained ${Date.now() - started - generated} ms later`,
      `  cross-tab: ${sentByTwoPages} event ids delivered (2xx) by two pages, ${sentByTwoOpenPages.length} of them while both pages were open; ${beaconed} events beaconed at pagehide (${proxy.beacons} beacon requests seen)`,
      `  real server behind the proxy: ${proxy.requests} requests, ${proxy.failed} failed on purpose, ${server.batches} batches read, ${server.accepted} events stored, ${server.duplicates} resends deduplicated by event_id, ${server.invalid} invalid, ${server.refused} batches refused`,
      ...(delivered < tracked.size
        ? [
            `  missing: ${[...tracked]
              .filter((s) => !seqs.includes(s))
              .map((s) => `${s}${collector.failedSeqs.has(s) ? ' (sent once, failed on purpose, never resent)' : ' (never reached the collector)'}`)
              .join(', ')}`,
          ]
        : []),
      `  last tab's counters: ${JSON.stringify(counters)}`,
    ].join('\n'),
  );
  expect(problems).toEqual([]);
  expect(tracked.size).toBe(TOTAL);
  expect(delivered / tracked.size).toBeGreaterThanOrEqual(0.999);
  expect(duplicatesAfterDedupe).toBe(0);
  expect(sentByTwoOpenPages).toEqual([]);
  expect(collector.deliveries.length).toBeGreaterThanOrEqual(seqs.length);
  expect(beaconed).toBeGreaterThan(0);
  expect(server.invalid).toBe(0);
  expect(server.stored).toBe(seqs.length);
  await context.close();
});
