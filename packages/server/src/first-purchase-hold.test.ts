import { describe, expect, test } from 'vitest';
import { openHarness, storeVariants, unique, useHarness } from '../test/harness.js';

const FIRST = 'first-order';
const appliedIds = (res: { body: any }): string[] => res.body.quote.applied.map((a: { promotionId: string }) => a.promotionId);
const reasonFor = (res: { body: any }, id: string): string | undefined =>
  res.body.quote.notApplied.find((n: { promotionId: string }) => n.promotionId === id)?.reason.code;

describe.each(storeVariants())('first-purchase offers are held per shopper on $name', ({ open }) => {
  const h = useHarness(open, { rateLimit: { checkoutsPerIp: 1_000_000 } });

  const body = (email: string) => ({ checkoutId: unique('co'), lines: [{ sku: 'TEA-LJ-100', quantity: 2 }], contact: { email } });

  test('a second attempt of the same email while the first is open is priced without the first-order offer', async () => {
    const email = `${unique('held')}@example.com`;
    // The first attempt waits on the shopper's Alipay page, holding the offer.
    const first = await h.checkout(body(email), { paymentMethod: 'alipay' });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('requires_action');
    expect(appliedIds(first)).toContain(FIRST);
    expect(first.body.amount).toBe(4300);
    // Another spelling of the same mailbox is the same shopper: shown the offer, charged nothing.
    const alias = email.replace('@', '+tag@').toUpperCase();
    const stale = await h.checkout(body(alias), { expectedTotal: 4300 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('price_changed');
    expect(reasonFor(stale, FIRST)).toBe('first_purchase');
    const second = await h.checkout(body(alias));
    expect(second.status).toBe(200);
    expect(second.body.status).toBe('succeeded');
    expect(appliedIds(second)).not.toContain(FIRST);
    expect(reasonFor(second, FIRST)).toBe('first_purchase');
    expect(second.body.amount).toBe(4800);
  });

  test('the holder retrying its own attempt gets the same answer and keeps the offer; another email is not affected', async () => {
    const email = `${unique('own')}@example.com`;
    const request = body(email);
    const first = await h.checkout(request, { paymentMethod: 'alipay' });
    expect(appliedIds(first)).toContain(FIRST);
    // A retry of the attempt (even with another cart in the body) is that attempt, still holding the offer.
    const again = await h.checkout({ ...request, lines: [{ sku: 'CUP-CELADON', quantity: 1 }] }, { paymentMethod: 'alipay' });
    expect(again.body).toMatchObject({ status: 'requires_action', paymentIntentId: first.body.paymentIntentId, amount: 4300 });
    expect(h.sandbox.paymentIntents().filter((pi) => pi.metadata.cartlift_checkout_id === request.checkoutId)).toHaveLength(1);
    // The shopper pays it: the order has the offer.
    h.sandbox.completeAction(first.body.paymentIntentId, 'succeed');
    const paid = await h.call('POST', '/checkout/complete', { checkoutId: request.checkoutId });
    expect(paid.body).toMatchObject({ status: 'succeeded', amount: 4300 });
    expect(paid.body.order.amount).toBe(4300);
    const other = await h.checkout(body(`${unique('other')}@example.com`));
    expect(appliedIds(other)).toContain(FIRST);
  });

  test('20 concurrent attempts of one email: exactly one gets the first-order offer; a failed payment frees it', async () => {
    const email = `${unique('burst')}@example.com`;
    const requests = Array.from({ length: 20 }, () => body(email));
    const results = await Promise.all(requests.map((r) => h.checkout(r, { paymentMethod: 'pm_card_authenticationRequired' })));
    expect(results.filter((r) => r.status !== 200 && r.status !== 409).map((r) => r.body)).toEqual([]);
    const winners = results.filter((r) => r.status === 200 && appliedIds(r).includes(FIRST));
    expect(winners).toHaveLength(1);
    expect(winners[0]!.body).toMatchObject({ status: 'requires_action', amount: 4300 });
    // The others were either refused (shown 4300, now 4800: no intent) or started at the full price.
    for (const [i, loser] of results.entries()) {
      if (winners.includes(loser)) continue;
      if (loser.status === 409) {
        expect(loser.body.quote.total).toBe(4800);
        expect(reasonFor(loser, FIRST)).toBe('first_purchase');
        expect(h.sandbox.paymentIntents().filter((pi) => pi.metadata.cartlift_checkout_id === requests[i]!.checkoutId)).toHaveLength(0);
      } else expect(loser.body.amount).toBe(4800);
    }

    const blocked = await h.checkout(body(email), { paymentMethod: 'alipay' });
    expect(blocked.body.status).toBe('requires_action');
    expect(appliedIds(blocked)).not.toContain(FIRST);
    // The winner's 3-D Secure fails: settling the attempt cancels it and releases the hold.
    const winner = requests[results.indexOf(winners[0]!)]!;
    h.sandbox.completeAction(winners[0]!.body.paymentIntentId, 'fail');
    const failed = await h.call('POST', '/checkout/complete', { checkoutId: winner.checkoutId });
    expect(failed.status).toBe(402);
    expect((await h.stripe.paymentIntents.retrieve(winners[0]!.body.paymentIntentId)).status).toBe('canceled');
    const freed = await h.checkout(body(email));
    expect(freed.body.status).toBe('succeeded');
    expect(appliedIds(freed)).toContain(FIRST);
    expect(freed.body.amount).toBe(4300);
    // Paid: first purchase is over for good, held or not.
    const after = await h.checkout(body(email));
    expect(appliedIds(after)).not.toContain(FIRST);
    expect(reasonFor(after, FIRST)).toBe('first_purchase');
  }, 60_000);

  test('an expired hold is freed only once its intent is canceled at Stripe; paid meanwhile, it is the order', async () => {
    let now = Date.now();
    const clocked = await openHarness(open, { now: () => now, reservationTtlMs: 60_000 });
    const quote = async (email: string) => (await clocked.call('POST', '/quote', { lines: [{ sku: 'TEA-LJ-100', quantity: 2 }], contact: { email } })).body;
    const ids = (q: any): string[] => q.applied.map((a: { promotionId: string }) => a.promotionId);
    try {
      // Abandoned: the expired attempt is canceled by the next request that prices the offer, which then gets it.
      const email = `${unique('expiry')}@example.com`;
      const first = await clocked.checkout(body(email), { paymentMethod: 'alipay' });
      expect(appliedIds(first)).toContain(FIRST);
      expect(ids(await quote(email))).not.toContain(FIRST);
      now += 61_000;
      // Expired, but nothing has settled it yet: the intent is still payable at Stripe.
      expect((await clocked.stripe.paymentIntents.retrieve(first.body.paymentIntentId)).status).toBe('requires_action');
      expect(ids(await quote(email))).toContain(FIRST);
      expect((await clocked.stripe.paymentIntents.retrieve(first.body.paymentIntentId)).status).toBe('canceled');
      await expect(clocked.stripe.paymentIntents.confirm(first.body.paymentIntentId, { payment_method: 'pm_card_visa' })).rejects.toThrow(/canceled/);
      const paid = await clocked.checkout(body(email));
      expect(paid.body.status).toBe('succeeded');
      expect(appliedIds(paid)).toContain(FIRST);

      // Paid after expiry, before anyone settled it: the hold was never given to anyone else; it is the order's.
      const late = `${unique('late')}@example.com`;
      const slow = await clocked.checkout(body(late), { paymentMethod: 'alipay' });
      expect(appliedIds(slow)).toContain(FIRST);
      now += 61_000;
      clocked.sandbox.completeAction(slow.body.paymentIntentId, 'succeed');
      await clocked.sandbox.webhooksIdle();
      const after = await quote(late);
      expect(ids(after)).not.toContain(FIRST);
      expect(after.notApplied.find((n: { promotionId: string }) => n.promotionId === FIRST)?.reason.code).toBe('first_purchase');
      expect((await clocked.store.listOrders()).filter((o) => o.email === late).map((o) => [o.amount, o.promotions.includes(FIRST)])).toEqual([[4300, true]]);
    } finally {
      await clocked.close();
    }
  }, 60_000);
});
