import { describe, expect, test } from 'vitest';
import { storeVariants, unique, useHarness } from './test-support';

describe.each(storeVariants())('POST /checkout on $name', ({ open }) => {
  const h = useHarness(open);

  const body = (checkoutId: string, extra: Record<string, unknown> = {}) => ({
    checkoutId,
    lines: [{ sku: 'TEA-LJ-100', quantity: 2 }],
    contact: { email: `${unique('shopper')}@example.com` },
    ...extra,
  });

  test('charges the catalog price whatever price the browser sends', async () => {
    const tampered = {
      ...body(unique('co')),
      lines: [{ sku: 'POT-YIXING', quantity: 1, price: 1, unitPrice: 1, total: 1, name: 'cheap' }],
      total: 1,
      amount: 1,
    };
    const res = await h.call('POST', '/checkout', tampered);
    expect(res.status).toBe(200);
    // 8900 catalog price minus the $5 first-order offer.
    expect(res.body.amount).toBe(8400);
    expect(res.body.quote.lines[0].unitPrice).toBe(8900);
    const intent = await h.stripe.paymentIntents.retrieve(res.body.paymentIntentId);
    expect(intent.amount).toBe(8400);
    expect(intent.payment_method_types).toEqual(['card', 'link', 'alipay', 'wechat_pay']);
    expect((intent.payment_method_options as { wechat_pay?: { client?: string } }).wechat_pay?.client).toBe('web');
  });

  test('the shipping address reaches the PaymentIntent, named after the contact when no name is given, and follows a change', async () => {
    const address = { line1: '1 West Lake Road', city: 'Hangzhou', postal_code: '310000', country: 'CN' };
    const checkoutId = unique('co');
    const first = await h.call('POST', '/checkout', body(checkoutId, { contact: { email: `${unique('ship')}@example.com`, name: '李伟' }, shipping: { address } }));
    expect(first.status).toBe(200);
    const intent = await h.stripe.paymentIntents.retrieve(first.body.paymentIntentId);
    expect(intent.shipping).toMatchObject({ name: '李伟', address });
    const moved = { ...address, line1: '9 Nanshan Road', line2: 'Room 2' };
    const again = await h.call('POST', '/checkout', body(checkoutId, { contact: { email: `${unique('ship')}@example.com` }, shipping: { name: 'Li Wei', address: moved } }));
    expect(again.body.paymentIntentId).toBe(first.body.paymentIntentId);
    expect((await h.stripe.paymentIntents.retrieve(first.body.paymentIntentId)).shipping).toMatchObject({ name: 'Li Wei', address: moved });
    const bad = await h.call('POST', '/checkout', body(unique('co'), { shipping: { address: { ...address, country: 'China' } } }));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_request', field: 'shipping.address.country' });
    expect(bad.body.error.message).toContain('must be a two-letter country code such as "CN"');
  });

  test('200 concurrent requests with one checkout id give exactly one PaymentIntent', async () => {
    const checkoutId = unique('co');
    const request = body(checkoutId);
    const before = h.sandbox.paymentIntents().length;
    const results = await Promise.all(Array.from({ length: 200 }, () => h.call('POST', '/checkout', request)));
    expect(results.map((r) => r.status)).toEqual(Array(200).fill(200));
    const ids = new Set(results.map((r) => r.body.paymentIntentId));
    expect(ids.size).toBe(1);
    const created = h.sandbox.paymentIntents().slice(before).filter((pi) => pi.metadata.cartlift_checkout_id === checkoutId);
    expect(created).toHaveLength(1);
  }, 60_000);

  test('a changed cart updates the same intent', async () => {
    const checkoutId = unique('co');
    const first = await h.call('POST', '/checkout', body(checkoutId));
    const second = await h.call('POST', '/checkout', { ...body(checkoutId), lines: [{ sku: 'CUP-CELADON', quantity: 3 }] });
    expect(second.status).toBe(200);
    expect(second.body.paymentIntentId).toBe(first.body.paymentIntentId);
    expect(second.body.amount).toBe(3 * 1800 - 500);
    expect((await h.stripe.paymentIntents.retrieve(first.body.paymentIntentId)).amount).toBe(4900);
  });

  test('a process that died after creating the intent is recovered: the same intent, updated', async () => {
    const checkoutId = unique('co');
    const params = { amount: 1234, currency: 'usd', payment_method_types: ['card'], metadata: { cartlift_checkout_id: checkoutId } };
    // The dead process saved its create parameters, created the intent, and never saved the id;
    // its lease has since expired.
    await h.store.acquireCheckout(checkoutId, 'dead-process', Date.now() - 120_000, 1000);
    await h.store.updateCheckout(checkoutId, 'dead-process', { pendingCreate: params }, Date.now() - 119_000);
    const orphan = await h.stripe.paymentIntents.create(params as never, { idempotencyKey: checkoutId });
    const res = await h.call('POST', '/checkout', body(checkoutId));
    expect(res.status).toBe(200);
    expect(res.body.paymentIntentId).toBe(orphan.id);
    expect((await h.stripe.paymentIntents.retrieve(orphan.id)).amount).toBe(res.body.amount);
    expect(h.sandbox.paymentIntents().filter((pi) => pi.metadata.cartlift_checkout_id === checkoutId)).toHaveLength(1);
  });

  test('a paid checkout refuses further changes', async () => {
    const checkoutId = unique('co');
    const first = await h.call('POST', '/checkout', body(checkoutId));
    await h.pay(first.body.paymentIntentId);
    const again = await h.call('POST', '/checkout', { ...body(checkoutId), lines: [{ sku: 'CUP-CELADON', quantity: 1 }] });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('checkout_completed');
  });

  test('1,000 concurrent redemptions of a promotion limited to 100: exactly 100 succeed', async () => {
    const requests = Array.from({ length: 1000 }, () => body(unique('co'), { codes: ['LIMITED'] }));
    const results = await Promise.all(requests.map((r) => h.call('POST', '/checkout', r)));
    expect(results.filter((r) => r.status !== 200).map((r) => r.body)).toEqual([]);
    const winners = results.filter((r) => r.body.quote.applied.some((a: { promotionId: string }) => a.promotionId === 'limited100'));
    expect(winners).toHaveLength(100);
    // The rest were priced without it, and say why.
    const loser = results.find((r) => !winners.includes(r))!;
    expect(loser.body.quote.notApplied.find((n: { promotionId: string }) => n.promotionId === 'limited100').reason.code).toBe('usage_limit');
    expect(loser.body.amount).toBe(winners[0]!.body.amount + 100);
  }, 120_000);

  test('reservations expire, and are released when the payment fails', async () => {
    const failing = await h.call('POST', '/checkout', body(unique('co'), { codes: ['ONCE'], contact: { email: 'once@example.com' } }));
    expect(failing.body.quote.applied.map((a: { promotionId: string }) => a.promotionId)).toContain('once-each');
    // Same customer, second checkout: the reservation holds the per-customer limit.
    const blocked = await h.call('POST', '/checkout', body(unique('co'), { codes: ['ONCE'], contact: { email: 'once@example.com' } }));
    expect(blocked.body.quote.applied.map((a: { promotionId: string }) => a.promotionId)).not.toContain('once-each');
    await h.stripe.paymentIntents.confirm(failing.body.paymentIntentId, { payment_method: 'pm_card_chargeDeclined' }).catch(() => {});
    await h.sandbox.webhooksIdle();
    const freed = await h.call('POST', '/checkout', body(unique('co'), { codes: ['ONCE'], contact: { email: 'once@example.com' } }));
    expect(freed.body.quote.applied.map((a: { promotionId: string }) => a.promotionId)).toContain('once-each');
  });
});
