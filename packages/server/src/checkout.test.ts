import { describe, expect, test } from 'vitest';
import { storeVariants, unique, useHarness } from '../test/harness.js';

const applied = (res: { body: any }): string[] => (res.body.quote ?? res.body).applied.map((a: { promotionId: string }) => a.promotionId);

describe.each(storeVariants())('POST /checkout on $name', ({ open }) => {
  // Every request here comes from the harness's one client address: the big bursts would pass the default 60 attempts.
  const h = useHarness(open, { rateLimit: { checkoutsPerIp: 1_000_000 } });
  const intentsOf = (checkoutId: string) => h.sandbox.paymentIntents().filter((pi) => pi.metadata.cartlift_checkout_id === checkoutId);

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
    // A browser claiming the shopper was shown 1 cent is charged nothing.
    const cheap = await h.checkout(tampered, { expectedTotal: 1 });
    expect(cheap.status).toBe(409);
    expect(cheap.body.error.code).toBe('price_changed');
    expect(cheap.body.quote.total).toBe(8400);
    expect(intentsOf(tampered.checkoutId)).toHaveLength(0);
    const res = await h.checkout({ ...tampered, checkoutId: unique('co') });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('succeeded');
    // 8900 catalog price minus the $5 first-order offer.
    expect(res.body.amount).toBe(8400);
    expect(res.body.order.amount).toBe(8400);
    expect(res.body.quote.lines[0].unitPrice).toBe(8900);
    const intent = await h.stripe.paymentIntents.retrieve(res.body.paymentIntentId);
    expect(intent.amount).toBe(8400);
    expect(intent.status).toBe('succeeded');
    expect(intent.payment_method_types).toEqual(['card', 'link', 'alipay', 'wechat_pay']);
    expect((intent.payment_method_options as { wechat_pay?: { client?: string } }).wechat_pay?.client).toBe('web');
  });

  test('the shipping address reaches the PaymentIntent, named after the contact when no name is given; a retry never changes a made payment', async () => {
    const address = { line1: '1 West Lake Road', city: 'Hangzhou', state: '浙江省', postal_code: '310000', country: 'CN' };
    // China's couriers call before delivering: a Chinese address comes with the shopper's phone.
    const phone = '+86 138 0013 8000';
    const checkoutId = unique('co');
    const first = await h.checkout(body(checkoutId, { contact: { email: `${unique('ship')}@example.com`, name: '李伟', phone }, shipping: { address } }));
    expect(first.status).toBe(200);
    const intent = await h.stripe.paymentIntents.retrieve(first.body.paymentIntentId);
    expect(intent.shipping).toMatchObject({ name: '李伟', address });
    const moved = { ...address, line1: '9 Nanshan Road', line2: 'Room 2' };
    // The same attempt posted again with another address: the same answer, the paid intent untouched.
    const again = await h.checkout(
      body(checkoutId, { contact: { email: `${unique('ship')}@example.com`, phone }, shipping: { name: 'Li Wei', address: moved } }),
    );
    expect(again.status).toBe(200);
    expect(again.body.paymentIntentId).toBe(first.body.paymentIntentId);
    expect(again.body.order).toEqual(first.body.order);
    expect((await h.stripe.paymentIntents.retrieve(first.body.paymentIntentId)).shipping).toMatchObject({ name: '李伟', address });
    expect(intentsOf(checkoutId)).toHaveLength(1);
    // A new attempt carries the new address; with no name given, the contact's email names it.
    const email = `${unique('ship')}@example.com`;
    const next = await h.checkout(body(unique('co'), { contact: { email, phone }, shipping: { address: moved } }));
    expect((await h.stripe.paymentIntents.retrieve(next.body.paymentIntentId)).shipping).toMatchObject({ name: email, address: moved });
    const bad = await h.checkout(body(unique('co'), { shipping: { address: { ...address, country: 'China' } } }));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_request', field: 'shipping.address.country' });
    expect(bad.body.error.message).toContain('must be a two-letter country code such as "CN"');
  });

  test('200 concurrent requests with one checkout id give exactly one PaymentIntent, paid once, and all the same answer', async () => {
    const checkoutId = unique('co');
    const cart = body(checkoutId);
    const quote = await h.call('POST', '/quote', { lines: cart.lines, contact: cart.contact });
    const request = { ...cart, confirmationToken: await h.confirmationToken(), expectedTotal: quote.body.total };
    const results = await Promise.all(Array.from({ length: 200 }, () => h.call('POST', '/checkout', request)));
    expect(results.map((r) => r.status)).toEqual(Array(200).fill(200));
    expect(new Set(results.map((r) => r.body.status))).toEqual(new Set(['succeeded']));
    expect(new Set(results.map((r) => r.body.paymentIntentId)).size).toBe(1);
    expect(new Set(results.map((r) => r.body.order.orderNumber)).size).toBe(1);
    const created = intentsOf(checkoutId);
    expect(created.map((pi) => [pi.amount, pi.status])).toEqual([[quote.body.total, 'succeeded']]);
    await h.sandbox.webhooksIdle();
    expect((await h.store.listOrders()).filter((o) => o.checkoutId === checkoutId)).toHaveLength(1);
  }, 60_000);

  test('a new attempt for a changed cart gets its own intent; the earlier unpaid one is canceled and can never be paid', async () => {
    const email = `${unique('change')}@example.com`;
    const before = body(unique('co'), { contact: { email } });
    const first = await h.checkout(before, { paymentMethod: 'pm_card_authenticationRequired' });
    expect(first.body).toMatchObject({ status: 'requires_action', amount: 4300 });
    // The shopper closes 3-D Secure to change the cart: the client abandons the attempt.
    const abandoned = await h.call('POST', '/checkout/complete', { checkoutId: before.checkoutId, abandon: true });
    expect(abandoned.status).toBe(409);
    expect(abandoned.body.error.code).toBe('checkout_canceled');
    expect((await h.stripe.paymentIntents.retrieve(first.body.paymentIntentId)).status).toBe('canceled');
    await expect(h.stripe.paymentIntents.confirm(first.body.paymentIntentId, { payment_method: 'pm_card_visa' })).rejects.toThrow(/canceled/);
    // The old id, posted again with the new cart, is still that finished attempt: nothing new is charged.
    const reused = await h.checkout({ ...before, lines: [{ sku: 'CUP-CELADON', quantity: 3 }] });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('checkout_canceled');
    expect(intentsOf(before.checkoutId)).toHaveLength(1);
    // A new id for the changed cart: its own intent, and the first-order offer the abandoned attempt gave back.
    const changed = body(unique('co'), { contact: { email }, lines: [{ sku: 'CUP-CELADON', quantity: 3 }] });
    const second = await h.checkout(changed);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ status: 'succeeded', amount: 3 * 1800 - 500 });
    expect(second.body.paymentIntentId).not.toBe(first.body.paymentIntentId);
    expect(intentsOf(changed.checkoutId).map((pi) => [pi.amount, pi.status])).toEqual([[4900, 'succeeded']]);
    await h.sandbox.webhooksIdle();
    expect((await h.store.listOrders()).filter((o) => o.email === email).map((o) => o.amount)).toEqual([4900]);
  });

  test('a process that died after creating the intent is recovered: the same intent, its payment recorded', async () => {
    const checkoutId = unique('co');
    const cart = body(checkoutId);
    const quote = await h.call('POST', '/quote', { lines: cart.lines, contact: cart.contact });
    const params = {
      amount: quote.body.total,
      currency: 'usd',
      confirm: true,
      confirmation_token: await h.confirmationToken(),
      payment_method_types: ['card'],
      receipt_email: cart.contact.email,
      metadata: { cartlift_checkout_id: checkoutId },
    };
    // The dead process saved what it charges for and its create parameters, created and confirmed the intent,
    // and never saved the id; its lease has since expired.
    await h.store.acquireCheckout(checkoutId, 'dead-process', Date.now() - 120_000, 1000);
    await h.store.updateCheckout(
      checkoutId,
      'dead-process',
      {
        email: cart.contact.email,
        emailNormalized: cart.contact.email.toLowerCase(),
        amount: quote.body.total,
        currency: 'USD',
        lines: quote.body.lines,
        quote: quote.body,
        promotionIds: applied(quote),
        pendingCreate: params,
      },
      Date.now() - 119_000,
    );
    await h.store.releaseCheckout(checkoutId, 'dead-process');
    const orphan = await h.stripe.paymentIntents.create(params as never, { idempotencyKey: checkoutId });
    expect(orphan.status).toBe('succeeded');
    // The shopper's retry (a new token in the body changes nothing: this attempt already paid).
    const res = await h.checkout(cart);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'succeeded', paymentIntentId: orphan.id, amount: quote.body.total });
    expect(res.body.order.transactionId).toBe(orphan.id);
    expect(intentsOf(checkoutId)).toHaveLength(1);
  });

  test('a paid checkout id answers its order again whatever the body now says; nothing more is charged', async () => {
    const checkoutId = unique('co');
    const first = await h.checkout(body(checkoutId));
    expect(first.body.status).toBe('succeeded');
    const again = await h.checkout({ ...body(checkoutId), lines: [{ sku: 'CUP-CELADON', quantity: 1 }] });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'succeeded', paymentIntentId: first.body.paymentIntentId, amount: first.body.amount });
    expect(again.body.order).toEqual(first.body.order);
    expect(intentsOf(checkoutId)).toHaveLength(1);
    await h.sandbox.webhooksIdle();
    expect((await h.store.listOrders()).filter((o) => o.checkoutId === checkoutId)).toHaveLength(1);
  });

  test('1,000 concurrent paid attempts (every 5th declined) at a promotion limited to 100: exactly 100 orders get it', async () => {
    const shown = (
      await h.call('POST', '/quote', { lines: [{ sku: 'TEA-LJ-100', quantity: 2 }], codes: ['LIMITED'], contact: { email: `${unique('look')}@example.com` } })
    ).body;
    expect(shown.applied.map((a: { promotionId: string }) => a.promotionId)).toContain('limited100');
    const requests = Array.from({ length: 1000 }, () => body(unique('co'), { codes: ['LIMITED'] }));
    // Every shopper was shown the discounted total.
    const results = await Promise.all(
      requests.map((r, i) => h.checkout(r, { expectedTotal: shown.total, paymentMethod: i % 5 === 4 ? 'pm_card_chargeDeclined' : 'pm_card_visa' })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => ![200, 402, 409].includes(s)).length, JSON.stringify(results.find((r) => ![200, 402, 409].includes(r.status))?.body)).toBe(0);
    // Declined cards get 402 when they reach Stripe (they held a redemption), else the 409 below; good cards never 402.
    expect(statuses.filter((s, i) => (i % 5 === 4 ? ![402, 409].includes(s) : ![200, 409].includes(s)))).toEqual([]);
    const paid = results.filter((r) => r.status === 200);
    expect(paid.every((r) => r.body.status === 'succeeded' && r.body.amount === shown.total && applied(r).includes('limited100'))).toBe(true);
    expect(paid.length).toBeLessThanOrEqual(100);
    // The rest were refused before any intent, with the price they would pay and why.
    const refused = results.filter((r) => r.status === 409);
    expect(paid.length + refused.length + statuses.filter((s) => s === 402).length).toBe(1000);
    expect(refused[0]!.body.error.code).toBe('price_changed');
    expect(refused[0]!.body.quote.total).toBe(shown.total + 100);
    expect(refused[0]!.body.quote.notApplied.find((n: { promotionId: string }) => n.promotionId === 'limited100').reason.code).toBe('usage_limit');
    for (const [i, r] of results.entries()) if (r.status === 409) expect(intentsOf(requests[i]!.checkoutId)).toHaveLength(0);
    // Declined attempts kept nothing: their intents are canceled and their holds free for the next shoppers.
    for (const [i, r] of results.entries()) if (r.status === 402) expect(intentsOf(requests[i]!.checkoutId).map((pi) => pi.status)).toEqual(['canceled']);
    let more = 0;
    for (;;) {
      const next = await h.checkout(body(unique('co'), { codes: ['LIMITED'] }));
      expect(next.status).toBe(200);
      if (!applied(next).includes('limited100')) break;
      more += 1;
      expect(more).toBeLessThanOrEqual(100);
    }
    expect(paid.length + more).toBe(100);
    await h.sandbox.webhooksIdle();
    expect((await h.store.listOrders()).filter((o) => o.promotions.includes('limited100'))).toHaveLength(100);
  }, 120_000);

  test('an attempt whose intent was canceled after its payment failed answers the failure (402) every time, not a cancellation', async () => {
    const attempt = body(unique('co'), { contact: { email: `${unique('failed')}@example.com` } });
    const started = await h.checkout(attempt, { paymentMethod: 'pm_card_authenticationRequired' });
    expect(started.body.status).toBe('requires_action');
    h.sandbox.completeAction(started.body.paymentIntentId, 'fail');
    // What the payment_failed webhook does; the shopper's client may ask before the canceled event is handled.
    await h.stripe.paymentIntents.cancel(started.body.paymentIntentId);
    let told = await h.call('POST', '/checkout/complete', { checkoutId: attempt.checkoutId });
    for (let tries = 0; told.body.error?.code === 'checkout_in_progress' && tries < 20; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      told = await h.call('POST', '/checkout/complete', { checkoutId: attempt.checkoutId });
    }
    expect(told.status, JSON.stringify(told.body)).toBe(402);
    expect(told.body.error.code).toBe('payment_intent_authentication_failure');
    await h.sandbox.webhooksIdle();
    const again = await h.call('POST', '/checkout/complete', { checkoutId: attempt.checkoutId });
    expect(again.status, JSON.stringify(again.body)).toBe(402);
  });

  test('a hold lasts its attempt: released when the payment fails', async () => {
    const email = `${unique('once')}@example.com`;
    const once = (extra: Record<string, unknown> = {}) => body(unique('co'), { codes: ['ONCE'], contact: { email }, ...extra });
    // A declined attempt holds nothing afterwards.
    const declined = await h.checkout(once(), { paymentMethod: 'pm_card_chargeDeclined' });
    expect(declined.status, JSON.stringify(declined.body)).toBe(402);
    const waiting = once();
    const failing = await h.checkout(waiting, { paymentMethod: 'pm_card_authenticationRequired' });
    expect(failing.body.status).toBe('requires_action');
    expect(applied(failing)).toContain('once-each');
    // Same customer, second attempt while 3-D Secure is open: the hold keeps the per-customer limit.
    const blocked = await h.checkout(once(), { expectedTotal: failing.body.amount });
    expect(blocked.status).toBe(409);
    expect(blocked.body.quote.notApplied.find((n: { promotionId: string }) => n.promotionId === 'once-each').reason.code).toBe('customer_usage_limit');
    // Authentication fails; the client asks where the attempt stands: 402, holds released.
    h.sandbox.completeAction(failing.body.paymentIntentId, 'fail');
    // The failure's webhook may hold the attempt's lease at that moment: the client retries on checkout_in_progress, as the browser's does.
    let told = await h.call('POST', '/checkout/complete', { checkoutId: waiting.checkoutId });
    for (let tries = 0; told.body.error?.code === 'checkout_in_progress' && tries < 20; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      told = await h.call('POST', '/checkout/complete', { checkoutId: waiting.checkoutId });
    }
    expect(told.status, JSON.stringify(told.body)).toBe(402);
    await h.sandbox.webhooksIdle();
    expect((await h.stripe.paymentIntents.retrieve(failing.body.paymentIntentId)).status).toBe('canceled');
    const freed = await h.checkout(once());
    expect(freed.body.status).toBe('succeeded');
    expect(applied(freed)).toContain('once-each');
  });
});
