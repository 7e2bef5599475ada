import { axeViolations as axe } from './axe';
import { drawer, openCart, openStore } from './checkout-helpers';
import { booted, expect, test } from './fixtures';

// The demo's language switch (?lang=) and one language per cart: lines show the catalog's name in the shopper's language.

const viewports = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
];

const languages = [
  {
    locale: 'en',
    switchTo: '中文',
    add: /^Add to cart$/,
    cup: 'Celadon tea cup',
    tea: 'West Lake Longjing tea 100 g',
    title: 'Your cart',
    other: '加入购物车',
  },
  { locale: 'zh-CN', switchTo: 'English', add: /^加入购物车$/, cup: '青瓷茶杯', tea: '西湖龙井 100克', title: '我的购物车', other: 'Add to cart' },
] as const;

for (const viewport of viewports) {
  test(`the demo's language switch works from the keyboard and shows the page and the drawer in one language on ${viewport.name}, with 0 axe violations`, async ({
    page,
    problems,
  }) => {
    await page.setViewportSize(viewport);
    await openStore(page);
    for (const language of languages) {
      if (language.locale === 'zh-CN') {
        // The switch is a link: Tab to it, Enter follows it.
        const link = page.getByRole('navigation', { name: /Language|语言/ }).getByRole('link', { name: '中文' });
        await link.focus();
        await page.keyboard.press('Enter');
        await page.waitForURL(/lang=zh-CN/);
        await booted(page);
      }
      await expect(page.locator('html')).toHaveAttribute('lang', language.locale);
      await expect(page.locator('script[data-locale]')).toHaveAttribute('data-locale', language.locale);
      await expect(page.getByRole('link', { name: language.switchTo })).toBeVisible();
      const products = page.getByRole('list', { name: /Products|商品/ });
      await expect(products.getByRole('button', { name: language.add }).first()).toBeVisible();
      await expect(products.getByRole('heading', { name: language.cup })).toBeVisible();
      await expect(page.getByText(language.other).filter({ visible: true })).toHaveCount(0);
      expect(await axe(page), `demo page (${language.locale}, ${viewport.name})`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'the page is wider than the screen').toBeLessThanOrEqual(0);
      await openCart(page);
      const title = drawer(page).getByRole('heading', { level: 2 });
      await expect(title).toContainText(language.title);
      // Escape closes once focus is in the drawer.
      await expect(title).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(drawer(page)).toHaveCount(0);
    }
    expect(problems.uncaught).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });
}

for (const language of languages) {
  test(`in ${language.locale} a product added from the English-named button shows the catalog's ${language.locale} name in the drawer`, async ({
    page,
    problems,
  }) => {
    await page.goto(`/?lang=${language.locale}`);
    await booted(page);
    // The button's data-cartlift-name is English on both pages: the server's catalog has the name in each language.
    await expect(page.locator('[data-cartlift-add="TEA-LJ-100"]')).toHaveAttribute('data-cartlift-name', 'West Lake Longjing tea 100 g');
    await page.locator('[data-cartlift-add="TEA-LJ-100"]').click();
    await page.locator('[data-cartlift-add="CUP-CELADON"]').click();
    await openCart(page);
    const names = drawer(page).locator('[part=line] .name');
    await expect(names).toHaveText([language.tea, language.cup]);
    // The quantity controls are named with the same name.
    await expect(
      drawer(page)
        .getByRole('button', { name: new RegExp(language.cup) })
        .first(),
    ).toBeVisible();
    expect(problems.uncaught).toEqual([]);
  });
}

test('a cart link and an added product show one language in a Chinese cart', async ({ page, problems }) => {
  await page.goto('/?lang=zh-CN&cartlift-cart=SET-GIFT:1');
  await booted(page);
  await expect(drawer(page).locator('[part=line] .name')).toHaveText(['茶叶礼盒']);
  // The link's parameters are used up; the language stays.
  expect(new URL(page.url()).searchParams.get('lang')).toBe('zh-CN');
  // Escape closes the drawer once focus is in it: wait for the move, or a busy machine presses it too early.
  await expect(drawer(page).getByRole('heading', { level: 2 })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(drawer(page)).toBeHidden();
  await page.locator('[data-cartlift-add="POT-YIXING"]').click();
  await openCart(page);
  await expect(drawer(page).locator('[part=line] .name')).toHaveText(['茶叶礼盒', '宜兴紫砂壶']);
  expect(problems.uncaught).toEqual([]);
});
