import { axeViolations as axe } from './axe';
import {
  blockStripeJs,
  cupAtCheckout,
  drawer,
  effort,
  fillCard,
  fillContact,
  holdQuotes,
  intentsFor,
  layoutShift,
  newEmail,
  openCart,
  openStore,
  paidIntentId,
  payAmount,
  payRemembered,
  recordEvents,
  recorded,
  savedProfile,
  stripeFor,
  unblockStripeJs,
} from './checkout-helpers';
import { badgeCount, booted, expect, test } from './fixtures';

const stripeFailed = 'Payment could not load. Check your connection and try again — your cart is saved.';

test('a new shopper sees the first-purchase offer, uses a coupon and pays by card for exactly the server quote', async ({ page, problems }) => {
  const email = newEmail('new');
  const e = effort();
  await openStore(page);
  await recordEvents(page, ['begin_checkout', 'add_shipping_info', 'add_payment_info', 'purchase']);
  await e.click(page.getByRole('button', { name: /^Add to cart/ }).first());
  await e.click(page.getByRole('button', { name: /Add two/ }));
  await e.click(page.locator('cartlift-cart').getByRole('button').first());
  const d = drawer(page);
  await expect(d.locator('[part=first-purchase]')).toContainText('$5.00 off your first order');
  await expect(d).toContainText('Add $56.00 more for $20.00 off from $150.00 after discounts.');

  await e.fill(d.getByLabel('Coupon code'), 'welcome10', 'coupon');
  await e.click(d.getByRole('button', { name: 'Apply' }));
  await expect(d.locator('.codes')).toContainText('WELCOME10');
  await expect(d.locator('dl')).toContainText('WELCOME10: 10% off');
  expect(await axe(page), 'drawer').toEqual([]);

  await e.click(d.getByRole('button', { name: 'Checkout', exact: true }));
  await fillContact(page, e, email);
  await fillCard(page, e);
  expect(await axe(page), 'checkout sheet').toEqual([]);
  const shown = await payAmount(page);
  // What the server says this cart costs this shopper, asked independently.
  const quote = await (
    await page.request.post('/api/cartlift/quote', {
      data: {
        lines: [
          { sku: 'TEA-LJ-100', quantity: 1 },
          { sku: 'SET-GIFT', quantity: 2 },
        ],
        codes: ['WELCOME10'],
        contact: { email },
      },
    })
  ).json();
  expect(shown).toBe(quote.total);

  await e.click(d.getByRole('button', { name: /^Pay / }));
  const id = await paidIntentId(page);
  const stripe = await stripeFor(page);
  const intent = await stripe.paymentIntents.retrieve(id);
  expect(intent.status).toBe('succeeded');
  expect(intent.amount).toBe(quote.total);
  await expect(badgeCount(page)).toHaveText('0');
  // GA4's parameters where checkout knows them; purchase's value is what was charged.
  const events = Object.fromEntries((await recorded(page)).map((event) => [event.name, event]));
  expect(events.begin_checkout).toMatchObject({ coupon: 'WELCOME10' });
  expect(events.add_shipping_info).toMatchObject({ coupon: 'WELCOME10', shipping_tier: 'standard', value: quote.total });
  expect(events.add_payment_info).toMatchObject({ coupon: 'WELCOME10', payment_type: 'card', value: quote.total });
  expect(events.purchase).toMatchObject({ coupon: 'WELCOME10', transaction_id: id, value: quote.total, currency: 'USD' });

  // The webhook recorded the order: this email no longer gets the first-purchase offer.
  await expect
    .poll(async () => {
      const again = await (
        await page.request.post('/api/cartlift/quote', { data: { lines: [{ sku: 'TEA-LJ-100', quantity: 1 }], contact: { email } } })
      ).json();
      return again.notApplied.find((n: { promotionId: string }) => n.promotionId === 'first-order-5')?.reason.code;
    })
    .toBe('first_purchase');
  console.log(
    `new shopper, card: ${e.counts.fields.size} fields filled (${[...e.counts.fields].join(', ')}), ${e.counts.clicks} clicks from product page to paid`,
  );
  expect(problems.uncaught).toEqual([]);
});

