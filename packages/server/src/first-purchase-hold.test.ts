import { describe, expect, test } from 'vitest';
import { openHarness, storeVariants, unique, useHarness } from './test-support';

const FIRST = 'first-order';
const appliedIds = (res: { body: any }): string[] => res.body.quote.applied.map((a: { promotionId: string }) => a.promotionId);
const reasonFor = (res: { body: any }, id: string): string | undefined =>
  res.body.quote.notApplied.find((n: { promotionId: string }) => n.promotionId === id)?.reason.code;

describe.each(storeVariants())('first-purchase offers are held per shopper on $name', ({ open }) => {
  const h = useHarness(open);

  const body = (email: string) => ({ checkoutId: unique('co'), lines: [{ sku: 'TEA-LJ-100', quantity: 2 }], contact: { email } });

  test('a second open checkout of the same email is priced without the first-order offer', async () => {
    const email = `${unique('held')}@example.com`;
    const first = await h.call('POST', '/checkout', body(email));
    expect(first.status).toBe(200);
    expect(appliedIds(first)).toContain(FIRST);
    expect(first.body.amount).toBe(4300);
    // Another spelling of the same mailbox is the same shopper.
    const second = await h.call('POST', '/checkout', body(email.replace('@', '+tag@').toUpperCase()));
    expect(second.status).toBe(200);
    expect(appliedIds(second)).not.toContain(FIRST);
    expect(reasonFor(second, FIRST)).toBe('first_purchase');
    expect(second.body.amount).toBe(4800);
  });

  test('the holder re-posting its own checkout keeps the offer; another email is not affected', async () => {
    const email = `${unique('own')}@example.com`;
    const request = body(email);
    const first = await h.call('POST', '/checkout', request);
    const again = await h.call('POST', '/checkout', { ...request, lines: [{ sku: 'CUP-CELADON', quantity: 1 }] });
    expect(again.body.paymentIntentId).toBe(first.body.paymentIntentId);
    expect(appliedIds(again)).toContain(FIRST);
    const other = await h.call('POST', '/checkout', body(`${unique('other')}@example.com`));
    expect(appliedIds(other)).toContain(FIRST);
  });

  test('20 concurrent checkouts of one email: exactly one gets the first-order offer; a failed payment frees it', async () => {
    const email = `${unique('burst')}@example.com`;
    const results = await Promise.all(Array.from({ length: 20 }, () => h.call('POST', '/checkout', body(email))));
    expect(results.filter((r) => r.status !== 200).map((r) => r.body)).toEqual([]);
    const winners = results.filter((r) => appliedIds(r).includes(FIRST));
    expect(winners).toHaveLength(1);
    for (const loser of results.filter((r) => !winners.includes(r))) expect(loser.body.amount).toBe(4800);

    const blocked = await h.call('POST', '/checkout', body(email));
    expect(appliedIds(blocked)).not.toContain(FIRST);
    // The winner's card is declined: payment_intent.payment_failed releases the hold.
    await h.stripe.paymentIntents.confirm(winners[0]!.body.paymentIntentId, { payment_method: 'pm_card_chargeDeclined' }).catch(() => {});
    await h.sandbox.webhooksIdle();
    const freed = await h.call('POST', '/checkout', body(email));
    expect(appliedIds(freed)).toContain(FIRST);
    expect(freed.body.amount).toBe(4300);
    // Paid: first purchase is over for good, held or not.
    await h.pay(freed.body.paymentIntentId);
    const after = await h.call('POST', '/checkout', body(email));
    expect(appliedIds(after)).not.toContain(FIRST);
    expect(reasonFor(after, FIRST)).toBe('first_purchase');
  }, 60_000);

  test('a hold ends when it expires', async () => {
    const email = `${unique('expiry')}@example.com`;
    let now = Date.now();
    const clocked = await openHarness(open, { now: () => now, reservationTtlMs: 60_000 });
    try {
      const first = await clocked.call('POST', '/checkout', body(email));
      expect(appliedIds(first)).toContain(FIRST);
      expect(appliedIds(await clocked.call('POST', '/checkout', body(email)))).not.toContain(FIRST);
      now += 61_000;
      expect(appliedIds(await clocked.call('POST', '/checkout', body(email)))).toContain(FIRST);
    } finally {
      await clocked.close();
    }
  }, 60_000);
});
