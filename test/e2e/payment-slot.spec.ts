import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { drawer, openCart, openStoreIn } from './checkout-helpers';
import { expect, test } from './fixtures';

import { axeTags } from './axe';

/** The card fields' labels and the Checkout button, as the sandbox's Payment Element and the drawer name them. */
const LOCALES = {
  en: { checkout: 'Checkout', number: 'Card number', expiry: /Expiration date/, cvc: /Security code/ },
  'zh-CN': { checkout: '去结账', number: '卡号', expiry: /有效期/, cvc: /安全码/ },
} as const;

/** The drawer's scrolling box (the <dialog>): how wide its content is against how wide it shows. */
const overflow = (page: Page) => drawer(page).evaluate((d) => ({ scrollWidth: d.scrollWidth, clientWidth: d.clientWidth, scrollLeft: d.scrollLeft }));

/** Opens the checkout sheet in `locale` with one item in the cart, and waits for the card fields. */
async function openSheet(page: Page, locale: keyof typeof LOCALES) {
  const t = LOCALES[locale];
  await openStoreIn(page, locale);
  await page
    .getByRole('button', { name: /^Add to cart|加入购物车/ })
    .first()
    .click();
  await openCart(page);
  await drawer(page).getByRole('button', { name: t.checkout, exact: true }).click();
  await expect(page.getByLabel(t.cvc)).toBeVisible();
  return t;
}

for (const [viewport, size] of [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 800 }],
] as const) {
  test.describe(`the payment slot on a ${viewport} (${size.width}×${size.height})`, () => {
    test.use({ viewport: size });
    for (const locale of ['en', 'zh-CN'] as const) {
      test(`${locale}: the Payment Element fits the drawer, the CVC shows whole and tabbing the card fields scrolls nothing sideways`, async ({
        page,
        problems,
      }) => {
        const t = await openSheet(page, locale);
        const box = await drawer(page).boundingBox();
        const element = await page.locator('[data-stripe-sandbox=payment]').boundingBox();
        expect(box && element).toBeTruthy();
        // Before the fix the element was 486.75 px wide at x = 20 in a 390 px or 440 px drawer.
        expect(element!.x, 'element left').toBeGreaterThanOrEqual(box!.x);
        expect(element!.x + element!.width, 'element right').toBeLessThanOrEqual(box!.x + box!.width);
        const before = await overflow(page);
        expect(before.scrollWidth, 'no sideways overflow before tabbing').toBeLessThanOrEqual(before.clientWidth);

        await page.getByLabel(t.number).focus();
        await page.keyboard.press('Tab');
        await expect(page.getByLabel(t.expiry)).toBeFocused();
        await page.keyboard.press('Tab');
        await expect(page.getByLabel(t.cvc)).toBeFocused();
        const after = await overflow(page);
        expect(after.scrollWidth, 'no sideways overflow after tabbing').toBeLessThanOrEqual(after.clientWidth);
        expect(after.scrollLeft, 'the sheet did not scroll sideways').toBe(0);

        // The CVC whole: inside the drawer and the viewport, and nothing clips it.
        const cvc = (await page.getByLabel(t.cvc).boundingBox())!;
        expect(cvc.x).toBeGreaterThanOrEqual(box!.x);
        expect(cvc.x + cvc.width).toBeLessThanOrEqual(Math.min(box!.x + box!.width, size.width));
        await expect(page.getByLabel(t.cvc)).toBeInViewport({ ratio: 1 });

        const violations = (await new AxeBuilder({ page }).withTags(axeTags).analyze()).violations;
        expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        expect(problems.uncaught).toEqual([]);
      });
    }

    test('the slot keeps the drawer width whatever its content asks for: a Payment Element that is not fluid cannot widen the sheet', async ({ page }) => {
      await openSheet(page, 'en');
      // A stand-in for an element with a fixed minimum width (set through CSSOM, which a strict CSP allows).
      await page.locator('[data-stripe-sandbox=payment]').evaluate((el) => (el.style.minWidth = '600px'));
      const box = (await drawer(page).boundingBox())!;
      for (const part of [drawer(page).locator('fieldset.payment'), page.locator('[slot=payment]')]) {
        const b = (await part.boundingBox())!;
        expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width);
      }
    });
  });
}
