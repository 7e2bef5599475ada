import { describe, expect, test } from 'vitest';
import { storeVariants, unique, useHarness } from './test-support';

const lines = [{ sku: 'TEA-LJ-100', quantity: 1 }];

describe.each(storeVariants())('coupon guessing is counted before pricing on $name', ({ open }) => {
  const h = useHarness(open, { rateLimit: { perIp: 20, perEmail: 10, windowMs: 600_000 } });

  const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${unique('ip')}`;
  const countOf = async (key: string) => (await h.store.rateWindows([key], 0))[0]?.count ?? 0;

  test('50 parallel quotes, each with a different unknown code, from one IP: exactly 20 answered, the rest 429', async () => {
    const from = ip();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => h.call('POST', '/quote', { lines, codes: [`GUESS${i}`] }, { 'x-test-ip': from })),
    );
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
    const requests = tokens.map((confirmationToken, i) => ({ checkoutId: unique('co'), lines, codes: [`NOPE${i}`], contact: { email: `${unique('g')}@example.com` }, confirmationToken, expectedTotal: 1900 }));
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
