import { expect, test, type Page } from '@playwright/test';
import Stripe from 'stripe';
// The built package, as in stripe-js.e2e.ts: the e2e test covers what ships.
import { startStripeSandbox, type StripeSandbox } from '@cartlift/stripe-sandbox';
import { startHost } from './fixture/host.js';

let sandbox: StripeSandbox;
let stripe: Stripe;
let host: Awaited<ReturnType<typeof startHost>>;

test.beforeAll(async () => {
  sandbox = await startStripeSandbox();
  stripe = new Stripe(sandbox.secretKey, { ...sandbox.stripeClientOptions, telemetry: false });
  // The shop server's side of "finalize payments on the server", with the real client.
  host = await startHost(sandbox.url, async (body) => {
    const token = String(body.confirmationToken);
    try {
      const pi = await stripe.paymentIntents.create(
        { amount: Number(body.amount), currency: String(body.currency), confirm: true, confirmation_token: token, metadata: { cartlift_checkout_id: token } },
        { idempotencyKey: `pay-${token}` },
      );
      return { id: pi.id, status: pi.status, clientSecret: pi.client_secret };
    } catch (error) {
      return { error: (error as Stripe.errors.StripeError).code ?? 'unknown' };
    }
  });
});
test.afterAll(async () => {
  await host.close();
  await sandbox.close();
});

/** Opens the mode-based checkout and fails the test on any CSP violation or page error. */
async function openDeferred(page: Page, amount = 2599, currency = 'usd') {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  await page.goto(`${host.url}/deferred?pk=${sandbox.publishableKey}&amount=${amount}&currency=${currency}`);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'payment');
  return problems;
}

async function fillCard(page: Page, number: string) {
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiration date (MM / YY)').fill('12 / 40');
  await page.getByLabel('Security code (CVC)').fill('123');
}

/** The intent the server created for the token the page made. */
async function intentForPage(page: Page) {
  const token = (await page.locator('body').getAttribute('data-token')) ?? '';
  const used = await stripe.confirmationTokens.retrieve(token);
  expect(used.payment_intent).toMatch(/^pi_/);
  return sandbox.paymentIntents().find((p) => p.id === used.payment_intent);
}

test('createConfirmationToken with the Payment Element; the server confirms with the real stripe client', async ({ page }) => {
  const problems = await openDeferred(page);
  await fillCard(page, '4242424242424242');
  await page.getByRole('button', { name: 'Pay now' }).click();
  await expect(page.locator('#out')).toHaveText('{"status":"succeeded"}');
  const intent = await intentForPage(page);
  expect(intent).toMatchObject({ status: 'succeeded', amount: 2599, payment_method: { type: 'card', card: { last4: '4242' } } });
  expect(problems).toEqual([]);
});

test('3-D Secure after server-side confirmation is completed through stripe.handleNextAction', async ({ page }) => {
  await openDeferred(page, 2599, 'eur');
  await fillCard(page, '4000002500003155');
  await page.getByRole('button', { name: 'Pay now' }).click();
  const dialog = page.getByRole('dialog', { name: 'Authenticate test payment (3D Secure)' });
  await expect(dialog.getByRole('button', { name: 'Complete authentication' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Complete authentication' }).click();
  await expect(page.locator('#out')).toHaveText('{"status":"succeeded"}');
  expect((await intentForPage(page))?.status).toBe('succeeded');
});

test('a declined card comes back from the server as card_declined', async ({ page }) => {
  await openDeferred(page);
  await fillCard(page, '4000000000000002');
  await page.getByRole('button', { name: 'Pay now' }).click();
  await expect(page.locator('#out')).toHaveText('{"error":"card_declined"}');
  expect(await intentForPage(page)).toMatchObject({ status: 'requires_payment_method', last_payment_error: { code: 'card_declined' } });
});

test("Alipay: handleNextAction redirects to the authorize page and back to the token's return_url", async ({ page }) => {
  await openDeferred(page, 1000, 'cny');
  await page.getByRole('tab', { name: 'Alipay' }).click();
  await page.getByRole('button', { name: 'Pay now' }).click();
  await expect(page).toHaveURL(/\/sandbox\/authorize\/pi_/);
  await page.getByRole('button', { name: /Authorize test payment/ }).click();
  await expect(page).toHaveURL(/\/done\?/);
  const back = new URL(page.url());
  const intent = sandbox.paymentIntents().find((p) => p.id === back.searchParams.get('payment_intent'));
  expect(intent).toMatchObject({ status: 'succeeded', payment_method: { type: 'alipay' } });
  expect(back.searchParams.get('payment_intent_client_secret')).toBe(intent?.client_secret);
  expect(back.searchParams.get('redirect_status')).toBe('succeeded');
});
