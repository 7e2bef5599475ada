import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, openHarness, storeVariants, unique, useHarness } from '../test/harness.js';
import { openStore } from './store/open-store.js';

// Bodies shaped like real requests but with anything in any field.
const line = fc.record(
  {
    sku: fc.oneof(fc.constantFrom('TEA-LJ-100', 'POT-YIXING', 'ADDON-WARRANTY-1Y', 'NOPE', ''), fc.anything()),
    quantity: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double(), fc.anything()),
    variant: fc.anything(),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  fc.anything(),
  fc.record(
    {
      checkoutId: fc.oneof(fc.uuid(), fc.string(), fc.anything()),
      lines: fc.oneof(fc.array(line, { maxLength: 4 }), fc.anything()),
      codes: fc.oneof(fc.array(fc.oneof(fc.constantFrom('WELCOME10', 'LIMITED'), fc.string()), { maxLength: 3 }), fc.anything()),
      contact: fc.oneof(fc.record({ email: fc.oneof(fc.emailAddress(), fc.string()), name: fc.anything() }, { requiredKeys: [] }), fc.anything()),
      shipping: fc.anything(),
      currency: fc.oneof(fc.constantFrom('USD', 'EUR'), fc.anything()),
      // Well-formed but unknown tokens reach Stripe (and its refusal); the rest are refused by validation.
      confirmationToken: fc.oneof(
        fc.constantFrom('ctoken_fuzz_unknown', 'ctoken_'),
        fc.string().map((t) => `ctoken_${t}`),
        fc.anything(),
      ),
      expectedTotal: fc.oneof(fc.integer({ min: -5, max: 20_000 }), fc.constantFrom(4300, 1900), fc.double(), fc.anything()),
    },
    { requiredKeys: [] },
  ),
);

describe('fuzzed request bodies', () => {
  const h = useHarness(() => openStore({ kind: 'pglite', memory: true }), { rateLimit: false });

  test.each(['/quote', '/checkout', '/webhooks/stripe'])(
    'never answer 5xx on POST %s',
    async (path) => {
      await fc.assert(
        fc.asyncProperty(body, fc.boolean(), async (value, raw) => {
          let text: string;
          try {
            text = raw ? String(value) : (JSON.stringify(value) ?? 'undefined');
          } catch {
            text = '{}';
          }
          const res = await h.call('POST', path, text, { 'stripe-signature': 't=1,v1=abc' });
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
          if (res.status >= 400) {
            const { message, field, code } = res.body.error;
            expect(message).toMatch(/\.$/);
            // Validation sentences start with the field they are about.
            if (code === 'invalid_request') expect(message.startsWith(`${field} `), message).toBe(true);
            expect(message).not.toMatch(/Invalid input|expected \w+, received/);
          }
        }),
        { numRuns: 150 },
      );
    },
    60_000,
  );
});

// Signed with the webhook secret, so what follows verification is fuzzed too:
// events shaped like Stripe's with anything in any field, for real intents and unknown ones.
const EVENT_TYPES = ['payment_intent.succeeded', 'payment_intent.payment_failed', 'payment_intent.canceled', 'charge.refunded', 'customer.created'];

/** Mostly `good`, sometimes anything: deep enough to pass validation often, odd enough to probe it. */
const mostly = <T>(good: fc.Arbitrary<T>, odd: fc.Arbitrary<unknown> = fc.anything()) =>
  fc.oneof({ weight: 9, arbitrary: good }, { weight: 1, arbitrary: odd });

function signedEvent(intentIds: readonly string[]) {
  const intent = fc.record(
    {
      id: mostly(fc.constantFrom(...intentIds, 'pi_unknown'), fc.oneof(fc.string(), fc.anything())),
      object: fc.constant('payment_intent'),
      amount: mostly(fc.integer({ min: 0, max: 1_000_000 }), fc.oneof(fc.constantFrom(-1, 2 ** 53, 1e300, 0.5), fc.anything())),
      amount_received: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.constant(null), fc.anything()),
      currency: mostly(fc.constantFrom('usd', 'USD', 'jpy'), fc.oneof(fc.constant(''), fc.string(), fc.anything())),
      customer: mostly(fc.oneof(fc.constant(null), fc.constantFrom('cus_fuzz'), fc.record({ id: fc.constant('cus_fuzz') }))),
      status: fc.constantFrom('succeeded', 'canceled', 'requires_payment_method'),
    },
    { requiredKeys: ['id', 'amount', 'currency'] },
  );
  const event = fc.record(
    {
      // Event ids repeat now and then: replays are part of what is fuzzed.
      id: mostly(
        fc.oneof(
          fc.uuid().map((u) => `evt_${u}`),
          fc.constantFrom('evt_replayed'),
        ),
        fc.oneof(fc.string(), fc.anything()),
      ),
      object: fc.constant('event'),
      type: mostly(fc.constantFrom(...EVENT_TYPES), fc.oneof(fc.string(), fc.anything())),
      data: mostly(fc.record({ object: mostly(intent) })),
      created: fc.integer({ min: 0, max: 2 ** 31 }),
    },
    { requiredKeys: ['id', 'type', 'data'] },
  );
  return fc.oneof(
    { weight: 8, arbitrary: event.map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.string() },
  );
}

describe.each(storeVariants())('fuzzed webhook events with a valid signature on $name', ({ open }) => {
  let h: Harness;
  const intentIds: string[] = [];
  beforeAll(async () => {
    h = await openHarness(open, { rateLimit: false });
    // Intents in each state an attempt leaves: paid, waiting on the shopper, declined (canceled).
    for (const paymentMethod of ['pm_card_visa', 'alipay', 'pm_card_chargeDeclined']) {
      const checkoutId = unique('fuzz');
      await h.checkout(
        { checkoutId, lines: [{ sku: 'TEA-LJ-100', quantity: 1 }], contact: { email: `${unique('fuzz')}@example.com` }, codes: ['LIMITED'] },
        { paymentMethod },
      );
      intentIds.push(
        ...h.sandbox
          .paymentIntents()
          .filter((pi) => pi.metadata.cartlift_checkout_id === checkoutId)
          .map((pi) => pi.id),
      );
    }
    expect(intentIds).toHaveLength(3);
    await h.sandbox.webhooksIdle();
  }, 60_000);
  afterAll(() => h?.close());

  test('never answer 5xx, and a refusal is a 4xx sentence', async () => {
    const outcomes = { refused: 0, intentEvents: 0, otherEvents: 0 };
    await fc.assert(
      fc.asyncProperty(signedEvent(intentIds), async (payload) => {
        const signature = h.stripe.webhooks.generateTestHeaderString({ payload, secret: h.sandbox.webhookSecret });
        const res = await h.call('POST', '/webhooks/stripe', payload, { 'stripe-signature': signature });
        expect(res.status, `${payload.slice(0, 300)} → ${JSON.stringify(res.body)}`).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.body.error.message).toMatch(/\.$/);
          expect(res.body.error.message).not.toMatch(/Invalid input|expected \w+, received/);
        } else {
          expect(res.body.received).toBe(true);
        }
        if (res.status >= 400) outcomes.refused += 1;
        else if (String(JSON.parse(payload)?.type).startsWith('payment_intent.')) outcomes.intentEvents += 1;
        else outcomes.otherEvents += 1;
      }),
      { numRuns: 100 },
    );
    // Past verification: the fuzz reaches the ledger, not only the refusals.
    expect(outcomes.intentEvents).toBeGreaterThan(0);
    // The server still works afterwards.
    expect((await h.call('GET', '/config')).status).toBe(200);
  }, 120_000);
});
