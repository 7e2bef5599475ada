import { booted, expect, test } from './fixtures';

type Plugin = { flush(): Promise<void>; counters: { tracked: number; sent: number; dropped: number } };

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
      const plugin = await (window as unknown as { Cartlift: { use(name: string, o?: object): Promise<Plugin> } }).Cartlift.use('analytics', { batch: { wait: 50 } });
      await plugin.flush();
      return { ...plugin.counters };
    });
  await expect.poll(async () => (await counters()).sent, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
  const final = await counters();
  expect(requested.some((p) => p.includes('/chunks/analytics-'))).toBe(true);
  expect(final.sent).toBe(final.tracked);
  expect(final.dropped).toBe(0);
  expect(posts.length).toBeGreaterThan(0);
  expect(problems.uncaught).toEqual([]);
});
