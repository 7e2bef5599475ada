import { axeViolations as axe } from '../axe';
import type { Browser, Page } from '@playwright/test';
import { booted, expect, test } from '../fixtures';
import { type ConsoleAccount, type ConsoleServer, startConsoleServer } from './console-server';

// A server of its own (its own database and accounts), beside the demo server the other specs share.
const PORT = Number(process.env.CARTLIFT_E2E_PORT ?? 4173) + 11;

// Typed with money placeholders (issue 14); shown everywhere formatted like the totals.
const PROMOTION = {
  id: 'man-200-jian-50',
  typedEn: 'Spend {money:20000}, save {money:5000}',
  typedZh: '满 {money:20000} 减 {money:5000}',
  en: 'Spend $200.00, save $50.00',
  zh: '满 US$200.00 减 US$50.00',
};

let server: ConsoleServer;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  // Three accounts through the CLI, each opening the embedded database, then the server: over 30 s on a loaded machine.
  test.setTimeout(90_000);
  server = await startConsoleServer(PORT);
});
test.afterAll(async () => {
  await server?.stop();
});

async function signIn(page: Page, account: ConsoleAccount): Promise<void> {
  await page.goto(`${server.url}/api/cartlift/admin`);
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Promotions', level: 1 })).toBeVisible();
}

/** A shopper's tab on the demo storefront with three teapots ($267) in the open drawer. */
async function shopperWithCart(browser: Browser): Promise<Page> {
  const shopper = await browser.newPage();
  await shopper.goto(`${server.url}/`);
  await booted(shopper);
  await shopper.evaluate(() =>
    (window as unknown as { Cartlift: { cart: { add(line: object): Promise<void> } } }).Cartlift.cart.add({
      sku: 'POT-YIXING',
      name: 'Yixing clay teapot',
      price: 8900,
      quantity: 3,
    }),
  );
  await shopper.locator('cartlift-cart').getByRole('button').first().click();
  await expect(shopper.getByRole('dialog').locator('dl')).toContainText('$267.00');
  return shopper;
}

/** Changes the cart in the shopper's open tab, so its drawer asks for a new quote. */
async function requote(shopper: Page, direction: 'One more' | 'One fewer'): Promise<void> {
  await shopper
    .getByRole('dialog')
    .getByRole('button', { name: `${direction} Yixing clay teapot` })
    .click();
}

async function publish(page: Page, note: string): Promise<void> {
  await page.getByRole('link', { name: 'Publish' }).click();
  await page.getByLabel('Note (what changed and why)').fill(note);
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(/Published version \d+/);
}

test('a marketer creates a 满减 promotion in both languages, previews and publishes it; an open shopper tab gets it, loses it when paused, and gets it back on rollback', async ({
  page,
  browser,
  problems,
}) => {
  test.setTimeout(120_000);
  const shopper = await shopperWithCart(browser);
  const applied = shopper.getByRole('dialog').locator('dl');
  await expect(applied).not.toContainText(PROMOTION.en);

  await signIn(page, server.marketer);
  await page.getByRole('link', { name: 'New promotion' }).click();
  await page.getByLabel('Id (letters').fill(PROMOTION.id);
  // A malformed placeholder is refused at its field with the engine's sentence; a good one is previewed as shoppers read it.
  await page.getByLabel('Name (English)').fill('Spend {money:200.00}');
  await expect(page.getByText('name: "{money:200.00}" must be {money:<minor units>}')).toBeVisible();
  await page.getByLabel('Name (English)').fill(PROMOTION.typedEn);
  await page.getByLabel('Name (简体中文)').fill(PROMOTION.typedZh);
  await expect(page.getByText(`Shoppers see: ${PROMOTION.en} / ${PROMOTION.zh}`)).toBeVisible();
  await page.getByLabel('On', { exact: true }).check();
  await page.getByLabel('Type').selectOption('tiered');
  await page.getByLabel('Spend at least (USD)').fill('200');
  // Validated as typed, with the engine's sentence at the field.
  await page.getByLabel('Amount off (USD)').fill('50%');
  await expect(page.getByText('rule.tiers[0].amount must be an amount such as 100.50')).toBeVisible();
  await expect(page.getByLabel('Amount off (USD)')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Amount off (USD)').fill('50');
  await expect(page.getByText('Valid.')).toBeVisible();
  await page.getByRole('button', { name: 'Save to draft' }).click();
  await expect(page.getByRole('status')).toContainText('Saved to the draft');
  const row = page.getByRole('row').filter({ hasText: PROMOTION.en });
  await expect(row).toContainText('draft');

  await page.getByRole('link', { name: 'Preview' }).click();
  await page.getByLabel('Product').selectOption('POT-YIXING');
  await page.getByLabel('Quantity').fill('3');
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Draft' })).toContainText(`${PROMOTION.en}: −$50.00`);
  await expect(page.getByRole('region', { name: 'Live' })).not.toContainText(PROMOTION.en);

  await page.getByRole('link', { name: 'Publish' }).click();
  await expect(page.getByText(PROMOTION.id)).toBeVisible();
  await publish(page, 'Spring 满减');
  const published = Date.now();
  await requote(shopper, 'One more');
  await expect(applied).toContainText(PROMOTION.en);
  console.log(`[console e2e] publish → open shopper tab shows the promotion: ${Date.now() - published} ms`);

  await page.getByRole('link', { name: 'Promotions' }).click();
  await page.getByRole('button', { name: `Pause ${PROMOTION.en}` }).click();
  await expect(page.getByRole('status')).toContainText('paused in the draft');
  await publish(page, 'Pause 满减');
  await requote(shopper, 'One fewer');
  await expect(applied).toContainText('$267.00');
  await expect(applied).not.toContainText(PROMOTION.en);

  await page.getByRole('link', { name: 'Versions' }).click();
  const previous = page.getByRole('row', { name: /Spring 满减/ });
  await previous.getByRole('button', { name: /Roll back to/ }).click();
  await expect(page.getByRole('status')).toContainText(/Rolled back: version \d+ is live/);
  await requote(shopper, 'One more');
  await expect(applied).toContainText(PROMOTION.en);

  // The Chinese label is what a zh-CN marketer sees in the list.
  await page.getByRole('link', { name: 'Promotions' }).click();
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '促销', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: PROMOTION.zh })).toBeVisible();
  await page.getByLabel('语言').selectOption('en');
  expect(problems.uncaught).toEqual([]);
  await shopper.close();
});

