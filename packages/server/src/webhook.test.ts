import { describe, expect, test } from 'vitest';
import { storeVariants, unique, useHarness } from '../test/harness.js';

describe.each(storeVariants())('POST /webhooks/stripe and the first-purchase ledger on $name', ({ open }) => {
  const h = useHarness(open);

  const checkout = (email: string, extra: Record<string, unknown> = {}, paymentMethod?: string) =>
    h.checkout({ checkoutId: unique('co'), lines: [{ sku: 'CUP-CELADON', quantity: 2 }], contact: { email }, ...extra }, { paymentMethod });

  test('a bad signature is refused with 400 and records nothing', async () => {
    const payload = JSON.stringify({ id: 'evt_forged', type: 'payment_intent.succeeded', data: { object: { id: 'pi_x', amount: 1 } } });
    const wrongSecret = h.stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_not_ours' });
    const forged = await h.call('POST', '/webhooks/stripe', payload, { 'stripe-signature': wrongSecret });
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('invalid_signature');
    const missing = await h.call('POST', '/webhooks/stripe', payload);
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('stripe-signature');
    const stale = h.stripe.webhooks.generateTestHeaderString({ payload, secret: h.sandbox.webhookSecret, timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect((await h.call('POST', '/webhooks/stripe', payload, { 'stripe-signature': stale })).status).toBe(400);
  });

  test('a webhook delivered three times records one order with the intent amount and checkout lines', async () => {
    const email = `${unique('thrice')}@example.com`;
    const res = await checkout(email);
    expect(res.body.status).toBe('succeeded');
    await h.sandbox.webhooksIdle();
    const event = h.sandbox.events().find((e) => e.type === 'payment_intent.succeeded' && (e.data.object as { id: string }).id === res.body.paymentIntentId)!;
    await h.sandbox.redeliver(event.id);
    await h.sandbox.redeliver(event.id);
    const orders = (await h.store.listOrders()).filter((o) => o.paymentIntentId === res.body.paymentIntentId);
    expect(orders).toHaveLength(1);
    expect(orders[0]!.amount).toBe(res.body.amount);
    expect(orders[0]!.lines).toEqual(res.body.quote.lines);
    const accepted = h.sandbox.deliveries().filter((d) => d.eventId === event.id);
    expect(accepted.length).toBeGreaterThanOrEqual(3);
  });

  test('first purchase is detected for a guest email, and not after their first paid order', async () => {
    const email = `${unique('Guest.Buyer')}@Example.com`;
    const quote = () => h.call('POST', '/quote', { lines: [{ sku: 'CUP-CELADON', quantity: 2 }], contact: { email } });
    const before = await quote();
    expect(before.body.applied.map((a: { promotionId: string }) => a.promotionId)).toContain('first-order');
    const paid = await checkout(email);
    expect(paid.body).toMatchObject({ status: 'succeeded', amount: 3600 - 500 });
    const after = await quote();
    expect(after.body.applied.map((a: { promotionId: string }) => a.promotionId)).not.toContain('first-order');
    expect(after.body.notApplied.find((n: { promotionId: string }) => n.promotionId === 'first-order')?.reason.code).toBe('first_purchase');
    // The same person with different capitals and a +tag is not new either.
    const [local, domain] = email.split('@');
    const alias = await h.call('POST', '/quote', {
      lines: [{ sku: 'CUP-CELADON', quantity: 1 }],
      contact: { email: `${local!.toUpperCase()}+again@${domain}` },
    });
    expect(alias.body.applied.map((a: { promotionId: string }) => a.promotionId)).not.toContain('first-order');
  });

  test('redemptions are committed by the payment and count against limits', async () => {
    const email = `${unique('once')}@example.com`;
    const first = await checkout(email, { codes: ['ONCE'] });
    expect(first.body.quote.applied.map((a: { promotionId: string }) => a.promotionId)).toContain('once-each');
    expect(first.body.status).toBe('succeeded');
    await h.sandbox.webhooksIdle();
    // Shown the code again, the shopper is charged nothing and told why; confirming the full price pays it.
    const stale = await checkout(email, { codes: ['ONCE'] });
    const refused = await h.checkout(
      { checkoutId: unique('co'), lines: [{ sku: 'CUP-CELADON', quantity: 2 }], codes: ['ONCE'], contact: { email } },
      { expectedTotal: first.body.amount },
    );
    expect(refused.status).toBe(409);
    expect(stale.body.status).toBe('succeeded');
    const second = stale;
    const denied = second.body.quote.notApplied.find((n: { promotionId: string }) => n.promotionId === 'once-each');
    expect(denied?.reason.code).toBe('customer_usage_limit');
    const order = (await h.store.listOrders()).find((o) => o.paymentIntentId === first.body.paymentIntentId);
    expect(order?.promotions).toEqual(expect.arrayContaining(['once-each', 'first-order']));
  });

  test('a canceled intent releases its holds and closes the checkout', async () => {
    const email = `${unique('cancel')}@example.com`;
    const checkoutId = unique('co');
    const first = await h.checkout(
      { checkoutId, lines: [{ sku: 'CUP-CELADON', quantity: 1 }], codes: ['ONCE'], contact: { email } },
      { paymentMethod: 'alipay' },
    );
    expect(first.body.status).toBe('requires_action');
    expect(first.body.quote.applied.map((a: { promotionId: string }) => a.promotionId)).toContain('once-each');
    await h.stripe.paymentIntents.cancel(first.body.paymentIntentId);
    await h.sandbox.webhooksIdle();
    await h.sandbox.webhooksIdle();
    const again = await h.checkout({ checkoutId, lines: [{ sku: 'CUP-CELADON', quantity: 1 }], contact: { email } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('checkout_canceled');
    const fresh = await checkout(email, { codes: ['ONCE'] });
    expect(fresh.body.quote.applied.map((a: { promotionId: string }) => a.promotionId)).toContain('once-each');
  });

  test('events of other types are acknowledged once', async () => {
    const event = await h.sandbox.emitEvent('customer.created', { id: 'cus_x', object: 'customer' });
    const attempts = h.sandbox.deliveries().filter((d) => d.eventId === event.id);
    expect(attempts.at(-1)?.status).toBe(200);
  });
});
