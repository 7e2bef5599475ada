import { axeViolations as axe } from './axe';
import type { Locator, Page } from '@playwright/test';
import { cupAtCheckout, drawer, effort, fillCard, fillContact, newEmail, openStoreIn, paidIntentId, payRemembered, savedProfile } from './checkout-helpers';
import { booted, expect, test } from './fixtures';
import { DESKTOP, PHONE } from './screens';

// Issue 14: each country's address form from libaddressinput's data (China
// province → city → district → street, no postcode, the phone required; the
// US, the UK and Japan in their own order and words), the server refusing
// what the form would, typed details kept through a reload until paid, and a
// returning shopper's last payment method offered first.

/** The shipping fieldset's controls as the shopper meets them: label and autocomplete token, in order. */
async function addressFields(page: Page): Promise<string[]> {
  const fieldset = drawer(page).getByRole('group', { name: /Shipping address|收货地址/ });
  return fieldset
    .locator('input, select')
    .evaluateAll((controls) => controls.map((c) => `${(c as HTMLInputElement).labels?.[0]?.textContent} [${c.getAttribute('autocomplete')}]`));
}

const payButton = (page: Page) => drawer(page).getByRole('button', { name: /^Pay |^支付 / });

/** The store in `locale`, the celadon cup at Checkout, Pay ready. */
async function openSheet(page: Page, locale: 'en' | 'zh-CN'): Promise<void> {
  await openStoreIn(page, locale);
  await cupAtCheckout(page, locale === 'en' ? 'Checkout' : '去结账');
  await expect(payButton(page)).toBeEnabled();
}

const sessionForm = (page: Page) => page.evaluate(() => sessionStorage.getItem('cartlift:checkout-form'));

test.describe('phone 390×844, Chinese', () => {
  test.use(PHONE);

  test('China: province → city → district → street, no postcode, the phone required', async ({ page, problems }) => {
    await openSheet(page, 'zh-CN');
    const d = drawer(page);
    expect(await addressFields(page)).toEqual([
      '国家或地区 [country]',
      '省份 [address-level1]',
      '城市 [address-level2]',
      '区/县（选填） [address-level3]',
      '详细地址 [address-line1]',
    ]);
    await expect(d.getByLabel('邮政编码')).toHaveCount(0);
    const phone = d.getByLabel('电话', { exact: true });
    await expect(phone).toHaveAttribute('required', '');
    await expect(d.getByLabel('省份')).toContainText('浙江省');

    await d.getByLabel('邮箱').fill(newEmail('cn-form'));
    await d.getByLabel('姓名').fill('李伟');
    await d.getByLabel('城市').fill('杭州市');
    await d.getByLabel('详细地址').fill('文三路 1 号');
    await payButton(page).click();
    await expect(d.getByRole('alert').filter({ hasText: '请修改标出的信息。' })).toBeVisible();
    await expect(phone).toBeFocused();
    await expect(phone).toHaveAttribute('aria-invalid', 'true');
    await expect(d.getByText('请填写电话。')).toBeVisible();
    await expect(d.getByLabel('省份')).toHaveAttribute('aria-invalid', 'true');
    await expect(d.getByText('请填写省份。')).toBeVisible();
    expect(await axe(page)).toEqual([]);

    await phone.fill('+86 138 0013 8000');
    await d.getByLabel('省份').selectOption('浙江省');
    await d.getByLabel('区/县（选填）').fill('西湖区');
    await page.getByRole('tab', { name: '银行卡' }).click();
    await page.getByLabel('卡号').fill('4242424242424242');
    await page.getByLabel(/有效期/).fill('12/40');
    await page.getByLabel(/安全码/).fill('123');
    await payButton(page).click();
    await paidIntentId(page);
    expect(problems.uncaught).toEqual([]);
  });
});

