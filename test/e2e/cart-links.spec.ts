import { drawer, openStoreIn, pageCart } from './checkout-helpers';
import { badgeCount, booted, expect, test } from './fixtures';

const recordErrors = (page: import('@playwright/test').Page) =>
  page.addInitScript(() => {
    const w = window as any;
    w.cartliftErrors = [];
    // Queued before the script tag loads; replayed once it has.
    w.Cartlift = w.Cartlift || [];
    w.Cartlift.push(['on', 'error', (e: { code: string; message: string }) => w.cartliftErrors.push(e)]);
  });
const errors = (page: import('@playwright/test').Page) => page.evaluate(() => (window as any).cartliftErrors as { code: string; message: string }[]);

test('a cart link with an unknown sku and a bad quantity adds what is valid, with its image, and says what was skipped', async ({ page, problems }) => {
  await recordErrors(page);
  await page.goto('/?cartlift-cart=TEA-LJ-100:2,NOPE-1:1,CUP-CELADON:0&cartlift-coupon=welcome10');
  await booted(page);
  const d = drawer(page);
  await expect(d.locator('[part=line]')).toHaveCount(1);
  await expect(badgeCount(page)).toHaveText('2');
  await expect(d.locator('[part=line] img')).toHaveAttribute('src', '/img/tea.svg');
  const notice = 'Not added from the link: CUP-CELADON:0 (not a valid item or quantity), NOPE-1:1 (not sold here).';
  await expect(d.getByRole('alert').filter({ hasText: 'Not added from the link' })).toHaveText(notice);
  await expect(d.locator('.codes')).toContainText('WELCOME10');
  expect(new URL(page.url()).search).toBe('');
  await expect.poll(() => errors(page)).toEqual([{ code: 'cart_link_skipped', message: `The cart link was applied in part. ${notice}` }]);
  expect(problems.uncaught).toEqual([]);
});

test('in Chinese the skipped parts are said in Chinese', async ({ page, problems }) => {
  await openStoreIn(page, 'zh-CN', '?cartlift-cart=SET-GIFT:1,GONE:2');
  const d = drawer(page);
  await expect(d.getByRole('alert').filter({ hasText: '链接中' })).toHaveText('链接中以下商品未加入购物车：GONE:2（本店未售）。');
  await expect(d.locator('[part=line]')).toHaveCount(1);
  expect(problems.uncaught).toEqual([]);
});

test("a cart link respects the server's maximum number of lines and says which lines did not fit", async ({ page, problems }) => {
  // This shop allows two lines per cart.
  await page.route('**/api/cartlift/config', async (route) => {
    const response = await route.fetch();
    const config = await response.json();
    await route.fulfill({ response, json: { ...config, limits: { ...config.limits, maxLines: 2 } } });
  });
  await page.goto('/');
  await booted(page);
  await page.evaluate(() => (window as any).Cartlift.add({ sku: 'POT-YIXING', name: 'Yixing clay teapot', price: 8900 }));
  await page.goto('/?cartlift-cart=TEA-LJ-100:1,CUP-CELADON:1,POT-YIXING:1');
  await booted(page);
  const d = drawer(page);
  await expect(d.getByRole('alert').filter({ hasText: 'Not added' })).toHaveText('Not added from the link: CUP-CELADON:1 (the cart is full).');
  await expect.poll(async () => (await pageCart(page)).lines.map((l) => l.key)).toEqual(['POT-YIXING', 'TEA-LJ-100']);
  expect(problems.uncaught).toEqual([]);
});

test('a link with nothing the shop sells is refused whole, as an error event, and adds nothing', async ({ page, problems }) => {
  await recordErrors(page);
  await page.goto('/?cartlift-cart=NOPE:1,ALSO-NOPE:2');
  await booted(page);
  await expect.poll(async () => (await errors(page)).map((e) => e.code)).toEqual(['invalid_cart_link']);
  expect((await errors(page))[0]!.message).toMatch(/link\.cart must name at least one product this shop sells/);
  expect((await pageCart(page)).lines).toEqual([]);
  expect(problems.uncaught).toEqual([]);
});