test('a returning shopper with a saved profile pays from the product page with one click on the wallet button', async ({ page, problems }) => {
  // Three whole payments and four page loads: past 30 s when the suite's other worker runs the console's axe sweeps.
  test.slow();
  const email = newEmail('returning');
  // First visit: buy with "remember me" ticked.
  await payRemembered(page, email);

  // Next visit: the teapot's express checkout, nothing typed.
  await openStore(page);
  const express = page.locator('cartlift-express-checkout');
  const before = await layoutShift(page);
  const e = effort();
  await express.hover();
  const wallet = page.getByRole('button', { name: 'Pay (test wallet)' });
  await expect(wallet).toBeVisible();
  expect(await layoutShift(page), 'mounting the wallet buttons shifts nothing').toBe(before);
  expect(before, 'page load with Cartlift elements').toBe(0);
  await e.click(wallet);
  await e.click(page.getByRole('button', { name: 'Confirm test payment' }));
  const id = await paidIntentId(page);
  const intent = await (await stripeFor(page)).paymentIntents.retrieve(id);
  const quote = await (await page.request.post('/api/cartlift/quote', { data: { lines: [{ sku: 'POT-YIXING', quantity: 1 }], contact: { email } } })).json();
  expect(intent).toMatchObject({ status: 'succeeded', receipt_email: email, amount: quote.total });
  // Buy now leaves the shopper's cart alone (it was emptied by the first order).
  await expect(badgeCount(page)).toHaveText('0');
  console.log(
    `returning shopper, wallet: ${e.counts.clicks} clicks from product page to paid (1 on the page + the wallet's own confirm), ${e.counts.fields.size} fields typed`,
  );

  // "Buy now" prefills the saved profile: only the card remains to type.
  await openStore(page);
  const buy = effort();
  await buy.click(page.locator('cartlift-buy-button').getByRole('button', { name: 'Buy now' }));
  await expect(drawer(page).getByLabel('Email')).toHaveValue(email);
  await fillCard(page, buy);
  const buyNowShown = await payAmount(page);
  await buy.click(drawer(page).getByRole('button', { name: /^Pay / }));
  // Shown = charged: the saved email priced Buy now (no second first-order offer).
  expect((await (await stripeFor(page)).paymentIntents.retrieve(await paidIntentId(page))).amount).toBe(buyNowShown);
  const buyNowQuote = await (
    await page.request.post('/api/cartlift/quote', { data: { lines: [{ sku: 'POT-YIXING', quantity: 1 }], contact: { email } } })
  ).json();
  expect(buyNowShown).toBe(buyNowQuote.total);
  console.log(`returning shopper, buy now: ${buy.counts.clicks} clicks, ${buy.counts.fields.size} fields typed (${[...buy.counts.fields].join(', ')})`);

  // "Forget me" erases the profile from IndexedDB, not just from the form.
  await openStore(page);
  expect(await savedProfile(page)).toMatchObject({ email });
  await cupAtCheckout(page);
  await drawer(page).getByRole('button', { name: 'Forget me' }).click();
  await expect(drawer(page).getByLabel('Email')).toHaveValue('');
  await expect.poll(() => savedProfile(page)).toBeUndefined();
  await openStore(page);
  expect(await savedProfile(page)).toBeUndefined();
  expect(problems.uncaught).toEqual([]);
});

test('paying with "Remember my details" unticked erases the profile an earlier visit saved', async ({ page, problems }) => {
  const email = newEmail('unticked');
  await payRemembered(page, email);
  expect(await savedProfile(page)).toMatchObject({ email });

  await openStore(page);
  await cupAtCheckout(page);
  const remember = drawer(page).getByLabel(/Remember my details/);
  await expect(remember).toBeChecked(); // the saved profile has loaded into the form
  await remember.uncheck();
  await fillCard(page, effort());
  await drawer(page).getByRole('button', { name: /^Pay / }).click();
  await paidIntentId(page);
  expect(await savedProfile(page)).toBeUndefined();
  expect(problems.uncaught).toEqual([]);
});

