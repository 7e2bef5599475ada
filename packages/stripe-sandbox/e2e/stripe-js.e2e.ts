import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import Stripe from 'stripe';
// Resolves to the built package (dist/index.js serving dist/stripe-js.js) under Playwright:
// the e2e test covers what ships.
import { startStripeSandbox, type StripeSandbox } from '@cartlift/stripe-sandbox';
import { startHost } from './fixture/host.js';

let sandbox: StripeSandbox;
let stripe: Stripe;
let host: Awaited<ReturnType<typeof startHost>>;

test.beforeAll(async () => {
  sandbox = await startStripeSandbox();
  stripe = new Stripe(sandbox.secretKey, { ...sandbox.stripeClientOptions, telemetry: false });
  host = await startHost(sandbox.url);
});
test.afterAll(async () => {
  await host.close();
  await sandbox.close();
});

/** Opens the checkout for a new PaymentIntent and fails the test on any CSP violation or page error. */
async function openCheckout(page: Page, params: Stripe.PaymentIntentCreateParams, locale = 'en') {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  const pi = await stripe.paymentIntents.create(params);
  await page.goto(`${host.url}/checkout?pk=${sandbox.publishableKey}&cs=${pi.client_secret}&locale=${locale}`);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'payment');
  return { pi, problems };
}

test('card payment under a strict CSP, zero axe violations, bilingual test-mode banner', async ({ page }) => {
  const { pi, problems } = await openCheckout(page, { amount: 2599, currency: 'usd' });
  await expect(page.getByText('Test mode — no real payment / 测试模式 — 不会真实扣款').first()).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Card' })).toHaveAttribute('aria-selected', 'true');
  await page.getByLabel('Card number').fill('4242424242424242');
  await page.getByLabel('Expiration date (MM / YY)').fill('12 / 40');
  await page.getByLabel('Security code (CVC)').fill('123');
  await expect(page.locator('body')).toHaveAttribute('data-change', 'card:true');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.getByRole('button', { name: 'Pay now' }).click();
  await expect(page.locator('#out')).toHaveText('{"status":"succeeded"}');
  expect(sandbox.paymentIntents().find((p) => p.id === pi.id)?.payment_method).toMatchObject({ type: 'card', card: { last4: '4242' } });
  expect(problems).toEqual([]);
});

test("declined card shows Stripe's message in the element and returns the error", async ({ page }) => {
  await openCheckout(page, { amount: 2599, currency: 'usd' });
  await page.getByLabel('Card number').fill('4000 0000 0000 0002');
  await page.getByLabel('Expiration date (MM / YY)').fill('12/40');
  await page.getByLabel('Security code (CVC)').fill('123');
  await page.getByRole('button', { name: 'Pay now' }).click();
  await expect(page.locator('#out')).toContainText('"error":"card_declined"');
  await expect(page.getByRole('alert')).toHaveText('Your card was declined.');
});

test('3-D Secure card opens the authentication dialog', async ({ page }) => {
  await openCheckout(page, { amount: 2599, currency: 'eur' });
  await page.getByRole('button', { name: 'Fill test card 4242' }).click();
  await page.getByLabel('Card number').fill('4000002500003155');
  await page.getByRole('button', { name: 'Pay now' }).click();
  const dialog = page.getByRole('dialog', { name: 'Authenticate test payment (3D Secure)' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Complete authentication' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Complete authentication' }).click();
  await expect(page.locator('#out')).toHaveText('{"status":"succeeded"}');
});

test('Alipay redirects to the sandbox authorize page and back to return_url like Stripe', async ({ page }) => {
  const { pi } = await openCheckout(page, { amount: 1000, currency: 'cny' });
  await page.getByRole('tab', { name: 'Alipay' }).click();
  await page.getByRole('button', { name: 'Pay now' }).click();
  await expect(page).toHaveURL(new RegExp(`/sandbox/authorize/${pi.id}`));
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.getByRole('button', { name: /Authorize test payment/ }).click();
  await expect(page).toHaveURL(/\/done\?/);
  const back = new URL(page.url());
  expect(back.searchParams.get('payment_intent')).toBe(pi.id);
  expect(back.searchParams.get('payment_intent_client_secret')).toBe(pi.client_secret);
  expect(back.searchParams.get('redirect_status')).toBe('succeeded');
  const recorded = sandbox.paymentIntents().find((p) => p.id === pi.id);
  expect(recorded?.status).toBe('succeeded');
  expect((recorded!.payment_method as { type: string }).type).toBe('alipay');
});