test.describe('desktop, English', () => {
  test.use(DESKTOP);

  test('the US, the UK and Japan each get their order and words; a change of country keeps what still applies', async ({ page, problems }) => {
    await openSheet(page, 'en');
    const d = drawer(page);
    const country = d.getByLabel('Country or region');
    await expect(country).toHaveValue('US');
    expect(await addressFields(page)).toEqual([
      'Country or region [country]',
      'Address [address-line1]',
      'Apartment, suite (optional) [address-line2]',
      'City [address-level2]',
      'State [address-level1]',
      'ZIP code [postal-code]',
    ]);
    await expect(d.getByLabel('Phone (optional)')).not.toHaveAttribute('required');
    await d.getByLabel('Address', { exact: true }).fill('1 Old Street');
    await d.getByLabel('City').fill('London');
    await d.getByLabel('State').selectOption('CA');
    await d.getByLabel('ZIP code').fill('EC1Y 8SY');
    await payButton(page).click();
    await expect(d.getByText('ZIP code must look like 95014.')).toBeVisible();
    expect(await axe(page)).toEqual([]);

    await country.selectOption('GB');
    expect(await addressFields(page)).toEqual([
      'Country or region [country]',
      'Address [address-line1]',
      'Apartment, suite (optional) [address-line2]',
      'Post town [address-level2]',
      'Postal code [postal-code]',
    ]);
    // What still applies is kept: the street, the town, the postcode (a UK one, now valid).
    await expect(d.getByLabel('Address', { exact: true })).toHaveValue('1 Old Street');
    await expect(d.getByLabel('Post town')).toHaveValue('London');
    await expect(d.getByLabel('Postal code')).toHaveValue('EC1Y 8SY');

    await country.selectOption('JP');
    expect(await addressFields(page)).toEqual([
      'Country or region [country]',
      'Postal code 〒 [postal-code]',
      'Prefecture [address-level1]',
      'Address [address-line1]',
      'Apartment, suite (optional) [address-line2]',
    ]);
    await expect(d.getByLabel('Prefecture')).toContainText('Tokyo');
    await d.getByLabel('Postal code 〒').fill('1540023');
    await d.getByLabel('Address', { exact: true }).fill('');
    await payButton(page).click();
    await expect(d.getByText('Prefecture is required.')).toBeVisible();
    await expect(d.getByText('Address is required.')).toBeVisible();
    expect(await axe(page)).toEqual([]);
    expect(problems.uncaught).toEqual([]);
  });

  test('the server refuses a US address without its ZIP code, naming the field', async ({ page }) => {
    await openStoreIn(page, 'en');
    const res = await page.request.post('/api/cartlift/checkout', {
      data: {
        checkoutId: `addr-${Date.now()}`,
        lines: [{ sku: 'CUP-CELADON', quantity: 1 }],
        contact: { email: newEmail('no-zip') },
        shipping: { address: { line1: '1 Infinite Loop', city: 'Cupertino', state: 'CA', country: 'US' } },
        confirmationToken: 'ctoken_test',
        expectedTotal: 1800,
      },
    });
    expect(res.status()).toBe(400);
    const { error } = await res.json();
    expect(error).toMatchObject({ code: 'invalid_request', field: 'shipping.address.postal_code' });
    expect(error.message).toContain('shipping.address.postal_code is required for US addresses');
  });
});

for (const screen of [
  { name: 'phone', use: PHONE },
  { name: 'desktop', use: DESKTOP },
]) {
  test.describe(`typed details through a reload (${screen.name})`, () => {
    test.use(screen.use);

    test('a reload keeps what was typed; paying forgets it', async ({ page, problems }) => {
      await openSheet(page, 'en');
      const email = newEmail('reload');
      await fillContact(page, effort(), email);
      await drawer(page)
        .getByLabel(/Remember my details/)
        .check();
      await expect.poll(() => sessionForm(page)).toContain(email);
      expect(await sessionForm(page)).not.toMatch(/4242|cvc|card/i);

      await page.reload();
      await booted(page);
      await page.locator('cartlift-cart').getByRole('button').first().click();
      await drawer(page).getByRole('button', { name: 'Checkout', exact: true }).click();
      const d = drawer(page);
      await expect(d.getByLabel('Email')).toHaveValue(email);
      await expect(d.getByLabel('Full name')).toHaveValue('Li Wei');
      await expect(d.getByLabel('Address', { exact: true })).toHaveValue('1 Infinite Loop');
      await expect(d.getByLabel('State')).toHaveValue('CA');
      await expect(d.getByLabel('ZIP code')).toHaveValue('95014');
      await expect(d.getByLabel(/Remember my details/)).toBeChecked();
      expect(await axe(page)).toEqual([]);

      await fillCard(page, effort());
      await payButton(page).click();
      await paidIntentId(page);
      expect(await sessionForm(page)).toBeNull();
      expect(problems.uncaught).toEqual([]);
    });
  });
}

