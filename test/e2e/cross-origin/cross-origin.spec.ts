import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { drawer, effort, fillCard, fillContact, newEmail, openCart, paidIntentId, payAmount } from '../checkout-helpers';
import { badgeCount, booted, expect, test } from '../fixtures';
import { type OwnServer, root, startOwnServer } from '../own-server';
import { type ShopServer, startShopServer } from './shop-server';

// A shop page on one loopback origin, the Cartlift server (script tag and API) on another,
// as the README's "Add it to a shop" shows for https://shop.example and https://api.shop.example.
const base = Number(process.env.CARTLIFT_E2E_PORT ?? 4173);
const CARTLIFT_PORT = base + 12;
const SHOP_PORT = base + 13;
const OTHER_SHOP_PORT = base + 14;

/** The ready-to-paste policy of docs/script-tag.md, the block after its marker. */
function documentedPolicy(): string {
  const doc = fs.readFileSync(path.join(root, 'docs/script-tag.md'), 'utf8');
  const block = doc.split('<!-- csp-policy -->')[1]?.match(/```\w*\n([\s\S]*?)```/)?.[1];
  if (!block) throw new Error('docs/script-tag.md must hold the shop policy in a fenced block after <!-- csp-policy -->; found none.');
  return block.replace(/^Content-Security-Policy:\s*/, '').trim();
}

/** The documented policy with its example hosts put to this run's: Cartlift's origin, and the sandbox for Stripe's hosts. */
function policyFor(cartlift: string, stripeSandbox: string): string {
  return documentedPolicy()
    .replaceAll('https://api.shop.example', cartlift)
    .replace(/https:\/\/(\*\.)?(js|api|hooks)?\.?stripe\.com/g, stripeSandbox);
}

let cartlift: OwnServer;
let shop: ShopServer;
let otherShop: ShopServer;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  const shopOrigin = `http://127.0.0.1:${SHOP_PORT}`;
  // The one option a shop on another origin needs.
  cartlift = await startOwnServer(CARTLIFT_PORT, { allowedOrigins: [shopOrigin] });
  const config = await (await fetch(`${cartlift.url}/api/cartlift/config`)).json();
  const policy = policyFor(cartlift.url, new URL(config.stripeJsUrl).origin);
  shop = await startShopServer(SHOP_PORT, cartlift.url, policy);
  otherShop = await startShopServer(OTHER_SHOP_PORT, cartlift.url, policy);
});
test.afterAll(async () => {
  await shop?.close();
  await otherShop?.close();
  await cartlift?.stop();
});

const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

async function funnelStep(name: string): Promise<number> {
  const funnel = await (await fetch(`${cartlift.url}/api/cartlift/funnel`)).json();
  return funnel.groups[0].steps.find((step: { name: string }) => step.name === name)?.shoppers ?? 0;
}

test("a shop on an allowed origin: the script tag loads, the drawer shows the server's quote, a card pays, and the funnel arrives", async ({
  page,
  problems,
}) => {
  const quotes: number[] = [];
  const scripts = new Map<string, Record<string, string>>();
  page.on('response', async (response) => {
    const url = response.url();
    if (url === `${cartlift.url}/api/cartlift/quote` && response.ok()) quotes.push((await response.json()).total);
    if (url.startsWith(cartlift.url) && url.endsWith('.js')) scripts.set(new URL(url).pathname.replace(/-[\w-]{8}\.js$/, '.js'), await response.allHeaders());
  });
  await page.goto(shop.url);
  await booted(page);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(badgeCount(page)).toHaveText('1');
  await openCart(page);
  await drawer(page).getByRole('button', { name: 'Checkout', exact: true }).click();
  const e = effort();
  await fillContact(page, e, newEmail('cross-origin'));
  await fillCard(page, e);
  // What the Pay button asks is what the server priced, across origins.
  const shown = await payAmount(page);
  expect(quotes.at(-1)).toBe(shown);
  await drawer(page).getByRole('button', { name: /^Pay / }).click();
  await paidIntentId(page);

  await expect.poll(() => funnelStep('add_to_cart'), { timeout: 15_000 }).toBe(1);
  await expect.poll(() => funnelStep('begin_checkout'), { timeout: 15_000 }).toBe(1);
  await expect.poll(() => funnelStep('purchase'), { timeout: 15_000 }).toBe(1);
  // The script files as public assets: any origin, compressed, the loader briefly cached, chunks for good.
  const loader = scripts.get('/cartlift.js')!;
  expect(loader).toMatchObject({ 'access-control-allow-origin': '*', 'content-encoding': 'br', 'cache-control': 'public, max-age=300' });
  expect(loader.etag).toMatch(/^"[\w-]+-br"$/);
  expect(scripts.get('/cartlift-boot.js')).toMatchObject({ 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=300' });
  const chunks = [...scripts].filter(([name]) => name.startsWith('/chunks/'));
  expect(chunks.length).toBeGreaterThan(0);
  for (const [, headers] of chunks) {
    expect(headers).toMatchObject({ 'access-control-allow-origin': '*', 'content-encoding': 'br', 'cache-control': 'public, max-age=31536000, immutable' });
  }
  // The documented Content Security Policy let everything through.
  expect(await violations(page)).toEqual([]);
  expect(problems.uncaught).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});

test('a shop on an origin not allowed: one console sentence naming the option, and the page keeps working', async ({ page, problems }) => {
  await page.goto(otherShop.url);
  await booted(page);
  // The cart itself lives in the browser: it still counts.
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(badgeCount(page)).toHaveText('1');
  await openCart(page);
  await expect(drawer(page)).toBeVisible();
  const sentence = `Cartlift: Requests from pages on "${otherShop.url}" are refused by this Cartlift server: add "${otherShop.url}" to its allowedOrigins option`;
  await expect.poll(() => problems.consoleErrors.filter((text) => text.startsWith(sentence)).length, { timeout: 10_000 }).toBe(1);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: "The shop's own button" }).click();
  await expect(page.locator('#host-output')).toHaveText('The shop still works.');
  expect(problems.uncaught).toEqual([]);
  expect(await violations(page)).toEqual([]);
});
