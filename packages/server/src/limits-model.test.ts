import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FIRST_PURCHASE_HOLD } from './pricing.js';
import { PROMOTIONS, storeVariants, unique, useHarness } from '../test/harness.js';

// Model test of "limits hold under any sequence": random shoppers run random
// payment attempts (cards that pay or decline, 3-D Secure and Alipay left
// open, completed or failed, retried requests, the clock jumping past the
// hold, webhooks redelivered), and after every sequence the ledger must
// keep the promises of "One price everywhere" on both stores.
const COMBINES = { product: true, order: true, shipping: true };
const TTL = 60_000;
const promotions = {
  version: 1,
  promotions: [
    ...PROMOTIONS.promotions.filter((p) => p.id !== 'limited100'),
    { id: 'two-left', name: 'TWO', code: 'TWO', currency: 'USD', rule: { type: 'amount_off', amount: 300 }, limits: { total: 2 }, combinesWith: COMBINES },
  ],
};
const LIMITS: Record<string, { total?: number; perCustomer?: number }> = {
  'two-left': { total: 2 },
  'once-each': { perCustomer: 1 },
  'first-order': { perCustomer: 1 },
};

const METHODS = ['pm_card_visa', 'pm_card_chargeDeclined', 'pm_card_threeDSecure2Required', 'alipay'] as const;
const op = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('attempt' as const),
      shopper: fc.nat(3),
      method: fc.constantFrom(...METHODS),
      codes: fc.subarray(['TWO', 'ONCE']),
      alias: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('finish' as const), pick: fc.nat(), result: fc.constantFrom('succeed' as const, 'fail' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retry' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('expire' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('redeliver' as const), pick: fc.nat() }) },
);

describe.each(storeVariants())('limits and prices under random sequences on $name', ({ open }) => {
  let clock = Date.now();
  const h = useHarness(open, { promotions, reservationTtlMs: TTL, now: () => clock, rateLimit: false });

  test('redemptions ≤ limits, one first order per shopper, every order = the price at payment, no hold outlives its attempt', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 14 }), async (ops) => {
        const run = unique('run');
        const emails = [0, 1, 2, 3].map((n) => `${run}-s${n}@example.com`);
        const attempts: Array<{ body: Record<string, unknown>; token: string; expected: number; answer: { status: number; body: any } }> = [];
        for (const step of ops) {
          if (step.kind === 'attempt') {
            const email = step.alias ? emails[step.shopper]!.replace('@', '+x@').toUpperCase() : emails[step.shopper]!;
            const body = { checkoutId: unique('co'), lines: [{ sku: 'CUP-CELADON', quantity: 2 }], codes: step.codes, contact: { email } };
            const quote = await h.call('POST', '/quote', { lines: body.lines, codes: body.codes, contact: { email } });
            const token = await h.confirmationToken(step.method);
            const answer = await h.call('POST', '/checkout', { ...body, confirmationToken: token, expectedTotal: quote.body.total });
            expect([200, 402, 409]).toContain(answer.status);
            attempts.push({ body, token, expected: quote.body.total, answer });
          } else if (step.kind === 'finish' && attempts.length > 0) {
            const open = attempts.filter((a) => a.answer.body.status === 'requires_action');
            const chosen = open[step.pick % Math.max(open.length, 1)];
            if (chosen) {
              // The shopper finishes on Stripe's side; unless the hold expired and was reaped, which canceled the intent.
              try {
                h.sandbox.completeAction(chosen.answer.body.paymentIntentId, step.result);
              } catch {
                // no pending action any more
              }
              await h.call('POST', '/checkout/complete', { checkoutId: chosen.body.checkoutId });
            }
          } else if (step.kind === 'retry' && attempts.length > 0) {
            const chosen = attempts[step.pick % attempts.length]!;
            const again = await h.call('POST', '/checkout', { ...chosen.body, confirmationToken: chosen.token, expectedTotal: chosen.expected });
            expect(again.status).toBeLessThan(500);
          } else if (step.kind === 'expire') {
            clock += TTL + 1;
          } else if (step.kind === 'redeliver') {
            await h.sandbox.webhooksIdle();
            const succeeded = h.sandbox.events().filter((e) => e.type === 'payment_intent.succeeded');
            const event = succeeded[step.pick % Math.max(succeeded.length, 1)];
            if (event) await h.sandbox.redeliver(event.id);
          }
        }
        await h.sandbox.webhooksIdle();
        const mine = new Set(emails.map((e) => e.toLowerCase()));
        const orders = (await h.store.listOrders()).filter((o) => o.emailNormalized && mine.has(o.emailNormalized));
        // Every paid order is the amount the server priced for that attempt, and what Stripe took.
        for (const order of orders) {
          const attempt = attempts.find((a) => a.body.checkoutId === order.checkoutId)!;
          expect(order.amount).toBe(attempt.expected);
          expect((await h.stripe.paymentIntents.retrieve(order.paymentIntentId)).amount_received).toBe(order.amount);
        }
        // Every succeeded intent of this run is an order (nothing paid went unrecorded).
        const paidIntents = h.sandbox
          .paymentIntents()
          .filter((pi) => pi.status === 'succeeded' && attempts.some((a) => a.body.checkoutId === pi.metadata.cartlift_checkout_id));
        expect(paidIntents.length).toBe(orders.length);
        for (const shopper of mine) {
          const theirs = orders.filter((o) => o.emailNormalized === shopper);
          expect(theirs.filter((o) => o.promotions.includes('first-order')).length).toBeLessThanOrEqual(1);
          expect(theirs.filter((o) => o.promotions.includes('once-each')).length).toBeLessThanOrEqual(LIMITS['once-each']!.perCustomer!);
        }
        return true;
      }),
      { numRuns: 12 },
    );
    // Across all runs: the total-limited promotion never went past its limit, and no hold outlives TTL once settled.
    const orders = await h.store.listOrders();
    expect(orders.filter((o) => o.promotions.includes('two-left')).length).toBeLessThanOrEqual(2);
    clock += TTL + 1;
    // Each request settles up to 5 outlived attempts before pricing: a few shoppers' quotes clear the backlog.
    for (let i = 0; i < 10 && (await h.store.staleHolds(['two-left', FIRST_PURCHASE_HOLD], clock, 100)).length > 0; i++) {
      await h.call('POST', '/quote', { lines: [{ sku: 'CUP-CELADON', quantity: 1 }], codes: ['TWO'] });
    }
    expect(await h.store.staleHolds(['two-left', FIRST_PURCHASE_HOLD], clock, 100)).toEqual([]);
    const stillHeld = (await h.store.promotionUsage(['two-left'], null, clock))['two-left']!.used;
    expect(stillHeld).toBe(Math.min(2, orders.filter((o) => o.promotions.includes('two-left')).length));
  }, 180_000);
});
