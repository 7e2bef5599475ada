import path from 'node:path';
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { axeViolations } from './axe';
import { drawer, effort, fillCard, fillContact, newEmail, openCart, paidIntentId } from './checkout-helpers';
import { booted, expect, test } from './fixtures';
import { bin, root, type OwnServer, startOwnServer } from './own-server';

// A server of its own, started as `npm start` is (--demo-reviews: the seed, and review links printed as the demo's "email").
const PORT = Number(process.env.CARTLIFT_E2E_PORT ?? 4173) + 1;
const OWNER = { email: 'owner@shop.example', password: 'owner-passphrase-for-e2e' };
const PHOTO = path.join(import.meta.dirname, 'files/review-photo.jpg');
let server: OwnServer;
let printed = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  server = await startOwnServer(
    PORT,
    {},
    (config) =>
      execFileSync(process.execPath, [bin, 'admin', 'add', OWNER.email, '--role', 'owner', '--password-stdin', '--config', config], {
        input: OWNER.password,
        cwd: root,
      }),
    { args: ['--demo-reviews'], output: (text) => (printed += text) },
  );
});

test.afterAll(async () => {
  await server?.stop();
});

/** The review links the server printed for an order, by product name. */
async function linksOf(paymentIntentId: string): Promise<Record<string, string>> {
  await expect.poll(() => printed.includes(`order ${paymentIntentId}`)).toBe(true);
  const block = printed
    .slice(printed.lastIndexOf(`order ${paymentIntentId}`))
    .split('\n')
    .slice(1);
  const lines = block.filter((line) => line.startsWith('  ')).map((line) => line.trim().split(': '));
  return Object.fromEntries(lines.map(([name, url]) => [name!, url!]));
}

/** A paid order of the tea and the cup, through the drawer and the sandbox; its thank-you screen stays open. */
async function buyTeaAndCup(page: Page): Promise<string> {
  await page.goto(`${server.url}/`);
  await booted(page);
  await page
    .getByRole('button', { name: /Add to cart/ })
    .nth(0)
    .click();
  await page
    .getByRole('button', { name: /Add to cart/ })
    .nth(1)
    .click();
  await openCart(page);
  await drawer(page).getByRole('button', { name: 'Checkout', exact: true }).click();
  await fillContact(page, effort(), newEmail('review'));
  await fillCard(page, effort());
  await drawer(page).getByRole('button', { name: /^Pay / }).click();
  return paidIntentId(page);
}

const form = (page: Page) => page.getByRole('dialog', { name: /review|评价/i });

