import { test as base, expect, type Page, type Request } from '@playwright/test';

/** Errors the page threw or logged, so every test can assert there were none. */
export interface PageProblems {
  uncaught: string[];
  consoleErrors: string[];
}

export const test = base.extend<{ problems: PageProblems }>({
  problems: async ({ page }, use) => {
    const problems: PageProblems = { uncaught: [], consoleErrors: [] };
    watch(page, problems);
    await use(problems);
  },
});

/** Records uncaught errors and console errors of a page. */
export function watch(page: Page, problems: PageProblems): void {
  page.on('pageerror', (error) => problems.uncaught.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.consoleErrors.push(message.text()));
}

/** The count shown on the <cartlift-cart> button. */
export const badgeCount = (page: Page) => page.locator('cartlift-cart').getByRole('button').first().locator('[part=count]');

/** Waits until Cartlift has booted and read its saved cart. */
export async function booted(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { Cartlift?: { cart?: unknown } }).Cartlift?.cart !== undefined);
  await page.evaluate(() => (window as unknown as { Cartlift: { cart: { ready: Promise<void> } } }).Cartlift.cart.ready);
}

export { expect };

/**
 * Whether a request downloads something: the script tag fetches each lazy
 * chunk, then imports it, and that import reads the HTTP cache (the chunk is
 * immutable), so it is not counted.
 */
export const downloads = (request: Request) => !(request.resourceType() === 'script' && request.url().includes('/chunks/'));
