import { describe, expect, test } from 'vitest';
import { storeVariants, unique, useHarness } from '../test/harness.js';

const lines = [{ sku: 'TEA-LJ-100', quantity: 1 }];

describe.each(storeVariants())('coupon guessing is counted before pricing on $name', ({ open }) => {
  const h = useHarness(open, { rateLimit: { perIp: 20, perEmail: 10, windowMs: 600_000 } });

  const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${unique('ip')}`;
  const countOf = async (key: string) => (await h.store.rateWindows([key], 0))[0]?.count ?? 0;

  test('50 parallel quotes, each with a different unknown code, from one IP: exactly 20 answered, the rest 429', async () => {
    const from = ip();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => h.call('POST', '/quote', { lines, codes: [`GUESS${i}`] }, { 'x-test-ip': from })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
    const refused = results.find((r) => r.status === 429)!;
    expect(refused.body.error.code).toBe('too_many_coupon_attempts');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Refused requests were never priced, so only the 20 stay counted.
    expect(await countOf(`coupon-ip:${from}`)).toBe(20);
  }, 60_000);

  test('the same burst on /checkout: exactly 20 are priced', async () => {
    const from = ip();
    // Tokens made beforehand (the shopper's browser makes them); each shopper was shown 2400 − 500 first order.
    const tokens = await Promise.all(Array.from({ length: 30 }, () => h.confirmationToken()));
    const requests = tokens.map((confirmationToken, i) => ({
      checkoutId: unique('co'),
      lines,
      codes: [`NOPE${i}`],
      contact: { email: `${unique('g')}@example.com` },
      confirmationToken,
      expectedTotal: 1900,
    }));
    const results = await Promise.all(requests.map((r) => h.call('POST', '/checkout', r, { 'x-test-ip': from })));
    expect(results.filter((r) => r.status === 200).map((r) => r.body.status)).toEqual(Array(20).fill('succeeded'));
    const refused = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(10);
    expect(refused[0]!.body.error.code).toBe('too_many_coupon_attempts');
    // The refused ones never reached Stripe: exactly 20 PaymentIntents for the burst.
    const ids = new Set(requests.map((r) => r.checkoutId));
    expect(h.sandbox.paymentIntents().filter((pi) => ids.has(pi.metadata.cartlift_checkout_id!))).toHaveLength(20);
  }, 60_000);

  test('valid codes never count: 60 parallel quotes re-quoting a real code all pass and leave nothing counted', async () => {
    const from = ip();
    const email = `${unique('requote')}@example.com`;
    const results = await Promise.all(
      Array.from({ length: 60 }, () => h.call('POST', '/quote', { lines, codes: ['welcome10'], contact: { email } }, { 'x-test-ip': from })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(60).fill(200));
    expect(results[0]!.body.applied.map((a: { promotionId: string }) => a.promotionId)).toContain('welcome10');
    expect(await countOf(`coupon-ip:${from}`)).toBe(0);
    expect(await countOf(`coupon-email:${email}`)).toBe(0);
  }, 60_000);

  test('a request with a real and an unknown code counts one; a failed request counts none', async () => {
    const from = ip();
    await h.call('POST', '/quote', { lines, codes: ['WELCOME10', 'NOT-A-CODE', ' not-a-code '] }, { 'x-test-ip': from });
    expect(await countOf(`coupon-ip:${from}`)).toBe(1);
    const failed = await h.call('POST', '/quote', { lines: [{ sku: 'NO-SUCH-SKU', quantity: 1 }], codes: ['ALSO-NOT'] }, { 'x-test-ip': from });
    expect(failed.status).toBe(400);
    expect(await countOf(`coupon-ip:${from}`)).toBe(1);
  });
});

describe.each(storeVariants())('coupon guessing per cart, under a per-address ceiling, on $name', ({ open }) => {
  const h = useHarness(open, { rateLimit: { perCart: 3, perEmail: 10, perIpCeiling: 8, windowMs: 600_000 } });
  const ip = () => `203.0.113.${Math.floor(Math.random() * 250)}-${unique('nat')}`;
  const cart = () => `cart-${unique('c')}-0000`;
  const guess = (from: string, cartId: string | undefined, code: string, codes: string[] = []) =>
    h.call('POST', '/quote', { lines, codes: [...codes, code], ...(cartId ? { cartId } : {}) }, { 'x-test-ip': from });

  test('two carts behind one IP each get their own allowance', async () => {
    const from = ip();
    const [a, b] = [cart(), cart()];
    for (let i = 0; i < 3; i++) {
      expect((await guess(from, a, `A-GUESS${i}`)).status).toBe(200);
      expect((await guess(from, b, `B-GUESS${i}`)).status).toBe(200);
    }
  });

  test('one cart hits its own limit, with a 429 naming the guessed code; the other cart and valid codes go on', async () => {
    const from = ip();
    const [a, b] = [cart(), cart()];
    for (let i = 0; i < 3; i++) expect((await guess(from, a, `GUESS${i}`)).status).toBe(200);
    const limited = await guess(from, a, 'GUESS9', ['WELCOME10']);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 'too_many_coupon_attempts', field: 'codes[1]' });
    expect(limited.body.error.message).toMatch(/^codes\[1\] was not tried: too many coupon codes that do not exist were tried; wait \d+ seconds/);
    expect((await guess(from, b, 'OTHER1')).status).toBe(200);
    expect((await h.call('POST', '/quote', { lines, codes: ['WELCOME10'], cartId: a }, { 'x-test-ip': from })).status).toBe(200);
  });

  test('the IP ceiling still stops a flood, whichever cart ids it sends', async () => {
    const from = ip();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => guess(from, cart(), `FLOOD${i}`)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(8);
    expect(results.filter((r) => r.status === 429)).toHaveLength(12);
    expect((await guess(from, undefined, 'NO-CART')).status).toBe(429);
  }, 60_000);

  test('a malformed cart id is refused with a sentence naming cartId', async () => {
    const res = await h.call('POST', '/quote', { lines, cartId: 'a b' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ field: 'cartId' });
    expect(res.body.error.message).toMatch(/^cartId must be the cart's id, 8 to 128 letters/);
  });
});

describe('coupon limit options', () => {
  test('the old perIp is read as the per-address ceiling; defaults otherwise', async () => {
    const { couponLimits } = await import('./rate-limit.js');
    expect(couponLimits({ perIp: 50 })).toEqual({ windowMs: 600_000, perCart: 20, perEmail: 10, perIpCeiling: 50, checkoutsPerIp: 60 });
    expect(couponLimits({ perIp: 50, perIpCeiling: 300 }).perIpCeiling).toBe(300);
    expect(couponLimits()).toEqual({ windowMs: 600_000, perCart: 20, perEmail: 10, perIpCeiling: 200, checkoutsPerIp: 60 });
  });
});
