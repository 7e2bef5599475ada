import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { axeViolations as axe } from '../axe';
import { expect, test } from '../fixtures';
import { root } from '../own-server';
import { type ConsoleServer, startConsoleServer } from './console-server';

// A server of its own, seeded with three pending reviews before it starts (port + 7: + 11 is console.spec's).
const PORT = Number(process.env.CARTLIFT_E2E_PORT ?? 4173) + 7;
const SEED = path.join(root, 'test/e2e/console/seed-reviews.mjs');

let server: ConsoleServer;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  // Three accounts through the CLI, the seed, then the server: each opens the embedded database.
  test.setTimeout(90_000);
  server = await startConsoleServer(PORT, (config) => {
    execFileSync(process.execPath, [SEED, path.join(path.dirname(config), 'data')], { cwd: root });
  });
});
test.afterAll(async () => {
  await server?.stop();
});

async function openReviews(page: Page): Promise<void> {
  await page.goto(`${server.url}/api/cartlift/admin`);
  await page.getByLabel('Email').fill(server.marketer.email);
  await page.getByLabel('Password').fill(server.marketer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Reviews', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Reviews', level: 1 })).toBeFocused();
}

/** The per-star table's cells for `stars`: published, rejected, pending. */
async function countsOf(page: Page, stars: number): Promise<string[]> {
  const row = page.getByRole('row', { name: new RegExp(`^${stars} stars`) });
  return (await row.locator('td.number').allTextContents()).map((text) => text.trim());
}

test('a marketer works the queue: approves a 1-star review, rejects one with a reason, replies to one; the counts move and the approved review is public', async ({
  page,
  problems,
}) => {
  await openReviews(page);
  const cards = page.locator('article.review-card');
  await expect(cards).toHaveCount(3);
  // Oldest first, and the review's markup is shown as characters, never run.
  await expect(cards.first().getByRole('heading')).toHaveText('1 stars · Leaked <b>everywhere</b>');
  await expect(cards.first()).toContainText('<img src=x onerror="window.__xss=1">The lid leaks.');
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await countsOf(page, 1)).toEqual(['0', '0', '1']);

  const leaked = page.getByRole('article', { name: /Leaked/ });
  await leaked.getByRole('button', { name: 'Approve' }).click();
  await expect(page.locator('p.live')).toHaveText('Approved the review by Ann.');
  await expect(leaked).toContainText('published');
  await expect.poll(() => countsOf(page, 1)).toEqual(['1', '0', '0']);

  // Rejecting from the keyboard: type the reason, Enter submits.
  const spam = page.getByRole('article', { name: /other-shop/ });
  await spam.getByRole('button', { name: 'Reject' }).click();
  await expect(spam.locator('.notice.error')).toContainText('reason must be a sentence');
  await spam.getByLabel('Reason for rejecting').fill('Advertises another shop.');
  await spam.getByLabel('Reason for rejecting').press('Enter');
  await expect(page.locator('p.live')).toHaveText('Rejected the review by Spam Bot.');
  await expect(spam).toContainText('Rejected: Advertises another shop.');
  await expect.poll(() => countsOf(page, 5)).toEqual(['0', '1', '0']);

  const tea = page.getByRole('article', { name: /茶很香/ });
  await tea.getByLabel('Public reply').fill('谢谢您的评价！');
  await tea.getByRole('button', { name: 'Save reply' }).click();
  await expect(page.locator('p.live')).toHaveText('Reply saved on the review by 李伟.');
  await expect(tea.locator('blockquote')).toHaveText('谢谢您的评价！');

  await leaked.getByRole('button', { name: 'History' }).click();
  await expect(leaked.getByRole('list', { name: 'History' })).toContainText(`published · ${server.marketer.email}`);

  // Through the page's request context: a keep-alive socket of the test process would hold the server's shutdown.
  const publicPage = await (await page.request.get(`${server.url}/api/cartlift/reviews?product=TEA-LJ-100`)).json();
  expect(publicPage.reviews.map((review: { id: string }) => review.id)).toEqual(['e2e-approve']);

  // The queue, reloaded, holds only the review still pending.
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(cards).toHaveCount(1);
  await expect(page.locator('p.live')).toHaveText('1 reviews shown.');
  expect(problems.uncaught).toEqual([]);
});

test('a CSV export imports with a report per row, and again as duplicates', async ({ page }) => {
  const csv = [
    '\uFEFFproduct_handle,rating,title,body,reviewer_name,reviewer_email,review_date,curated',
    'TEA-LJ-100,4,Fresh,"Bright,\r\ngreen",Bo,bo@example.com,2025-05-01,ok',
    'TEA-LJ-100,2,一般,"茶叶有点碎",王芳,,2025-05-02,not-yet',
    'TEA-LJ-100,0,Bad,row,Cy,,2025-05-03,ok',
  ].join('\r\n');
  await openReviews(page);
  const file = { name: 'judgeme.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };
  await page.getByLabel('CSV file').setInputFiles(file);
  await page.getByLabel('Source app').fill('judge.me');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.locator('p.live')).toHaveText('2 imported, 0 already here, 1 refused.');
  await expect(page.getByRole('row', { name: /^4 refused/ })).toContainText('Row 4, column "rating": must be a whole number from 1 to 5; received "0".');
  // The pending import joins the queue (the list reloads after an import).
  await expect(page.getByRole('article', { name: /一般/ })).toBeVisible();

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.locator('p.live')).toHaveText('0 imported, 2 already here, 1 refused.');
});

test('the reviews screen has 0 axe violations in English and Chinese', async ({ page }) => {
  await openReviews(page);
  for (const locale of ['en', 'zh-CN']) {
    await page.locator('header select').selectOption(locale);
    await page.getByRole('combobox', { name: locale === 'en' ? 'Status' : '状态' }).selectOption('');
    await page.locator('form.toolbar button[type=submit]').click();
    await expect(page.locator('article.review-card')).not.toHaveCount(0);
    await page
      .locator('article.review-card button')
      .filter({ hasText: locale === 'en' ? 'History' : '审核记录' })
      .first()
      .click();
    expect(await axe(page), `reviews (${locale})`).toEqual([]);
  }
});
