import type { Page } from '@playwright/test';
import { booted, downloads, expect, test } from './fixtures';

type Plugin = { flush(): Promise<void>; counters: { tracked: number; sent: number; dropped: number; discarded: number } };

/** The page's analytics plugin's running totals. */
const analyticsCounters = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { Cartlift: { use(name: string): Promise<Plugin> } }).Cartlift.use('analytics').then((plugin) => ({ ...plugin.counters })),
  );

/** Sends what the page's analytics plugin holds now, instead of waiting for its batch timer. */
const flushAnalytics = (page: Page) =>
  page.evaluate(() => (window as unknown as { Cartlift: { use(name: string): Promise<Plugin> } }).Cartlift.use('analytics').then((plugin) => plugin.flush()));

test("Cartlift.use('analytics') loads on demand and delivers events from before it loaded to the real collector", async ({ page, problems }) => {
  const posts: string[] = [];
  page.on('request', (r) => r.url().endsWith('/api/cartlift/events') && posts.push(r.method()));
  await page.goto('/');
  await booted(page);
  // Before the analytics chunk exists on the page.
  await page.getByRole('button', { name: /Add two/ }).click();
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  const counters = () =>
    page.evaluate(async () => {
      const plugin = await (window as unknown as { Cartlift: { use(name: string, o?: object): Promise<Plugin> } }).Cartlift.use('analytics', {
        batch: { wait: 50 },
      });
      await plugin.flush();
      return { ...plugin.counters };
    });
  await expect.poll(async () => (await counters()).sent, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
  const final = await counters();
  expect(requested.some((p) => p.includes('/chunks/analytics-'))).toBe(true);
  // GA4 and Segment are chunks of their own, fetched only by pages that name them.
  expect(requested.filter((p) => /\/chunks\/(ga4|segment)-/.test(p))).toEqual([]);
  expect(final.sent).toBe(final.tracked);
  expect(final.dropped).toBe(0);
  expect(posts.length).toBeGreaterThan(0);
  expect(problems.uncaught).toEqual([]);
});

test('destinations by name: GA4 comes in its own chunk and gets the events in major units; Segment is never fetched', async ({ page, problems }) => {
  const requested: string[] = [];
  page.on('request', (r) => downloads(r) && requested.push(new URL(r.url()).pathname));
  await page.goto('/');
  await booted(page);
  await page.evaluate(async () => {
    const w = window as unknown as { dataLayer: unknown[]; Cartlift: { use(name: string, o?: object): Promise<Plugin> } };
    w.dataLayer = [];
    await w.Cartlift.use('analytics', { destinations: ['collector', ['ga4', { dataLayer: w.dataLayer }]] });
  });
  await page.getByRole('button', { name: /Add two/ }).click();
  const pushed = () =>
    page.evaluate(() =>
      (window as unknown as { dataLayer: Array<{ event?: string; ecommerce?: { value: number; currency: string } }> }).dataLayer.filter(
        (e) => e.event === 'add_to_cart',
      ),
    );
  await expect.poll(async () => (await pushed()).length).toBe(1);
  const [added] = await pushed();
  // Two gift sets at $35.00: GA4 takes major units.
  expect(added!.ecommerce).toMatchObject({ currency: 'USD', value: 70 });
  expect(requested.filter((p) => p.includes('/chunks/ga4-'))).toHaveLength(1);
  expect(requested.filter((p) => p.includes('/chunks/segment-'))).toEqual([]);
  const refused = await page.evaluate(() =>
    (window as unknown as { Cartlift: { use(name: string, o?: object): Promise<unknown> } }).Cartlift.use('analytics', { destinations: ['gtm'] }).then(
      () => 'installed',
      (e: Error) => e.message,
    ),
  );
  // The plugin is installed once; later calls resolve to it and ignore their options.
  expect(refused).toBe('installed');
  expect(problems.uncaught).toEqual([]);
});

test("the demo's consent footer: nothing is sent before an answer; Allow sends the earlier steps too, and the funnel report shows them", async ({
  page,
  problems,
}) => {
  const sent: string[] = [];
  page.on('requestfinished', async (request) => {
    if (!request.url().endsWith('/api/cartlift/events') || request.method() !== 'POST') return;
    const status = (await request.response())?.status();
    for (const event of JSON.parse(request.postData() ?? '{"events":[]}').events as Array<{ name: string }>) sent.push(`${event.name}:${status}`);
  });
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto('/');
  await booted(page);
  await page.getByRole('button', { name: /Add two/ }).click();
  // Before an answer the demo does not load analytics at all (asking the page for the plugin here would
  // create it, with consent granted): the page heard the add, and no analytics chunk was fetched, nothing posted.
  await expect(page.locator('html')).toHaveAttribute('data-last-added', /.+/);
  expect(requested.filter((path) => path.includes('/chunks/analytics-'))).toEqual([]);
  expect(sent).toEqual([]);
  await page.getByRole('button', { name: /^Allow/ }).click();
  await expect(page.locator('#consent-status')).toHaveText('Thank you: this visit is counted.');
  await flushAnalytics(page);
  await expect.poll(() => sent).toEqual(expect.arrayContaining(['view_item:200', 'add_to_cart:200']));
  // The answer is remembered: the next page sends without asking.
  await page.reload();
  await booted(page);
  await page
    .getByRole('button', { name: /^Add to cart/ })
    .first()
    .click();
  await flushAnalytics(page);
  await expect.poll(() => sent.filter((s) => s === 'add_to_cart:200').length).toBe(2);
  const report = await page.request.get('/api/cartlift/funnel/report');
  expect(report.status()).toBe(200);
  // Browser-only steps are marked as such (anyone can post events).
  expect(await report.text()).toMatch(/Viewed a product <small class="source">\(reported by browsers, not verified\)<\/small><\/th><td class="num">[1-9]/);
  expect(problems.uncaught).toEqual([]);
});

test("the demo's consent footer: No thanks sends nothing", async ({ page, problems }) => {
  const posts: string[] = [];
  page.on('request', (r) => r.url().endsWith('/api/cartlift/events') && posts.push(r.method()));
  await page.goto('/');
  await booted(page);
  await page.getByRole('button', { name: /^No thanks/ }).click();
  await expect(page.locator('#consent-status')).toHaveText('Nothing from this visit is counted.');
  await page.getByRole('button', { name: /Add two/ }).click();
  // Heard and discarded (consent denied), and a flush is over without a request.
  await expect.poll(() => analyticsCounters(page).then((counters) => counters.discarded)).toBeGreaterThanOrEqual(1);
  await flushAnalytics(page);
  expect(posts).toEqual([]);
  expect(problems.uncaught).toEqual([]);
});
