import { drawer, openCart, openStore, openStoreIn, pageCart, quoteBodies, recordEvents, recorded } from './checkout-helpers';
import { axeViolations as axe } from './axe';
import { expect, test } from './fixtures';

const total = (page: import('@playwright/test').Page) => drawer(page).locator('dl .total dt');

test('a refused code leaves the cart after its reason is shown, so later quotes no longer carry it; a valid code stays', async ({ page, problems }) => {
  await openStore(page);
  const bodies = quoteBodies(page);
  await recordEvents(page, ['coupon_denied']);
  await page
    .getByRole('button', { name: /^Add to cart/ })
    .first()
    .click();
  await openCart(page);
  const d = drawer(page);
  await d.getByLabel('Coupon code').fill('welcome10');
  await d.getByRole('button', { name: 'Apply' }).click();
  await expect(d.locator('dl')).toContainText('WELCOME10: 10% off');
  await d.getByLabel('Coupon code').fill('nope10');
  await d.getByRole('button', { name: 'Apply' }).click();
  await expect(d.locator('[part=coupon]').getByRole('alert')).toHaveText('Code NOPE10 is not valid.');
  await expect(d.locator('.codes li')).toHaveText([/^WELCOME10/]);
  expect(await axe(page), 'drawer after a dropped code').toEqual([]);
  await expect.poll(async () => (await pageCart(page)).codes).toEqual(['WELCOME10']);
  await expect(total(page)).toHaveText('Total');
  // A later change quotes without the refused code, and says so no more than once.
  await d.getByRole('button', { name: 'One more West Lake Longjing tea 100 g' }).click();
  await expect(total(page)).toHaveText('Total');
  const last = bodies.at(-1)!;
  expect(last.codes).toEqual(['WELCOME10']);
  expect(last.cartId).toBe((await pageCart(page)).id);
  expect((await recorded(page)).map((e) => e.coupon)).toEqual(['NOPE10']);
  expect(problems.uncaught).toEqual([]);
});

test('in Chinese the refusal is said in Chinese, and the code leaves the cart', async ({ page, problems }) => {
  await openStoreIn(page, 'zh-CN');
  await page
    .getByRole('button', { name: /^Add to cart/ })
    .first()
    .click();
  await page.locator('cartlift-cart').getByRole('button').first().click();
  const d = drawer(page);
  await d.getByLabel('优惠码').fill('nope10');
  await d.getByRole('button', { name: '使用' }).click();
  await expect(d.locator('[part=coupon]').getByRole('alert')).toHaveText('优惠码 NOPE10 无效。');
  await expect.poll(async () => (await pageCart(page)).codes).toEqual([]);
  expect(problems.uncaught).toEqual([]);
});

test('a 429 for too many coupon guesses drops the guessed code, says why, and the drawer is priced again with the valid code', async ({ page, problems }) => {
  await openStore(page);
  await page
    .getByRole('button', { name: /^Add to cart/ })
    .first()
    .click();
  const { id } = await pageCart(page);
  // This cart has used up its guesses (20 per window on the demo server).
  for (let i = 0; i < 20; i++) {
    const res = await page.request.post('/api/cartlift/quote', {
      data: { lines: [{ sku: 'TEA-LJ-100', quantity: 1 }], codes: [`E2E-GUESS-${i}`], cartId: id },
    });
    expect(res.status()).toBe(200);
  }
  await openCart(page);
  const d = drawer(page);
  await d.getByLabel('Coupon code').fill('welcome10');
  await d.getByRole('button', { name: 'Apply' }).click();
  await expect(d.locator('dl')).toContainText('WELCOME10: 10% off');
  await d.getByLabel('Coupon code').fill('guess21');
  await d.getByRole('button', { name: 'Apply' }).click();
  await expect(d.locator('[part=coupon]').getByRole('alert')).toHaveText(
    "GUESS21 was removed: too many codes that don't exist were tried. Wait a few minutes before trying another.",
  );
  await expect.poll(async () => (await pageCart(page)).codes).toEqual(['WELCOME10']);
  await expect(total(page)).toHaveText('Total');
  await expect(d.locator('dl')).toContainText('WELCOME10: 10% off');
  await expect(d).not.toContainText('Prices could not be updated');
  expect(problems.uncaught).toEqual([]);
});

test('removing a product removes the add-on taken from its offer, and the cart is priced with no error', async ({ page, problems }) => {
  await openStore(page);
  await page
    .getByRole('button', { name: /^Add to cart/ })
    .first()
    .click();
  await page
    .getByRole('button', { name: /^Add to cart/ })
    .nth(2)
    .click();
  await openCart(page);
  const d = drawer(page);
  await d.getByRole('button', { name: /Add \+\$9\.00.*warranty/i }).click();
  await expect(d.locator('[part=line]')).toHaveCount(3);
  await expect.poll(async () => (await pageCart(page)).lines.find((l) => l.key === 'ADDON-WARRANTY-1Y')?.parent).toBe('POT-YIXING');
  await d.getByRole('button', { name: 'Remove Yixing clay teapot' }).click();
  await expect(d.locator('[part=line]')).toHaveCount(1);
  await expect(total(page)).toHaveText('Total');
  await expect(d.locator('.unsold')).toHaveCount(0);
  await expect(d).not.toContainText('Prices could not be updated');
  await d.getByRole('button', { name: 'Checkout', exact: true }).click();
  await expect(d.getByRole('button', { name: /^Pay / })).toBeEnabled();
  expect(problems.uncaught).toEqual([]);
});

for (const [locale, sentence, remove] of [
  ['en', "Sorry, 1-year breakage warranty can't be bought with this cart.", 'Remove 1-year breakage warranty'],
  ['zh-CN', '抱歉，1-year breakage warranty 无法随此购物车购买。', '删除 1-year breakage warranty'],
] as const) {
  test(`a line the server will not sell is named in the shopper's words (${locale}) with a way to remove it, and Pay is never stuck`, async ({
    page,
    problems,
  }) => {
    await openStoreIn(page, locale);
    await page
      .getByRole('button', { name: /^Add to cart/ })
      .first()
      .click();
    // Added by the page's own code, without the product that offers it (or saved by an older version).
    await page.evaluate(() => (window as any).Cartlift.add({ sku: 'ADDON-WARRANTY-1Y', name: '1-year breakage warranty', price: 900 }));
    await page.locator('cartlift-cart').getByRole('button').first().click();
    const d = drawer(page);
    const said = d.getByRole('alert').filter({ hasText: sentence });
    await expect(said).toBeVisible();
    await expect(d).not.toContainText('must be a product in the catalog');
    expect(await axe(page), 'drawer naming an unsold line').toEqual([]);
    await d.getByRole('button', { name: locale === 'en' ? 'Checkout' : '去结账', exact: true }).click();
    await expect(said).toBeVisible();
    await d.getByRole('button', { name: remove }).click();
    await expect(said).toHaveCount(0);
    await expect(d.getByRole('button', { name: locale === 'en' ? /^Pay / : /^支付 / })).toBeEnabled();
    expect(problems.uncaught).toEqual([]);
  });
}
