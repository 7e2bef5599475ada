import { describe, expect, test } from 'vitest';
import { PROMOTIONS, storeVariants, unique, useHarness } from '../test/harness.js';

// The findings of "One price everywhere", each reproduced over HTTP against
// the real `stripe` client and the sandbox, on both stores.
const COMBINES = { product: true, order: true, shipping: true };
const promotions = {
  version: 1,
  promotions: [
    ...PROMOTIONS.promotions,
    {
      id: 'only-one',
      name: 'ONLYONE',
      code: 'ONLYONE',
      currency: 'USD',
      rule: { type: 'amount_off', amount: 300 },
      limits: { total: 1 },
      combinesWith: COMBINES,
    },
    { id: 'ten', name: 'TEN', code: 'TEN', currency: 'USD', rule: { type: 'amount_off', amount: 100 }, limits: { total: 10 }, combinesWith: COMBINES },
  ],
};
const applied = (res: { body: any }): string[] => (res.body.quote ?? res.body).applied.map((a: { promotionId: string }) => a.promotionId);
const cart = (email: string, extra: Record<string, unknown> = {}) => ({
  checkoutId: unique('co'),
  lines: [{ sku: 'CUP-CELADON', quantity: 2 }],
  contact: { email },
  ...extra,
});

describe.each(storeVariants())('one price everywhere on $name', ({ open }) => {
  const h = useHarness(open, { promotions, reservationTtlMs: 60_000 });
  const intentsOf = (checkoutId: string) => h.sandbox.paymentIntents().filter((pi) => pi.metadata.cartlift_checkout_id === checkoutId);

  test('a returning shopper shown the first-order price is charged nothing and told the new total', async () => {
    const email = `${unique('back')}@example.com`;
    const first = await h.checkout(cart(email, { codes: ['ONCE'] }));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'succeeded', amount: 3600 - 500 - 200 });
    // What the drawer showed before it knew the email: first-order $5 and ONCE again.
    const stale = cart(email, { codes: ['ONCE'] });
    const refused = await h.checkout(stale, { expectedTotal: 3600 - 500 - 200 });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'price_changed', field: 'expectedTotal' });
    expect(refused.body.quote.total).toBe(3600);
    expect(refused.body.quote.notApplied.map((n: { promotionId: string; reason: { code: string } }) => [n.promotionId, n.reason.code])).toEqual(
      expect.arrayContaining([
        ['first-order', 'first_purchase'],
        ['once-each', 'customer_usage_limit'],
      ]),
    );
    expect(intentsOf(stale.checkoutId)).toHaveLength(0);
    // Confirming the new total pays exactly it.
    const paid = await h.checkout(stale, { expectedTotal: refused.body.quote.total });
    expect(paid.body).toMatchObject({ status: 'succeeded', amount: 3600 });
    expect(intentsOf(stale.checkoutId).map((pi) => [pi.amount, pi.status])).toEqual([[3600, 'succeeded']]);
  });

  test('the success answer carries the order: number, items, amount charged and receipt email', async () => {
    const email = `${unique('Receipt')}@example.com`;
    const body = cart(email, {
      lines: [
        { sku: 'POT-YIXING', quantity: 1 },
        { sku: 'ADDON-WARRANTY-1Y', quantity: 1 },
      ],
    });
    const paid = await h.checkout(body);
    expect(paid.body.order).toMatchObject({ amount: 8900 + 900 - 500, currency: 'USD', email, transactionId: paid.body.paymentIntentId });
    expect(paid.body.order.orderNumber).toMatch(/^[A-Z0-9]{6,}$/);
    expect(paid.body.order.items).toEqual([
      expect.objectContaining({ sku: 'POT-YIXING', quantity: 1, unitPrice: 8900, name: { en: 'Yixing clay teapot', 'zh-CN': '宜兴紫砂壶' } }),
      expect.objectContaining({ sku: 'ADDON-WARRANTY-1Y', quantity: 1, unitPrice: 900, name: { en: '1-year warranty', 'zh-CN': '一年保修' } }),
    ]);
    // Asking again (a reload, a lost answer) gives the same order.
    const again = await h.call('POST', '/checkout/complete', { checkoutId: body.checkoutId });
    expect(again.body.order).toEqual(paid.body.order);
  });

  test('declined attempts keep nothing: their intents are canceled, so paying them later is impossible and limits hold', async () => {
    const email = `${unique('decline')}@example.com`;
    const declined = [];
    for (let i = 0; i < 5; i++) {
      const res = await h.checkout(cart(email, { codes: ['ONCE', 'ONLYONE'] }), { paymentMethod: 'pm_card_chargeDeclined' });
      expect(res.status).toBe(402);
      expect(res.body.error).toMatchObject({ code: 'card_declined', field: 'confirmationToken' });
      declined.push(res);
    }
    const intents = h.sandbox.paymentIntents().filter((pi) => pi.receipt_email === email);
    expect(intents).toHaveLength(5);
    expect(intents.every((pi) => pi.status === 'canceled')).toBe(true);
    // The attacker of the issue: confirm each discounted intent with a good card.
    for (const pi of intents) await expect(h.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' })).rejects.toThrow(/canceled/);
    await h.sandbox.webhooksIdle();
    const paid = await h.checkout(cart(email, { codes: ['ONCE', 'ONLYONE'] }));
    expect(paid.body.status).toBe('succeeded');
    expect(applied(paid)).toEqual(expect.arrayContaining(['first-order', 'once-each', 'only-one']));
    const again = await h.checkout(cart(email, { codes: ['ONCE', 'ONLYONE'] }));
    expect(applied(again)).toEqual([]);
    await h.sandbox.webhooksIdle();
    const orders = (await h.store.listOrders()).filter((o) => o.email === email);
    expect(orders.filter((o) => o.promotions.includes('first-order'))).toHaveLength(1);
    expect(orders.filter((o) => o.promotions.includes('only-one'))).toHaveLength(1);
  });

  test('a retried request of a declined attempt gets the same decline; the next attempt may pay', async () => {
    const body = cart(`${unique('retry')}@example.com`);
    const token = await h.confirmationToken('pm_card_chargeDeclined');
    const quote = await h.call('POST', '/quote', { lines: body.lines, contact: body.contact });
    const first = await h.call('POST', '/checkout', { ...body, confirmationToken: token, expectedTotal: quote.body.total });
    const second = await h.call('POST', '/checkout', { ...body, confirmationToken: token, expectedTotal: quote.body.total });
    expect([first.status, second.status]).toEqual([402, 402]);
    expect(second.body.error).toEqual(first.body.error);
    expect(intentsOf(body.checkoutId)).toHaveLength(1);
  });

  test('a payment whose amount or currency differs from the server price is flagged, never an order', async () => {
    const email = `${unique('tamper')}@example.com`;
    const res = await h.checkout(cart(email, { codes: ['ONCE'] }), { paymentMethod: 'wechat_pay' });
    expect(res.body.status).toBe('requires_action');
    const errors: unknown[] = [];
    const intent = await h.stripe.paymentIntents.retrieve(res.body.paymentIntentId);
    const payload = JSON.stringify({
      id: `evt_${unique('forged')}`,
      object: 'event',
      type: 'payment_intent.succeeded',
      api_version: '2024-06-20',
      created: Math.floor(Date.now() / 1000),
      data: { object: { ...intent, status: 'succeeded', amount: 1, currency: 'jpy' } },
    });
    const signature = h.stripe.webhooks.generateTestHeaderString({ payload, secret: h.sandbox.webhookSecret });
    const logged = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    const delivered = await h.call('POST', '/webhooks/stripe', payload, { 'stripe-signature': signature }).finally(() => (console.error = logged));
    expect(delivered.status).toBe(200);
    expect(delivered.body).toMatchObject({ flagged: true, order: null });
    expect(String((errors[0] as unknown[])[0])).toContain(`${res.body.amount} USD, Stripe reports 1 JPY`);
    expect((await h.store.listOrders()).filter((o) => o.email === email)).toHaveLength(0);
    expect((await h.store.listPaymentFlags()).find((f) => f.paymentIntentId === intent.id)).toMatchObject({
      expectedAmount: res.body.amount,
      receivedAmount: 1,
      receivedCurrency: 'JPY',
    });
    // No redemption was committed and the shopper is still new.
    const quote = await h.call('POST', '/quote', { lines: [{ sku: 'CUP-CELADON', quantity: 2 }], codes: ['ONCE'], contact: { email } });
    expect(applied(quote)).toEqual(expect.arrayContaining(['first-order', 'once-each']));
  });

  test('ten unpaid checkouts never lock a total: 10 code', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await h.checkout(cart(`${unique('lock')}@example.com`, { codes: ['TEN'] }), { paymentMethod: 'pm_card_chargeDeclined' });
      expect(res.status).toBe(402);
    }
    const shopper = await h.checkout(cart(`${unique('real')}@example.com`, { codes: ['TEN'] }));
    expect(applied(shopper)).toContain('ten');
  });

  test('two concurrent checkouts of one new shopper typing the email two ways never 500', async () => {
    const local = unique('two');
    const [a, b] = await Promise.all([h.checkout(cart(`${local}@example.com`)), h.checkout(cart(`${local.toUpperCase()}+x@Example.com`))]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const customers = await h.stripe.customers.list({ email: `${local.toLowerCase()}@example.com` });
    expect(customers.data).toHaveLength(1);
  });
});