for (const method of ['Alipay', 'WeChat Pay'] as const) {
  test(`${method} chosen in the Payment Element reaches Stripe as ${method === 'Alipay' ? 'alipay' : 'wechat_pay'}`, async ({ page, problems }) => {
    const email = newEmail(method === 'Alipay' ? 'alipay' : 'wechat');
    await openStore(page);
    await cupAtCheckout(page);
    await fillContact(page, effort(), email);
    await page.getByRole('tab', { name: method }).click();
    await drawer(page).getByRole('button', { name: /^Pay / }).click();
    if (method === 'Alipay') {
      // Alipay leaves the shop for its authorisation page, then returns.
      await page.getByRole('button', { name: /Authorize test payment/ }).click();
      await booted(page);
      // Stripe's return parameters are cleaned away; only the shown order stays (a reload shows it again).
      await expect.poll(() => [...new URL(page.url()).searchParams.keys()], { message: 'the return URL is cleaned' }).toEqual(['cartlift-order']);
    } else {
      await page.getByRole('button', { name: 'Simulate scan' }).click();
    }
    const id = await paidIntentId(page);
    const stripe = await stripeFor(page);
    const intent = await stripe.paymentIntents.retrieve(id);
    expect(intent.status).toBe('succeeded');
    const paymentMethod = await stripe.paymentMethods.retrieve(intent.payment_method as string);
    expect(paymentMethod.type).toBe(method === 'Alipay' ? 'alipay' : 'wechat_pay');
    expect(problems.uncaught).toEqual([]);
  });
}

test('an add-on is one tap, priced by the server, and reported as upsell_added', async ({ page, problems }) => {
  const stripeRequests: string[] = [];
  page.on('request', (r) => r.url().includes('/v3/') && stripeRequests.push(r.url()));
  await openStore(page);
  await page.waitForLoadState('networkidle');
  expect(stripeRequests, 'Stripe.js is not fetched at page load').toEqual([]);
  await page.evaluate(() => {
    const w = window as any;
    w.upsells = [];
    w.Cartlift.on('upsell_added', (e: { items: { item_id: string }[] }) => w.upsells.push(e.items[0]!.item_id));
  });
  await page
    .getByRole('button', { name: /Add to cart/ })
    .nth(2)
    .click();
  await openCart(page);
  const d = drawer(page);
  await d.getByRole('button', { name: /Add \+\$9\.00.*warranty/i }).click();
  await expect(d.locator('[part=line]')).toHaveCount(2);
  await expect(d.locator('dl')).toContainText('$98.00');
  // Reported once the cart has stored the add (the drawer shows it optimistically before).
  await expect.poll(() => page.evaluate(() => (window as any).upsells)).toEqual(['ADDON-WARRANTY-1Y']);
  expect(stripeRequests.length, 'opening the drawer is checkout intent: Stripe.js loads now').toBeGreaterThan(0);
  expect(problems.uncaught).toEqual([]);
});

test('a cart link fills the cart once the server has checked it, then leaves the URL clean', async ({ page, problems }) => {
  await page.goto('/?utm_source=mail&cartlift-cart=TEA-LJ-100:2,CUP-CELADON:1&cartlift-coupon=welcome10');
  await booted(page);
  const d = drawer(page);
  await expect(d.locator('[part=line]')).toHaveCount(2);
  await expect(badgeCount(page)).toHaveText('3');
  await expect(d.locator('.codes')).toContainText('WELCOME10');
  expect(new URL(page.url()).search).toBe('?utm_source=mail');
  expect(problems.uncaught).toEqual([]);
});

