import AxeBuilder from '@axe-core/playwright';
import { blockStripeJs, drawer, effort, newEmail, openStore, paidIntentId, stripeFor, unblockStripeJs } from './checkout-helpers';
import { expect, test } from './fixtures';

// Issue 14, "Express checkout on a phone is one tap". A phone has no hover and
// its first touch is the tap itself: loading the wallet on that touch left the
// shopper tapping twice (once to load, once to pay). On a touch screen the
// element starts loading as it nears the viewport, so the wallet button is in
// place before the finger arrives — and not before, for elements far down the page.

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });

const STRIPE_JS = /\/v3\/?(\?|$)/;

test('on a phone, scrolling the product into view readies the wallet, and one tap on it pays', async ({ page, problems }) => {
  const stripeRequests: string[] = [];
  page.on('request', (request) => STRIPE_JS.test(new URL(request.url()).pathname) && stripeRequests.push(request.url()));
  await openStore(page);
  const express = page.locator('cartlift-express-checkout');
  // Below the first screen and the half screen past it at which a touch screen starts loading: nothing of the wallet is fetched yet.
  expect(await express.evaluate((el) => el.getBoundingClientRect().top > 1.5 * innerHeight)).toBe(true);
  // The observer reports an element's first position within a frame of observing it.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await expect(express.getByRole('button', { name: 'Express checkout' }), 'not loading at load').not.toHaveAttribute('aria-busy');
  expect(stripeRequests, 'Stripe.js is not fetched at load for an element far off-screen').toEqual([]);
  await express.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const wallet = express.getByRole('button', { name: 'Pay (test wallet)' });
  await expect(wallet).toBeVisible();
  const e = effort();
  e.counts.clicks++;
  await wallet.tap();
  const sheet = page.getByRole('dialog', { name: 'Test wallet' });
  await expect(sheet).toBeVisible();
  await sheet.getByLabel('Wallet email').fill(newEmail('phone-wallet'));
  await sheet.getByRole('button', { name: 'Confirm test payment' }).tap();
  const intent = await (await stripeFor(page)).paymentIntents.retrieve(await paidIntentId(page));
  expect(intent.status).toBe('succeeded');
  expect(e.counts.clicks, 'one tap on the page (then the wallet sheet’s own confirm)').toBe(1);
  expect(stripeRequests.length, 'Stripe.js is fetched once').toBe(1);
  await expect(drawer(page)).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  expect(problems.uncaught).toEqual([]);
});

test('on a phone, an element that loads as it nears the viewport does not load again, nor shift the page', async ({ page, problems }) => {
  await openStore(page);
  const express = page.locator('cartlift-express-checkout');
  const box = () => express.evaluate((el) => el.getBoundingClientRect().height);
  const reserved = await box();
  await express.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect(express.getByRole('button', { name: 'Pay (test wallet)' })).toBeVisible();
  expect(await box(), 'the wallet takes the reserved height').toBe(reserved);
  // Scrolling away and back mounts nothing more.
  await page.evaluate(() => scrollTo(0, 0));
  await express.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect(express.locator('[data-stripe-sandbox=expressCheckout]')).toHaveCount(1);
  expect(problems.uncaught).toEqual([]);
});

test("on a phone, a wallet that could not load as it neared says so, and only the shopper's tap on Try again loads it again", async ({ page, problems }) => {
  await blockStripeJs(page);
  await openStore(page);
  const express = page.locator('cartlift-express-checkout');
  await express.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect(express.getByRole('alert')).toHaveText('Payment could not load. Check your connection and try again — your cart is saved.');
  const retry = express.getByRole('button', { name: 'Try again' });
  await expect(retry).not.toHaveAttribute('aria-busy');
  // Scrolling away and back does not retry on its own (nor repeat the alert).
  await page.evaluate(() => scrollTo(0, 0));
  await express.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await expect(retry).not.toHaveAttribute('aria-busy');
  await unblockStripeJs(page);
  await retry.tap();
  await expect(express.getByRole('button', { name: 'Pay (test wallet)' })).toBeVisible();
  await expect(express.getByRole('alert')).toHaveText('');
  expect(problems.uncaught).toEqual([]);
});
