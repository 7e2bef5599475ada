import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { type ConsoleServer, startConsoleServer } from '../e2e/console/console-server';

const PORT = Number(process.env.CARTLIFT_E2E_PORT ?? 4173) + 21;
const out = fileURLToPath(new URL('../../docs/images/console/', import.meta.url));
const SPRING = {
  id: 'man-200-jian-50',
  name: { en: 'Spend {money:20000}, save {money:5000}', 'zh-CN': '满 {money:20000} 减 {money:5000}' },
  currency: 'USD',
  rule: { type: 'tiered', tiers: [{ spend: 20000, amount: 5000 }] },
  limits: { perCustomer: 1, budget: 500000 },
};

let server: ConsoleServer;
test.beforeAll(async () => {
  server = await startConsoleServer(PORT);
});
test.afterAll(async () => {
  await server?.stop();
});

async function signIn(page: Page, locale: 'en' | 'zh-CN') {
  await page.goto(`${server.url}/api/cartlift/admin/login`);
  await page.locator('select').selectOption(locale);
  await page.locator('#field-email').fill(server.owner.email);
  await page.locator('#field-password').fill(server.owner.password);
  await page.locator('button[type=submit]').click();
  await expect(page.locator('h1')).toBeFocused();
}

async function api(page: Page, method: 'GET' | 'POST' | 'PUT', route: string, data?: unknown) {
  const { csrfToken } = await (await page.request.get(`${server.url}/api/cartlift/admin/api/session`)).json();
  const response = await page.request.fetch(`${server.url}/api/cartlift/admin/api${route}`, { method, data, headers: { 'x-cartlift-csrf': csrfToken } });
  expect(response.ok(), `${method} ${route}: ${await response.text()}`).toBe(true);
  return response.json();
}

async function shot(page: Page, name: string, screen: string) {
  await page.goto(`${server.url}/api/cartlift/admin#/${screen}`);
  await expect(page.locator('h1')).toBeFocused();
  await expect(page.locator('.loading')).toHaveCount(0);
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
}

test('the console, as docs/console.md shows it', async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 800 });
  await signIn(page, 'en');
  const { draft } = await api(page, 'GET', '/promotions');
  await api(page, 'PUT', '/promotions/draft', { rev: draft.rev, config: { ...draft.config, promotions: [...draft.config.promotions, SPRING] } });
  await api(page, 'POST', '/promotions/publish', { note: 'Spring 满减' });
  await shot(page, 'promotions', 'promotions');
  await shot(page, 'editor', `promotions/${SPRING.id}`);
  await page.goto(`${server.url}/api/cartlift/admin#/preview`);
  await page.locator('#field-lines-0-sku').selectOption('POT-YIXING');
  await page.locator('#field-lines-0-quantity').fill('3');
  await page.locator('form.preview-form button[type=submit]').click();
  await expect(page.locator('.result')).toHaveCount(2);
  await page.screenshot({ path: path.join(out, 'preview.png'), fullPage: true });
  const { draft: next } = await api(page, 'GET', '/promotions');
  const paused = next.config.promotions.map((promotion: { id: string }) => (promotion.id === 'welcome10' ? { ...promotion, enabled: false } : promotion));
  await api(page, 'PUT', '/promotions/draft', { rev: next.rev, config: { ...next.config, promotions: paused } });
  await shot(page, 'publish', 'publish');
  await shot(page, 'versions', 'versions');
  await shot(page, 'audit', 'audit');
  await page.locator('header select').selectOption('zh-CN');
  await shot(page, 'editor-zh-CN', `promotions/${SPRING.id}`);
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'promotions-phone-zh-CN', 'promotions');
});
