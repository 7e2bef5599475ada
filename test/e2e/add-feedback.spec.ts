import { axeViolations } from './axe';
import type { Page } from '@playwright/test';
import { drawer, openStoreIn, recordEvents, recorded } from './checkout-helpers';
import { badgeCount, expect, test } from './fixtures';

// Issue 14, "Adding gives feedback where the shopper's eyes are": a
// [data-cartlift-add] button says "Added ✓" for a moment, one polite live
// region says what was added, and on a phone a bar at the bottom of the
// screen offers "View cart", even with the header's badge scrolled away.

type Locale = 'en' | 'zh-CN';
const words = {
  en: { added: 'Added ✓', gift: 'Tea gift tin set added to cart.', cup: 'Celadon tea cup added to cart.', view: 'View cart', close: 'Close' },
  'zh-CN': { added: '已加入 ✓', gift: '已将Tea gift tin set加入购物车。', cup: '已将Celadon tea cup加入购物车。', view: '查看购物车', close: '关闭' },
} as const;

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };
const DESKTOP = { viewport: { width: 1280, height: 800 } };

/** A shop's own add-to-cart button, plain text, added after boot as a single-page app would. */
async function addPlainButton(page: Page, text: string, data: Record<string, string>): Promise<void> {
  await page.evaluate(
    ([text, data]) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.id = 'plain';
      button.textContent = text;
      Object.assign(button.dataset, data);
      document.querySelector('main')!.prepend(button);
    },
    [text, data] as const,
  );
}

/** Cartlift's live region: a status (polite) region right in <body> (the demo's own consent status is in its footer). */
const liveRegions = (page: Page) => page.locator('body > [role=status]');
const toast = (page: Page) => page.locator('cartlift-toast');

test.describe('desktop', () => {
  test.use(DESKTOP);

  test('a plain-text button says "Added ✓" and is restored exactly, however often it is clicked; one live region says what was added', async ({
    page,
    problems,
  }) => {
    await openStoreIn(page, 'en');
    await addPlainButton(page, 'Add the cup  — $18', { cartliftAdd: 'CUP-CELADON', cartliftName: 'Celadon tea cup', cartliftPrice: '1800' });
    const button = page.locator('#plain');
    await button.click();
    await expect(button).toHaveText('Added ✓');
    // The attribute holds the shop's text (a shop's CSS may use it).
    await expect(button).toHaveAttribute('data-cartlift-added', 'Add the cup  — $18');
    await expect(liveRegions(page)).toHaveText(words.en.cup);
    // Clicked again while it says "Added ✓": what comes back is still the shop's text.
    await button.click();
    await button.click();
    await expect(badgeCount(page)).toHaveText('3');
    await expect(button).toHaveText('Added ✓');
    await expect(button).toHaveText('Add the cup  — $18', { timeout: 10_000 });
    expect(await button.evaluate((el) => el.textContent)).toBe('Add the cup  — $18');
    await expect(button).not.toHaveAttribute('data-cartlift-added');
    await expect(liveRegions(page)).toHaveCount(1);
    // A desktop shows the badge where it was: no bar.
    await expect(toast(page)).toHaveCount(0);
    expect(problems).toEqual({ uncaught: [], consoleErrors: [] });
  });

  test("a button with markup keeps it and is marked with data-cartlift-added for the shop's CSS; a name is text, never markup", async ({ page, problems }) => {
    await openStoreIn(page, 'en');
    const demo = page.getByRole('button', { name: /Add two/ });
    const markup = await demo.innerHTML();
    await demo.click();
    await expect(demo).toHaveAttribute('data-cartlift-added');
    expect(await demo.innerHTML()).toBe(markup);
    await expect(liveRegions(page)).toHaveText(words.en.gift);
    await expect(demo).not.toHaveAttribute('data-cartlift-added', { timeout: 10_000 });
    expect(await demo.innerHTML()).toBe(markup);

    await addPlainButton(page, 'Add', { cartliftAdd: 'TEA-LJ-100' });
    await page.locator('#plain').click();
    await expect(liveRegions(page)).toHaveText('Item added to cart.');
    await page.evaluate(() => document.querySelector('#plain')!.remove());
    await addPlainButton(page, 'Add', { cartliftAdd: 'TEA-LJ-100', cartliftName: '<img src=x onerror="window.hacked=1">Tea' });
    await page.locator('#plain').click();
    await expect(liveRegions(page)).toHaveText('<img src=x onerror="window.hacked=1">Tea added to cart.');
    await expect(liveRegions(page).locator('img')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { hacked?: number }).hacked)).toBeUndefined();
    expect(problems).toEqual({ uncaught: [], consoleErrors: [] });
  });

  test('a refused add says why in the console and never "Added": a bad quantity, and a full cart', async ({ page, problems }) => {
    await openStoreIn(page, 'en');
    await addPlainButton(page, 'Add none', { cartliftAdd: 'TEA-LJ-100', cartliftQuantity: '0' });
    const button = page.locator('#plain');
    await button.click();
    await expect.poll(() => problems.consoleErrors.length).toBe(1);
    expect(problems.consoleErrors[0]).toContain('data-cartlift-quantity');
    await expect(button).toHaveText('Add none');
    await expect(button).not.toHaveAttribute('data-cartlift-added');
    await expect(liveRegions(page)).toHaveText('');

    // A full cart (the default limit: 100 lines) takes no new line.
    await page.evaluate(async () => {
      const cart = (window as unknown as { Cartlift: { add(item: { sku: string }): Promise<unknown> } }).Cartlift;
      for (let i = 0; i < 100; i++) await cart.add({ sku: `FILL-${i}` });
    });
    await expect(badgeCount(page)).toHaveText('100');
    const teapot = page.getByRole('button', { name: /^Add to cart/ }).nth(2);
    await teapot.click();
    await expect.poll(() => problems.consoleErrors.length).toBe(2);
    expect(problems.consoleErrors[1]).toBe('Cartlift: the cart is full. Nothing was added from <button data-cartlift-add="POT-YIXING">.');
    await expect(teapot).not.toHaveAttribute('data-cartlift-added');
    await expect(badgeCount(page)).toHaveText('100');
    await expect(liveRegions(page)).toHaveText('');
    expect(problems.uncaught).toEqual([]);
  });
});