test('WeChat Pay shows a QR dialog; "Simulate scan" pays (Chinese locale, keyboard only)', async ({ page }) => {
  const { pi, problems } = await openCheckout(page, { amount: 1000, currency: 'cny' }, 'zh');
  const wechat = page.getByRole('tab', { name: '微信支付' });
  await page.getByRole('tab', { name: '银行卡' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(wechat).toBeFocused();
  await expect(wechat).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Pay now' }).click();
  const dialog = page.getByRole('dialog', { name: '用微信扫码（测试）' });
  await expect(dialog.getByRole('img', { name: '测试二维码（不可扫描）' })).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(page.locator('#out')).toHaveText('{"status":"succeeded"}');
  expect((sandbox.paymentIntents().find((p) => p.id === pi.id)!.payment_method as { type: string }).type).toBe('wechat_pay');
  expect(problems).toEqual([]);
});

test('Express Checkout: "Pay (test wallet)" fires click then confirm; dismissing fires cancel', async ({ page }) => {
  const { pi } = await openCheckout(page, { amount: 1500, currency: 'usd' });
  const wallet = page.getByRole('button', { name: 'Pay (test wallet)' });
  await wallet.click();
  await expect(page.locator('body')).toHaveAttribute('data-clicked', 'link');
  await page.keyboard.press('Escape');
  await expect(page.locator('#out')).toHaveText('{"canceled":true}');
  await wallet.click();
  await page.getByRole('dialog', { name: 'Test wallet' }).getByRole('button', { name: 'Confirm test payment' }).click();
  await expect(page.locator('#out')).toHaveText('{"status":"succeeded"}');
  expect((sandbox.paymentIntents().find((p) => p.id === pi.id)!.payment_method as { type: string }).type).toBe('link');
});

test('Express Checkout asked for a shipping address shows it with the rate and hands both to confirm; without rates it refuses like Stripe', async ({
  page,
}) => {
  const { pi } = await openCheckout(page, { amount: 2100, currency: 'usd' });
  await page.goto(`${host.url}/checkout?pk=${sandbox.publishableKey}&cs=${pi.client_secret}&ship=1`);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'payment');
  await page.getByRole('button', { name: 'Pay (test wallet)' }).click();
  const sheet = page.getByRole('dialog', { name: 'Test wallet' });
  await expect(sheet).toContainText('Ship to: Test Shopper, 1 Test Street, Shanghai 200000, CN — Standard');
  await sheet.getByRole('button', { name: 'Confirm test payment' }).click();
  await expect(page.locator('#out')).toHaveText('{"status":"succeeded"}');
  expect(JSON.parse((await page.locator('body').getAttribute('data-shipping'))!)).toEqual({
    to: { name: 'Test Shopper', address: { line1: '1 Test Street', line2: null, city: 'Shanghai', state: '上海市', postal_code: '200000', country: 'CN' } },
    rate: 'standard',
  });

  const next = await stripe.paymentIntents.create({ amount: 2100, currency: 'usd' });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${host.url}/checkout?pk=${sandbox.publishableKey}&cs=${next.client_secret}&ship=norates`);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'payment');
  await page.getByRole('button', { name: 'Pay (test wallet)' }).click();
  await expect
    .poll(() => errors)
    .toEqual([
      '[Stripe sandbox] expressCheckout click resolve(): shippingRates must list at least one rate when shippingAddressRequired is true; received none.',
    ]);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('elements.update() that changes nothing shown keeps the very inputs and what was typed; a new locale re-renders and keeps it too', async ({ page }) => {
  await openCheckout(page, { amount: 1500, currency: 'usd' });
  const number = page.getByLabel('Card number');
  await number.fill('4242424242424242');
  type Marked = HTMLInputElement & { marked?: boolean };
  await number.evaluate((input) => ((input as Marked).marked = true));
  await page.evaluate(() => (window as unknown as { sandboxElements: { update(o: object): Promise<void> } }).sandboxElements.update({ locale: 'en' }));
  // The same input element: nothing was swapped under the shopper's typing.
  expect(await number.evaluate((input) => (input as Marked).marked === true)).toBe(true);
  await expect(number).toHaveValue('4242 4242 4242 4242');
  await page.evaluate(() => (window as unknown as { sandboxElements: { update(o: object): Promise<void> } }).sandboxElements.update({ locale: 'zh' }));
  await expect(page.getByLabel('卡号')).toHaveValue('4242 4242 4242 4242');
});

test("the Payment Element is fluid like Stripe's: in a 320 px container it fits, expiry and CVC share a row, and narrower they stack", async ({ page }) => {
  await openCheckout(page, { amount: 1500, currency: 'usd' });
  const payment = page.locator('#payment');
  /** The container's box and each card field's, at a container width (set through CSSOM, which the strict CSP allows). */
  const layout = async (width: number) => {
    await payment.evaluate((el, w) => (el.style.width = `${w}px`), width);
    const container = (await payment.boundingBox())!;
    const element = (await page.locator('[data-stripe-sandbox=payment]').boundingBox())!;
    const [number, expiry, cvc] = await Promise.all(
      ['Card number', 'Expiration date (MM / YY)', 'Security code (CVC)'].map(async (label) => (await page.getByLabel(label).boundingBox())!),
    );
    const overflow = await page.locator('[data-stripe-sandbox=payment]').evaluate((host) => {
      const root = host.shadowRoot!.querySelector<HTMLElement>('.root')!;
      return root.scrollWidth - root.clientWidth;
    });
    return { container, element, number: number!, expiry: expiry!, cvc: cvc!, overflow };
  };
  const right = (box: { x: number; width: number }) => box.x + box.width;

  const at320 = await layout(320);
  expect(at320.element.width).toBe(320);
  expect(at320.overflow).toBe(0);
  for (const field of [at320.number, at320.expiry, at320.cvc]) {
    expect(field.x).toBeGreaterThanOrEqual(at320.container.x);
    expect(right(field)).toBeLessThanOrEqual(right(at320.container));
  }
  // Card number on its own row; expiry and CVC side by side on the next.
  expect(at320.expiry.y).toBeGreaterThan(at320.number.y);
  expect(at320.cvc.y).toBe(at320.expiry.y);
  expect(at320.cvc.x).toBeGreaterThan(right(at320.expiry));

  const at240 = await layout(240);
  expect(at240.overflow).toBe(0);
  expect(right(at240.cvc)).toBeLessThanOrEqual(right(at240.container));
  expect(at240.cvc.y).toBeGreaterThan(at240.expiry.y);
});