test('a paid order mails review links; "Review later" sends them again; a link opens the form, which sends a verified review with a photo by keyboard', async ({
  page,
  problems,
}) => {
  test.setTimeout(90_000);
  const intent = await buyTeaAndCup(page);
  const links = await linksOf(intent);
  expect(Object.keys(links).sort()).toEqual(['Celadon tea cup', 'West Lake Longjing tea 100 g']);
  expect(links['Celadon tea cup']).toMatch(new RegExp(`^${server.url}/\\?cartlift-review=[\\w-]+\\.[\\w-]+$`));

  // The thank-you screen's "Review later": the server mails (here: prints) the links again, once a day.
  const before = printed.split(`order ${intent}`).length;
  await drawer(page).getByRole('button', { name: 'Email me a link to review this later' }).click();
  await expect(drawer(page).getByText('Sent: the review links are on their way to your email.')).toBeVisible();
  await expect.poll(() => printed.split(`order ${intent}`).length).toBe(before + 1);
  // After a reload the shown order keeps its checkout id: asked again the same day, the server mails nothing.
  await page.reload();
  await drawer(page).getByRole('button', { name: 'Email me a link to review this later' }).click();
  await expect(drawer(page).getByText('The review links were already sent today.')).toBeVisible();
  expect(printed.split(`order ${intent}`).length).toBe(before + 1);

  // The link, on a desktop: the product is named, nothing is sent until the form is right.
  await page.goto(links['Celadon tea cup']!);
  await expect(form(page).getByRole('heading', { name: 'Review Celadon tea cup' })).toBeVisible();
  expect(await axeViolations(page), 'the empty form').toEqual([]);
  await form(page).getByRole('button', { name: 'Send review' }).click();
  await expect(form(page).getByRole('status')).toHaveText('Please check the marked fields.');
  await expect(form(page).locator('#rating-problem')).toHaveText('rating must be a whole number from 1 to 5; received 0.');
  await expect(form(page).getByLabel('Your review', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(form(page).getByRole('radio', { name: '1 star' })).toBeFocused();
  expect(await axeViolations(page), 'the form with its problems').toEqual([]);

  // Keyboard only: arrows choose the stars, Tab walks the fields.
  await page.keyboard.press('Space');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(form(page).getByRole('radio', { name: '4 stars' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(form(page).getByLabel('Title (optional)')).toBeFocused();
  await page.keyboard.type('<img src=x onerror=alert(1)> Thin and even');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Glaze is even, rim is thin. Holds heat well.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Lin');
  await page.keyboard.press('Tab');
  await expect(form(page).getByLabel('Strength')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(form(page).getByLabel('Size')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(form(page).getByLabel('Size')).toHaveValue('runs small');
  await form(page)
    .getByLabel(/^Photos/)
    .setInputFiles(PHOTO);
  await expect(form(page).getByText('review-photo.jpg: Added')).toBeVisible();
  await form(page).getByRole('button', { name: 'Send review' }).focus();
  await page.keyboard.press('Enter');
  await expect(form(page).getByRole('status')).toHaveText('Thanks! Your review will appear after the shop checks it.');
  expect(new URL(page.url()).searchParams.has('cartlift-review')).toBe(false);
  expect(await axeViolations(page), 'the thanks').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(form(page)).toHaveCount(0);

  // The link is spent: opened again, it says so and nothing else breaks.
  await page.goto(links['Celadon tea cup']!);
  await expect(form(page).getByRole('status')).toHaveText('This review link was already used: each link writes one review.');
  await expect(form(page).getByRole('button', { name: 'Send review' })).toHaveCount(0);
  expect(new URL(page.url()).searchParams.has('cartlift-review')).toBe(false);
  await page.keyboard.press('Escape');
  await openCart(page);
  await expect(drawer(page)).toBeVisible();

  // The console lists the invitation as used by a review (the review is pending moderation).
  const used = await invitationOf(page, intent, 'CUP-CELADON');
  expect(used.usedAt).toBeGreaterThan(0);
  expect(used.reviewId).toMatch(/^rv_/);

  // A marketer approves it in the console (signed in above); then shoppers see it, marked verified, on the product page.
  await page.goto(`${server.url}/api/cartlift/admin`);
  await page.getByRole('link', { name: 'Reviews', exact: true }).click();
  const card = page.getByRole('article', { name: /Thin and even/ });
  await card.getByRole('button', { name: 'Approve' }).click();
  await expect(page.locator('p.live')).toHaveText('Approved the review by Lin.');
  const published = await (await page.request.get(`${server.url}/api/cartlift/reviews?product=CUP-CELADON&q=${encodeURIComponent('rim is thin')}`)).json();
  expect(published.reviews).toEqual([expect.objectContaining({ id: used.reviewId, verified: true, author: 'Lin', rating: 4 })]);
  expect(published.reviews[0].photos).toHaveLength(1);
  await page.goto(`${server.url}/product.html?sku=CUP-CELADON`);
  await page.locator('cartlift-reviews').scrollIntoViewIfNeeded();
  const search = page.getByRole('searchbox', { name: 'Search reviews' });
  await search.fill('rim is thin');
  await search.press('Enter');
  const mine = page.locator(`cartlift-reviews article[data-review-id="${used.reviewId}"]`);
  await expect(mine).toContainText('Verified purchase');
  await expect(mine).toContainText('<img src=x onerror=alert(1)> Thin and even');
  expect(problems.uncaught).toEqual([]);
});

test('in Chinese on a phone: the form and its problems in zh-CN, 0 axe violations; an unknown link says so', async ({ page, problems }) => {
  test.setTimeout(90_000);
  const intent = await buyTeaAndCup(page);
  const links = await linksOf(intent);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${links['West Lake Longjing tea 100 g']!}&lang=zh-CN`);
  await expect(form(page).getByRole('heading', { name: '评价 West Lake Longjing tea 100 g' })).toBeVisible();
  expect(await axeViolations(page), 'zh-CN phone form').toEqual([]);
  await form(page).getByRole('button', { name: '提交评价' }).click();
  await expect(form(page).locator('#rating-problem')).toHaveText('请选择 1 到 5 星。');
  await expect(form(page).locator('#body-problem')).toHaveText('请写下评价内容（1 到 5000 个字）。');
  // A file that is no image: the server refuses it, the form says so beside it, and it can be removed.
  await form(page)
    .getByLabel(/^图片/)
    .setInputFiles({ name: 'not-a-photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
  await expect(form(page).getByText('not-a-photo.jpg: 无法添加这张图片。')).toBeVisible();
  expect(await axeViolations(page), 'zh-CN phone form with problems').toEqual([]);
  await form(page).getByRole('button', { name: '移除 not-a-photo.jpg' }).click();
  await expect(form(page).getByText(/not-a-photo/)).toHaveCount(0);
  await expect(form(page).getByLabel(/^图片/)).toBeFocused();
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(await axeViolations(page), 'zh-CN desktop form with problems').toEqual([]);
  // Escape closes and the page goes on; the unspent link stays in the address bar (a reload reopens it).
  await page.keyboard.press('Escape');
  await expect(form(page)).toHaveCount(0);
  expect(new URL(page.url()).searchParams.has('cartlift-review')).toBe(true);

  await page.goto(`${server.url}/?cartlift-review=not-a-real-link-token&lang=zh-CN`);
  await expect(form(page).getByRole('status')).toHaveText('这个评价链接无效。请使用订单邮件中的原始链接。');
  expect(problems.uncaught).toEqual([]);
});

/** The console's record of an order's invitation for a sku (signed in as the owner, through the admin API). */
async function invitationOf(page: Page, paymentIntentId: string, sku: string) {
  const signIn = await page.request.post(`${server.url}/api/cartlift/admin/api/login`, { data: OWNER });
  expect(signIn.ok(), await signIn.text()).toBe(true);
  const list = await (await page.request.get(`${server.url}/api/cartlift/admin/api/review-invitations?limit=50`)).json();
  return list.invitations.find((i: { paymentIntentId: string; sku: string }) => i.paymentIntentId === paymentIntentId && i.sku === sku);
}