for (const locale of ['en', 'zh-CN'] as const satisfies Locale[]) {
  const w = words[locale];
  test.describe(`phone 390×844 (${locale})`, () => {
    test.use(PHONE);

    test(`adding with the badge scrolled away shows a bar with "${w.view}" at the bottom, which opens the cart`, async ({ page, problems }) => {
      await openStoreIn(page, locale);
      await recordEvents(page, ['open']);
      // Host CSS that would break any plain element of Cartlift's: the bar lives in a shadow root.
      await page.addStyleTag({ content: 'p, button:not([data-cartlift-add]) { display: none !important; color: red !important; }' });
      const add = page.getByRole('button', { name: /Add two/ });
      await add.scrollIntoViewIfNeeded();
      expect(await page.locator('cartlift-cart').evaluate((el) => el.getBoundingClientRect().bottom < 0), 'the header badge is out of view').toBe(true);
      await add.tap();
      await expect(liveRegions(page)).toHaveText(w.gift);
      const bar = toast(page);
      await expect(bar.getByText(w.gift)).toBeVisible();
      const view = bar.getByRole('button', { name: w.view });
      await expect(view).toBeVisible();
      // At the bottom of the screen, inside it, and the one live region is still the only one: the bar itself announces nothing again.
      const part = bar.locator('[part=toast]');
      // Measured where it comes to rest, once it has slid in.
      await part.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
      const box = (await part.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(844);
      expect(box.y).toBeGreaterThan(844 / 2);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      await expect(liveRegions(page)).toHaveCount(1);
      expect(await axeViolations(page)).toEqual([]);

      await view.tap();
      await expect(drawer(page)).toBeVisible();
      await expect(bar).toHaveCount(0);
      expect((await recorded(page)).map((e) => e.name)).toEqual(['open']);
      expect(problems.uncaught).toEqual([]);
    });

    test('the bar goes away by itself, on Escape or on its close button, returning focus to the add button', async ({ page, problems }) => {
      await openStoreIn(page, locale);
      const add = page.getByRole('button', { name: /Add two/ });
      await add.tap();
      const bar = toast(page);
      await expect(bar).toBeVisible();
      // Not there for good: it leaves by itself after a few seconds.
      await expect(bar).toHaveCount(0, { timeout: 15_000 });

      await add.focus();
      await page.keyboard.press('Enter');
      await expect(bar).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(bar).toHaveCount(0);

      await add.tap();
      await bar.getByRole('button', { name: w.close }).focus();
      await page.keyboard.press('Enter');
      await expect(bar).toHaveCount(0);
      await expect(add).toBeFocused();
      expect(problems.uncaught).toEqual([]);
    });
  });
}

test.describe('phone 390×844, reduced motion', () => {
  test.use({ ...PHONE, reducedMotion: 'reduce' });

  test('the bar appears without sliding in', async ({ page, problems }) => {
    await openStoreIn(page, 'en');
    await page.getByRole('button', { name: /Add two/ }).tap();
    const part = toast(page).locator('[part=toast]');
    await expect(part).toBeVisible();
    expect(await part.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    expect(problems.uncaught).toEqual([]);
  });
});

test.describe('phone 390×844, motion allowed', () => {
  test.use(PHONE);

  test('the bar slides in', async ({ page }) => {
    await openStoreIn(page, 'en');
    await page.getByRole('button', { name: /Add two/ }).tap();
    const part = toast(page).locator('[part=toast]');
    await expect(part).toBeVisible();
    expect(await part.evaluate((el) => getComputedStyle(el).animationName)).not.toBe('none');
  });
});