test.describe('typed details and a saved profile (desktop)', () => {
  test.use(DESKTOP);

  test('after a reload, what was typed wins over the saved profile (it is newer)', async ({ page, problems }) => {
    const email = newEmail('typed-wins');
    await payRemembered(page, email);
    await openSheet(page, 'en');
    const name = drawer(page).getByLabel('Full name');
    await expect(name).toHaveValue('Li Wei');
    await name.fill('Wei Li');
    await expect.poll(() => sessionForm(page)).toContain('Wei Li');
    await page.reload();
    await booted(page);
    await page.locator('cartlift-cart').getByRole('button').first().click();
    await drawer(page).getByRole('button', { name: 'Checkout', exact: true }).click();
    await expect(drawer(page).getByRole('button', { name: 'Forget me' })).toBeVisible();
    await expect(name).toHaveValue('Wei Li');
    await expect(drawer(page).getByLabel('Email')).toHaveValue(email);
    expect(problems.uncaught).toEqual([]);
  });
});

test.describe('typed details forgotten (desktop)', () => {
  test.use(DESKTOP);

  test('emptying the cart forgets what was typed', async ({ page, problems }) => {
    await openSheet(page, 'en');
    await drawer(page).getByLabel('Email').fill(newEmail('emptied'));
    await expect.poll(() => sessionForm(page)).toContain('emptied');
    await drawer(page)
      .getByRole('button', { name: /Back to cart/ })
      .click();
    await drawer(page)
      .getByRole('button', { name: /^Remove / })
      .click();
    await expect(drawer(page).getByText('Your cart is empty.')).toBeVisible();
    await expect.poll(() => sessionForm(page)).toBeNull();
    expect(problems.uncaught).toEqual([]);
  });

  test('"Forget me" forgets what was typed with the saved profile', async ({ page, problems }) => {
    await payRemembered(page, newEmail('forget'));
    await openSheet(page, 'en');
    await drawer(page).getByLabel('Full name').fill('Wei Li');
    await expect.poll(() => sessionForm(page)).toContain('Wei Li');
    await drawer(page).getByRole('button', { name: 'Forget me' }).click();
    await expect(drawer(page).getByLabel('Full name')).toHaveValue('');
    expect(await sessionForm(page)).toBeNull();
    await expect.poll(() => savedProfile(page)).toBeUndefined();
    expect(problems.uncaught).toEqual([]);
  });
});

test.describe('returning shopper (desktop)', () => {
  test.use(DESKTOP);

  test('who paid with Alipay last time finds Alipay first and selected', async ({ page, problems }) => {
    const email = newEmail('alipay-again');
    // A first order by card, remembered; then one by Alipay.
    await payRemembered(page, email);
    await openSheet(page, 'en');
    const tab = (name: string): Locator => page.getByRole('tab', { name });
    await expect(tab('Card')).toHaveAttribute('aria-selected', 'true');
    await tab('Alipay').click();
    await payButton(page).click();
    await page.getByRole('button', { name: /Authorize test payment/ }).click();
    await booted(page);
    await paidIntentId(page);
    expect(await savedProfile(page)).toMatchObject({ email, paymentMethod: 'alipay' });

    await openSheet(page, 'en');
    await expect(page.getByRole('tablist').getByRole('tab').first()).toHaveText('Alipay');
    await expect(tab('Alipay')).toHaveAttribute('aria-selected', 'true');
    await expect(drawer(page).getByLabel('Email')).toHaveValue(email);
    expect(await axe(page)).toEqual([]);
    expect(problems.uncaught).toEqual([]);
  });
});
