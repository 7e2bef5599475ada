import type { Page } from '@playwright/test';
import { drawer, newEmail, paidIntentId } from './checkout-helpers';
import { booted, expect } from './fixtures';
import type { ShopperLocale } from './screens';

// One shopper's way through the demo store, from adding a product to the
// thank-you screen, stopping at every state a shopper sees. The e2e tour
// checks each state (axe, overflow); `npm run docs:screenshots` photographs
// them for docs/checkout.md. Both walk the same steps, so the pictures show
// what the tests hold.

export type TourLocale = ShopperLocale;

/** The states the tour stops at, in order. */
export type TourState = 'store' | 'cart' | 'coupon' | 'checkout-errors' | 'checkout' | 'payment' | 'wechat-qr' | 'paid';

const words = {
  en: { add: /^Add to cart/, checkout: 'Checkout', apply: 'Apply', coupon: 'Coupon code', pay: /^Pay /, card: 'Card' },
  'zh-CN': { add: /^加入购物车/, checkout: '去结账', apply: '使用', coupon: '优惠码', pay: /^支付 /, card: '银行卡' },
} as const;

/** The address a shopper in the locale's home country types: Hangzhou for zh-CN, Portland for en. */
async function fillDetails(page: Page, locale: TourLocale): Promise<void> {
  const sheet = drawer(page);
  await sheet.locator('#cartlift-email').fill(newEmail(`tour-${locale}`));
  if (locale === 'zh-CN') {
    // China's form: province → city → district → street, the phone required, no postcode.
    await sheet.locator('#cartlift-name').fill('李伟');
    await sheet.locator('#cartlift-phone').fill('13800138000');
    await sheet.locator('#cartlift-state').selectOption({ label: '浙江省' });
    await sheet.locator('#cartlift-city').fill('杭州市');
    await sheet.locator('#cartlift-district').fill('西湖区');
    await sheet.locator('#cartlift-line1').fill('文三路 100 号');
  } else {
    await sheet.locator('#cartlift-name').fill('Jamie Rivera');
    await sheet.locator('#cartlift-line1').fill('1200 NW Everett St');
    await sheet.locator('#cartlift-city').fill('Portland');
    await sheet.locator('#cartlift-state').selectOption({ label: 'Oregon' });
    await sheet.locator('#cartlift-postal').fill('97209');
  }
}

/**
 * Walks the demo store as a shopper in `locale` and awaits `at(state)` at each
 * stop. English pays by card; Chinese pays by WeChat Pay (its QR code is a stop).
 *
 * @example
 * await shopperTour(page, 'zh-CN', async (state) => expect(await axeViolations(page), state).toEqual([]));
 */
export async function shopperTour(page: Page, locale: TourLocale, at: (state: TourState) => Promise<void>): Promise<void> {
  const say = words[locale];
  // The demo's language switch: the page, and the script tag's data-locale with it.
  await page.goto(locale === 'en' ? '/' : '/?lang=zh-CN');
  await booted(page);
  await page.getByRole('button', { name: say.add }).nth(1).click();
  await expect(page.locator('cartlift-cart [part=count]')).toHaveText('1');
  await at('store');
  await page.locator('cartlift-cart').getByRole('button').first().click();
  await expect(drawer(page).getByRole('heading', { level: 2 })).toBeFocused();
  await expect(drawer(page).getByRole('button', { name: say.checkout, exact: true })).toBeEnabled();
  await at('cart');
  await drawer(page).getByLabel(say.coupon).fill('WELCOME10');
  await drawer(page).getByRole('button', { name: say.apply }).click();
  await expect(drawer(page).locator('dl')).toContainText('WELCOME10');
  await at('coupon');
  await drawer(page).getByRole('button', { name: say.checkout, exact: true }).click();
  const pay = drawer(page).getByRole('button', { name: say.pay });
  await expect(pay).toBeEnabled();
  await pay.click();
  await expect(drawer(page).locator('[aria-invalid=true]').first()).toBeFocused();
  await at('checkout-errors');
  await fillDetails(page, locale);
  await at('checkout');
  await page.getByRole('tab', { name: locale === 'zh-CN' ? '微信支付' : say.card }).click();
  if (locale === 'en') await page.getByRole('button', { name: 'Fill test card 4242' }).click();
  await drawer(page).locator('[part=pay]').scrollIntoViewIfNeeded();
  await at('payment');
  await pay.click();
  if (locale === 'zh-CN') {
    const scan = page.getByRole('button', { name: '模拟扫码' });
    await expect(scan).toBeVisible();
    await at('wechat-qr');
    await scan.click();
  }
  await paidIntentId(page);
  await booted(page);
  await at('paid');
}