test('when Stripe.js cannot load the shopper sees why and a retry, and the cart is kept', async ({ page, problems }) => {
  await blockStripeJs(page);
  await openStore(page);
  await page.getByRole('button', { name: /Add two/ }).click();
  await openCart(page);
  await drawer(page).getByRole('button', { name: 'Checkout', exact: true }).click();
  await expect(drawer(page).getByRole('alert')).toContainText('Payment could not load. Check your connection and try again — your cart is saved.');
  await expect(badgeCount(page)).toHaveText('2');
  await unblockStripeJs(page);
  await drawer(page).getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByLabel('Card number')).toBeVisible();
  expect(problems.uncaught).toEqual([]);
});

test('a double click on Pay makes one payment', async ({ page }) => {
  const email = newEmail('double');
  await openStore(page);
  await cupAtCheckout(page);
  await fillContact(page, effort(), email);
  await fillCard(page, effort());
  await drawer(page).getByRole('button', { name: /^Pay / }).dblclick();
  await paidIntentId(page);
  const intents = await intentsFor(await stripeFor(page), email);
  expect(intents).toHaveLength(1);
  expect(intents[0]!.status).toBe('succeeded');
});

test('when the network loses the answer to /checkout, the retry reuses the checkout id and the shopper pays once', async ({ page, problems }) => {
  const email = newEmail('lost-answer');
  const ids: string[] = [];
  await page.route('**/api/cartlift/checkout', async (route) => {
    ids.push(JSON.parse(route.request().postData() ?? '{}').checkoutId);
    if (ids.length > 1) return route.continue();
    // The server creates the PaymentIntent, then the answer is lost on the way back.
    await route.fetch();
    await route.abort('connectionreset');
  });
  await openStore(page);
  await cupAtCheckout(page);
  await fillContact(page, effort(), email);
  await fillCard(page, effort());
  await drawer(page).getByRole('button', { name: /^Pay / }).click();
  await paidIntentId(page);
  expect(ids).toHaveLength(2);
  expect(ids[1]).toBe(ids[0]);
  const intents = await intentsFor(await stripeFor(page), email);
  expect(intents.map((i) => i.status)).toEqual(['succeeded']);
  expect(problems.uncaught).toEqual([]);
});

