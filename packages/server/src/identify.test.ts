import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCartliftHandler } from './handler.js';
import type { CustomerIdentity } from './identify.js';
import { CATALOG, PROMOTIONS, openHarness, storeVariants, unique, type Harness } from '../test/harness.js';

const VIP = {
  id: 'vip3',
  name: 'VIP $3 off',
  currency: 'USD',
  rule: { type: 'amount_off', amount: 300 },
  conditions: { segments: ['vip'] },
  combinesWith: { product: true, order: true, shipping: true },
};
const lines = [{ sku: 'TEA-LJ-100', quantity: 1 }];
const applied = (quote: any): string[] => quote.applied.map((a: { promotionId: string }) => a.promotionId);
const reason = (quote: any, id: string): string | undefined => quote.notApplied.find((n: { promotionId: string }) => n.promotionId === id)?.reason.code;

describe.each(storeVariants())('identifyCustomer on $name', ({ open }) => {
  let h: Harness;
  const sessions = new Map<string, unknown>();
  const seen: Array<string | null> = [];
  const logged: string[] = [];
  beforeAll(async () => {
    h = await openHarness(open, {
      promotions: { ...PROMOTIONS, promotions: [...PROMOTIONS.promotions, VIP] },
      identifyCustomer: async (request, { email }) => {
        seen.push(email);
        const session = request.headers.get('x-session');
        if (session === 'throws') throw new Error('session store is down');
        return (session ? sessions.get(session) : null) as CustomerIdentity | null;
      },
      logger: { error: (message, detail) => logged.push(`${message} ${detail instanceof Error ? detail.message : String(detail)}`) },
    });
  }, 60_000);
  afterAll(() => h?.close());

  test('a segment-only promotion applies only when the hook returns that segment', async () => {
    sessions.set('vip-user', { segments: ['vip', 'newsletter'] });
    sessions.set('plain-user', { segments: ['newsletter'] });
    const vip = await h.call('POST', '/quote', { lines }, { 'x-session': 'vip-user' });
    expect(vip.status).toBe(200);
    expect(applied(vip.body)).toContain('vip3');
    for (const headers of [{ 'x-session': 'plain-user' }, {}] as Array<Record<string, string>>) {
      const other = await h.call('POST', '/quote', { lines }, headers);
      expect(applied(other.body)).not.toContain('vip3');
      expect(reason(other.body, 'vip3')).toBe('segment');
    }
    const email = `${unique('vip')}@example.com`;
    const checkout = await h.checkout({ checkoutId: unique('co'), lines, contact: { email } }, { headers: { 'x-session': 'vip-user' } });
    expect(checkout.status).toBe(200);
    expect(checkout.body.status).toBe('succeeded');
    expect(applied(checkout.body.quote)).toContain('vip3');
    // 2400 − 500 first order − 300 VIP.
    expect(checkout.body.amount).toBe(1600);
    expect(seen).toContain(email);
  });

  test('a Stripe customer with a paid order loses first purchase, even with a new email', async () => {
    const customer = await h.stripe.customers.create({ email: 'member@example.com' });
    sessions.set('member', { stripeCustomerId: customer.id });
    const first = await h.checkout(
      { checkoutId: unique('co'), lines, contact: { email: `${unique('m1')}@example.com` } },
      { headers: { 'x-session': 'member' } },
    );
    expect(applied(first.body.quote)).toContain('first-order');
    expect(first.body.status).toBe('succeeded');
    expect((await h.stripe.paymentIntents.retrieve(first.body.paymentIntentId)).customer).toBe(customer.id);

    const newEmail = `${unique('m2')}@example.com`;
    // Left waiting on Alipay, so the new email itself never pays.
    const second = await h.checkout(
      { checkoutId: unique('co'), lines, contact: { email: newEmail } },
      { headers: { 'x-session': 'member' }, paymentMethod: 'alipay' },
    );
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ status: 'requires_action', amount: 2400 });
    expect(applied(second.body.quote)).not.toContain('first-order');
    expect(reason(second.body.quote, 'first-order')).toBe('first_purchase');
    const quote = await h.call('POST', '/quote', { lines }, { 'x-session': 'member' });
    expect(reason(quote.body, 'first-order')).toBe('first_purchase');
    // The same new email without the session is a guest on a first purchase.
    const guest = await h.call('POST', '/quote', { lines, contact: { email: newEmail } });
    expect(applied(guest.body)).toContain('first-order');
  });

  test('one member, many emails: concurrent checkouts get the first-order offer once (held by Stripe Customer too)', async () => {
    const customer = await h.stripe.customers.create({ email: 'many@example.com' });
    sessions.set('many', { stripeCustomerId: customer.id });
    const requests = Array.from({ length: 10 }, () => ({ checkoutId: unique('co'), lines, contact: { email: `${unique('alias')}@example.com` } }));
    // Every alias was shown the first-order price; all pay with a card that asks for 3-D Secure.
    const results = await Promise.all(
      requests.map((r) => h.checkout(r, { headers: { 'x-session': 'many' }, paymentMethod: 'pm_card_authenticationRequired', expectedTotal: 1900 })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    const winner = results.find((r) => r.status === 200)!;
    expect(winner.body.status).toBe('requires_action');
    expect(applied(winner.body.quote)).toContain('first-order');
    for (const loser of results.filter((r) => r !== winner)) {
      expect(loser.body.error.code).toBe('price_changed');
      expect(reason(loser.body.quote, 'first-order')).toBe('first_purchase');
    }
    // The 9 refused never reached Stripe.
    const ids = new Set(requests.map((r) => r.checkoutId));
    expect(h.sandbox.paymentIntents().filter((pi) => ids.has(pi.metadata.cartlift_checkout_id!))).toHaveLength(1);
    // 3-D Secure fails: the attempt is canceled, the hold released, and the member's next checkout (any email) gets it.
    h.sandbox.completeAction(winner.body.paymentIntentId, 'fail');
    const failed = await h.call('POST', '/checkout/complete', { checkoutId: requests[results.indexOf(winner)]!.checkoutId });
    expect(failed.status).toBe(402);
    const next = await h.checkout(
      { checkoutId: unique('co'), lines, contact: { email: `${unique('alias')}@example.com` } },
      { headers: { 'x-session': 'many' } },
    );
    expect(next.body.status).toBe('succeeded');
    expect(applied(next.body.quote)).toContain('first-order');
  }, 60_000);

  test.each([
    ['a string', 'vip', "identifyCustomer's result must be null or an object"],
    ['segments not an array', { segments: 'vip' }, "identifyCustomer's result.segments must be an array of segment tags"],
    ['a number as a segment', { segments: ['vip', 7] }, "identifyCustomer's result.segments.1 must be a segment tag string"],
    ['a misspelt field', { segment: ['vip'] }, 'must have only the fields "segments" and "stripeCustomerId"; received "segment"'],
    ['no customer id', { stripeCustomerId: 'li.wei@example.com' }, "identifyCustomer's result.stripeCustomerId must be a Stripe Customer id"],
  ])('a hook returning %s is a merchant bug: 500, logged with a sentence naming the field', async (_, value, sentence) => {
    const session = unique('bad');
    sessions.set(session, value);
    logged.length = 0;
    for (const [path, body] of [
      ['/quote', { lines }],
      ['/checkout', { checkoutId: unique('co'), lines, contact: { email: 'li@example.com' }, confirmationToken: 'ctoken_never_used', expectedTotal: 1900 }],
    ] as const) {
      const res = await h.call('POST', path, body, { 'x-session': session });
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe('internal_error');
    }
    expect(logged).toHaveLength(2);
    expect(logged[0]).toContain(sentence);
  });

  test('a hook that throws is logged and answered 500', async () => {
    logged.length = 0;
    const res = await h.call('POST', '/quote', { lines }, { 'x-session': 'throws' });
    expect(res.status).toBe(500);
    expect(logged[0]).toContain('identifyCustomer threw: session store is down');
  });
});

test('identifyCustomer must be a function', () => {
  expect(() =>
    createCartliftHandler({
      currency: 'USD',
      catalog: CATALOG,
      stripe: { secretKey: 'sk_test_x', publishableKey: 'pk_test_x' },
      identifyCustomer: 'vip' as never,
    }),
  ).toThrow('identifyCustomer must be a function (request, { email }) => ({ segments?, stripeCustomerId? }) | null; received string.');
});