test('a change without the CSRF token is refused with 403, and so is a viewer publishing', async ({ page, browser }) => {
  await signIn(page, server.marketer);
  const noToken = await page.request.post(`${server.url}/api/cartlift/admin/api/promotions/publish`, { data: {} });
  expect(noToken.status()).toBe(403);
  expect((await noToken.json()).error.code).toBe('csrf_failed');

  const viewer = await browser.newPage();
  await signIn(viewer, server.viewer);
  await viewer.getByRole('link', { name: 'Publish' }).click();
  await expect(viewer.getByText('Your role (viewer) can look but not change.')).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);
  const session = await (await viewer.request.get(`${server.url}/api/cartlift/admin/api/session`)).json();
  const refused = await viewer.request.post(`${server.url}/api/cartlift/admin/api/promotions/publish`, {
    data: {},
    headers: { 'x-cartlift-csrf': session.csrfToken },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe('forbidden');
  await viewer.close();
});

test('10,000 single-use codes are generated in the background with progress and downloaded as CSV', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, server.marketer);
  await page.getByRole('link', { name: 'New promotion' }).click();
  await page.getByLabel('Id (letters').fill('vip-codes');
  await page.getByLabel('Name (English)').fill('VIP ¥20 off');
  await page.getByLabel('Name (简体中文)').fill('VIP 立减 ¥20');
  await page.getByLabel('Type').selectOption('amount_off');
  await page.getByLabel('Amount off (USD)').fill('20');
  await page.getByLabel('How shoppers get it').selectOption('unique');
  await page.getByRole('button', { name: 'Save to draft' }).click();
  await expect(page.getByRole('status')).toContainText('Saved to the draft');
  await page
    .getByRole('row', { name: /VIP ¥20 off/ })
    .getByRole('link', { name: 'Codes' })
    .click();
  await page.getByLabel('How many').fill('10000');
  await page.getByLabel('Prefix').fill('VIP-');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.locator('progress').first()).toHaveAttribute('max', '10000');
  await expect(page.getByText('10000 of 10000')).toBeVisible({ timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
  const csv = await (await download.createReadStream()).toArray();
  const lines = Buffer.concat(csv).toString('utf8').trim().split('\r\n');
  expect(lines[0]).toBe('code,status,order');
  expect(lines).toHaveLength(10_001);
  const codes = lines.slice(1).map((line) => line.split(',')[0]!);
  expect(new Set(codes).size).toBe(10_000);
  expect(codes.every((code) => /^VIP-[ACDEFGHJKMNPQRTUVWXY34679]{10}$/.test(code))).toBe(true);
});

test('the audit log lists each step, filterable by action and user', async ({ page }) => {
  await signIn(page, server.owner);
  await page.getByRole('link', { name: 'Audit log' }).click();
  const log = page.locator('tbody');
  for (const action of ['login', 'draft_saved', 'promotions_published', 'codes_generated']) await expect(log).toContainText(action);
  await page.getByLabel('Action').selectOption('promotions_published');
  // Publish, publish the pause, roll back: the import at first start is no one's change.
  await expect(log.getByRole('row')).toHaveCount(3);
  await page.getByLabel('User').fill(server.viewer.email);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(log.getByRole('row')).toHaveCount(0);
});

const SCREENS = [
  'promotions',
  'promotions/new',
  'preview',
  'publish',
  'versions',
  'orders',
  'funnel',
  'reviews',
  'audit',
  'users',
  'promotions/vip-codes/codes',
];

for (const viewport of [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`every screen has 0 axe violations on ${viewport.name}, in English and Chinese, with nothing wider than the screen`, async ({ page, problems }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(viewport);
    await signIn(page, server.owner);
    for (const locale of ['en', 'zh-CN']) {
      await page.locator('header select').selectOption(locale);
      for (const screen of SCREENS) {
        await page.goto(`${server.url}/api/cartlift/admin#/${screen}`);
        await expect(page.locator('h1')).toBeFocused();
        await expect(page.locator('.loading')).toHaveCount(0);
        expect(await axe(page), `${screen} (${locale}, ${viewport.name})`).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${screen} is wider than the screen`).toBeLessThanOrEqual(0);
      }
    }
    expect(problems.uncaught).toEqual([]);
  });
}

test('the console works from the keyboard alone: sign in, reach a promotion, edit and save', async ({ page }) => {
  await page.goto(`${server.url}/api/cartlift/admin/login`);
  await expect(page.getByRole('heading', { name: 'Sign in to the Cartlift console' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.keyboard.type(server.marketer.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(server.marketer.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Promotions', level: 1 })).toBeFocused();
  const link = page.getByRole('link', { name: 'WELCOME10: 10% off' });
  for (let presses = 0; presses < 40 && !(await link.evaluate((element) => element === document.activeElement)); presses++) await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  const outline = await link.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Edit promotion welcome10' })).toBeFocused();
  await page.getByLabel('Priority (higher first)').focus();
  await page.keyboard.type('7');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Saved to the draft');
});