test('the whole flow works on a page whose CSP has no unsafe-inline and no unsafe-eval', async ({ page, problems }) => {
  const violations: string[] = [];
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
  await page.goto('/strict-csp.html');
  await booted(page);
  await page.evaluate(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`)),
  );
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await openCart(page);
  await drawer(page).getByRole('button', { name: 'Checkout', exact: true }).click();
  await fillContact(page, effort(), newEmail('csp'));
  await fillCard(page, effort());
  await drawer(page).getByRole('button', { name: /^Pay / }).click();
  await paidIntentId(page);
  expect(violations).toEqual([]);
  expect(problems.uncaught).toEqual([]);
});

test('when Stripe.js cannot load, the product page express element says so and offers a retry, and the cart is kept', async ({ page, problems }) => {
  await blockStripeJs(page);
  await openStore(page);
  await page.getByRole('button', { name: /Add two/ }).click();
  const express = page.locator('cartlift-express-checkout');
  await express.hover();
  await expect(express.getByRole('alert')).toHaveText(stripeFailed);
  const retry = express.getByRole('button', { name: 'Try again' });
  await expect(retry).not.toHaveAttribute('aria-busy');
  await expect(badgeCount(page)).toHaveText('2');
  await unblockStripeJs(page);
  await retry.click();
  await expect(page.getByRole('button', { name: 'Pay (test wallet)' })).toBeVisible();
  await expect(express.getByRole('alert')).toHaveText('');
  expect(problems.uncaught).toEqual([]);
});

test("when Stripe.js cannot load, the drawer's wallet slot says so and offers a retry", async ({ page, problems }) => {
  await blockStripeJs(page);
  await openStore(page);
  await page.getByRole('button', { name: /Add two/ }).click();
  await openCart(page);
  const slot = drawer(page).locator('[part=express]');
  await expect(slot.getByRole('alert')).toHaveText(stripeFailed);
  await unblockStripeJs(page);
  await slot.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('button', { name: 'Pay (test wallet)' })).toBeVisible();
  await expect(slot.getByRole('alert')).toHaveText('');
  await expect(badgeCount(page)).toHaveText('2');
  expect(problems.uncaught).toEqual([]);
});

test('tabbing onto the express placeholder leaves focus on the wallet button once it is ready', async ({ page, problems }) => {
  await openStore(page);
  await page.locator('cartlift-buy-button').getByRole('button').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Pay (test wallet)' })).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.closest('cartlift-express-checkout')?.localName)).toBe('cartlift-express-checkout');
  expect(problems.uncaught).toEqual([]);
});

test('the open drawer announces cart changes and coupon refusals in live regions', async ({ page, problems }) => {
  await openStore(page);
  await page
    .getByRole('button', { name: /^Add to cart/ })
    .first()
    .click();
  await openCart(page);
  const d = drawer(page);
  await d.getByRole('button', { name: 'One more West Lake Longjing tea 100 g' }).click();
  await expect(d.getByRole('status')).toHaveText('Cart updated: 2 items.');
  await d.getByLabel('Coupon code').fill('nope10');
  await d.getByRole('button', { name: 'Apply' }).click();
  await expect(d.locator('[part=coupon]').getByRole('alert')).toHaveText('Code NOPE10 is not valid.');
  expect(await axe(page), 'drawer with announcements').toEqual([]);
  expect(problems.uncaught).toEqual([]);
});

test('while the server re-prices a changed cart, the drawer shows the estimate and Pay waits for the new price', async ({ page, problems }) => {
  await openStore(page);
  await page
    .getByRole('button', { name: /^Add to cart/ })
    .first()
    .click();
  await openCart(page);
  const d = drawer(page);
  const total = d.locator('dl .total dt');
  await expect(total).toHaveText('Total');
  let server = await holdQuotes(page);
  await d.getByRole('button', { name: 'One more West Lake Longjing tea 100 g' }).click();
  await expect(total).toHaveText('Estimated total');
  server.release();
  await expect(total).toHaveText('Total');

  await d.getByRole('button', { name: 'Checkout', exact: true }).click();
  const pay = d.getByRole('button', { name: /^Pay / });
  await expect(pay).toBeEnabled();
  await page.unrouteAll();
  server = await holdQuotes(page);
  // Another tab (or the page's own code) changes the cart while the sheet is open.
  await page.evaluate(() => (window as any).Cartlift.add({ sku: 'CUP-CELADON', name: 'Celadon tea cup', price: 1800 }));
  await expect(pay).toBeDisabled();
  server.release();
  await expect(pay).toBeEnabled();
  expect(problems.uncaught).toEqual([]);
});

test("the drawer's wallet reports begin_checkout for the cart and price at the click, not at mount", async ({ page, problems }) => {
  await openStore(page);
  await page
    .getByRole('button', { name: /^Add to cart/ })
    .first()
    .click();
  await openCart(page);
  const d = drawer(page);
  const wallet = page.getByRole('button', { name: 'Pay (test wallet)' });
  await expect(wallet).toBeVisible();
  const quote = await (await page.request.post('/api/cartlift/quote', { data: { lines: [{ sku: 'TEA-LJ-100', quantity: 2 }] } })).json();
  await d.getByRole('button', { name: 'One more West Lake Longjing tea 100 g' }).click();
  // The server's new quote is on screen (and, a frame later, handed to the wallet).
  await expect(d.locator('dl .total')).toHaveText(`Total$${(quote.total / 100).toFixed(2)}`);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  await recordEvents(page, ['begin_checkout']);
  await wallet.click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  const [begin] = await recorded(page);
  expect(begin).toMatchObject({ method: 'express', value: quote.total, items: [{ item_id: 'TEA-LJ-100', quantity: 2 }] });
  expect(problems.uncaught).toEqual([]);
});

test("a new shopper's one-click wallet sends the wallet's shipping address, which lands on the PaymentIntent", async ({ page, problems }) => {
  await openStore(page);
  await recordEvents(page, ['begin_checkout', 'add_shipping_info', 'add_payment_info', 'purchase']);
  await page.locator('cartlift-express-checkout').hover();
  const e = effort();
  await e.click(page.getByRole('button', { name: 'Pay (test wallet)' }));
  const sheet = page.getByRole('dialog', { name: 'Test wallet' });
  await expect(sheet).toContainText('Ship to: Test Shopper, 1 Test Street, Shanghai 200000, CN');
  // The wallet's own account (as a shopper signs in to Link): a new shopper here, whatever ran before.
  await sheet.getByLabel('Wallet email').fill(newEmail('wallet'));
  await e.click(sheet.getByRole('button', { name: 'Confirm test payment' }));
  const intent = await (await stripeFor(page)).paymentIntents.retrieve(await paidIntentId(page));
  expect(intent.status).toBe('succeeded');
  expect(intent.shipping).toMatchObject({ name: 'Test Shopper', address: { line1: '1 Test Street', city: 'Shanghai', postal_code: '200000', country: 'CN' } });
  // The wallet sheet stands in for the sheet's steps: the shopper walks the whole funnel.
  await expect.poll(async () => (await recorded(page)).map((r) => r.name)).toEqual(['begin_checkout', 'add_shipping_info', 'add_payment_info', 'purchase']);
  const steps = await recorded(page);
  expect(steps[1]).toMatchObject({ method: 'express', shipping_tier: 'standard', value: intent.amount });
  expect(steps[2]).toMatchObject({ method: 'express', payment_type: 'link', value: intent.amount });
  expect(steps[3]).toMatchObject({ transaction_id: intent.id, value: intent.amount });
  console.log(`new shopper, wallet: ${e.counts.clicks} clicks from product page to paid, ${e.counts.fields.size} fields typed`);
  expect(problems.uncaught).toEqual([]);
});

test('removing a line and a refused code are reported; the sheet asks the browser to autofill every field', async ({ page, problems }) => {
  await openStore(page);
  await recordEvents(page, ['remove_from_cart', 'coupon_denied']);
  await page
    .getByRole('button', { name: /^Add to cart/ })
    .first()
    .click();
  await page.getByRole('button', { name: /Add two/ }).click();
  await openCart(page);
  const d = drawer(page);
  await d
    .locator('[part=line]')
    .filter({ hasText: 'West Lake Longjing' })
    .getByRole('button', { name: /Remove/ })
    .click();
  await expect(d.locator('[part=line]')).toHaveCount(1);
  await d.getByLabel('Coupon code').fill('SPRING99');
  await d.getByRole('button', { name: 'Apply' }).click();
  await expect(d.locator('[part=coupon]').getByRole('alert')).toHaveText('Code SPRING99 is not valid.');
  await expect.poll(async () => (await recorded(page)).map((r) => r.name)).toEqual(['remove_from_cart', 'coupon_denied']);
  const [removed, denied] = await recorded(page);
  expect(removed).toMatchObject({ items: [{ item_id: 'TEA-LJ-100', quantity: 1 }], value: 2400 });
  expect(denied).toMatchObject({ coupon: 'SPRING99' });

  await d.getByRole('button', { name: 'Checkout', exact: true }).click();
  await expect(d.getByLabel('Email')).toBeVisible();
  // The address fields come with their own chunk, fetched as the sheet opens.
  await expect(d.getByLabel('ZIP code')).toBeVisible();
  const tokens = Object.fromEntries(
    await d
      .locator('input[autocomplete], select[autocomplete]')
      .evaluateAll((fields) => fields.map((f) => [(f as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? f.id, f.getAttribute('autocomplete')])),
  );
  expect(tokens).toMatchObject({
    Email: 'email',
    'Full name': 'name',
    'Phone (optional)': 'tel',
    'Country or region': 'country',
    Address: 'address-line1',
    'Apartment, suite (optional)': 'address-line2',
    City: 'address-level2',
    State: 'address-level1',
  });
  expect(Object.values(tokens)).toContain('postal-code');
  expect(problems.uncaught).toEqual([]);
});