describe.each(storeVariants())('POST /checkout is rate-limited per client on $name', ({ open }) => {
  const h = useHarness(open, { rateLimit: { checkoutsPerIp: 5 } });

  test('past checkoutsPerIp new attempts, a clear 429 with Retry-After; retries of one attempt never count', async () => {
    const ip = { 'x-test-ip': '198.51.100.9' };
    const statuses = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await h.checkout(cart(`${unique('flood')}@example.com`), { headers: ip, paymentMethod: 'pm_card_chargeDeclined' })).status);
    expect(statuses).toEqual([402, 402, 402, 402, 402, 429, 429]);
    const refused = await h.checkout(cart(`${unique('flood')}@example.com`), { headers: ip });
    expect(refused.body.error).toMatchObject({ code: 'too_many_checkouts' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await h.checkout(cart(`${unique('other')}@example.com`), { headers: { 'x-test-ip': '198.51.100.10' } })).status).toBe(200);
  });
});

describe.each(storeVariants())('holds last one payment attempt on $name', ({ open }) => {
  let clock = Date.now();
  const h = useHarness(open, { promotions, reservationTtlMs: 60_000, now: () => clock });

  test('someone else holding an email gains nothing: the hold ends with its attempt, and the late intent is canceled', async () => {
    const victim = `${unique('victim')}@example.com`;
    const held = await h.checkout(cart(victim), { paymentMethod: 'alipay' });
    expect(held.body.status).toBe('requires_action');
    expect(applied(held)).toContain('first-order');
    // While the attacker's Alipay page is open, the victim's quote shows no first-order offer (shown = charged)…
    const during = await h.call('POST', '/quote', { lines: [{ sku: 'CUP-CELADON', quantity: 2 }], contact: { email: victim } });
    expect(applied(during)).not.toContain('first-order');
    // …and once the attempt's time is up, the victim's checkout cancels it and takes the offer.
    clock += 61_000;
    const after = await h.call('POST', '/quote', { lines: [{ sku: 'CUP-CELADON', quantity: 2 }], contact: { email: victim } });
    expect(applied(after)).toContain('first-order');
    const paid = await h.checkout(cart(victim));
    expect(paid.body.status).toBe('succeeded');
    expect(applied(paid)).toContain('first-order');
    expect((await h.stripe.paymentIntents.retrieve(held.body.paymentIntentId)).status).toBe('canceled');
  });
});

describe.each(storeVariants())('when Stripe does not answer on $name', ({ open }) => {
  // A port nothing listens on: every call of the server's Stripe client fails to connect.
  const h = useHarness(open, {
    stripeCustomers: false,
    stripe: { secretKey: 'sk_test_down', publishableKey: 'pk_test_down', webhookSecret: 'whsec_down', api: { host: '127.0.0.1', port: 9, protocol: 'http' } },
  });

  test('a 503 with Retry-After, and the holds stay until the attempt is settled (the intent may exist)', async () => {
    const email = `${unique('down')}@example.com`;
    const res = await h.checkout(cart(email));
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('payment_provider_unavailable');
    expect(res.headers.get('retry-after')).toBe('2');
    const quote = await h.call('POST', '/quote', { lines: [{ sku: 'CUP-CELADON', quantity: 2 }], contact: { email } });
    expect(applied(quote)).not.toContain('first-order');
  });
});
