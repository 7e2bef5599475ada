import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// A shop on another origin loads the script tag from the Cartlift server, as
// from a CDN: the loader is a classic script, but cartlift-boot.js and the
// chunks are modules, which the browser fetches with CORS. The shop is a
// server of its own on localhost (a page Playwright made up would count as
// public, and meet Chromium's local-network checks instead of CORS).
const integrity = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../packages/cartlift/dist/cdn/integrity.json'), 'utf8')) as Record<
  string,
  string
>;

let shop: Server;
let shopUrl: string;
const pages = new Map<string, string>();
test.beforeAll(async () => {
  shop = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(pages.get(req.url ?? '/') ?? '');
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  shopUrl = `http://localhost:${(shop.address() as { port: number }).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => shop.close(() => resolve())));

function shopPage(name: string, baseURL: string, attributes: string): string {
  pages.set(
    `/${name}`,
    `<!doctype html><title>Shop</title><main><button data-cartlift-open-cart>Cart</button></main>
<script src="${baseURL}/cartlift.js" data-endpoint="${baseURL}/api/cartlift" ${attributes} defer></script>`,
  );
  return `${shopUrl}/${name}`;
}

const bootedHere = (page: Page) => page.waitForFunction(() => (window as { Cartlift?: { cart?: unknown } }).Cartlift?.cart !== undefined);

test('a page on another origin boots the script tag served by cartlift-server and fetches its chunks', async ({ page, baseURL, problems }) => {
  const chunkHeaders: Record<string, string>[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(`${baseURL}/chunks/`)) chunkHeaders.push(response.headers());
  });
  await page.goto(shopPage('plain', baseURL!, ''));
  await bootedHere(page);
  await page.getByRole('button', { name: 'Cart' }).click();
  await expect.poll(() => chunkHeaders.length).toBeGreaterThan(0);
  expect(chunkHeaders[0]).toMatchObject({ 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=31536000, immutable' });
  expect(problems.uncaught).toEqual([]);
});

test("the loader's hash in integrity.json is the one the browser checks", async ({ page, baseURL, problems }) => {
  await page.goto(shopPage('pinned', baseURL!, `integrity="${integrity['cartlift.js']}" crossorigin="anonymous"`));
  await bootedHere(page);
  expect(problems.uncaught).toEqual([]);
  await page.goto(shopPage('wrong', baseURL!, `integrity="sha384-${'A'.repeat(64)}" crossorigin="anonymous"`));
  await expect.poll(() => problems.consoleErrors.join('\n')).toContain('integrity');
  expect(await page.evaluate(() => 'Cartlift' in window)).toBe(false);
});
