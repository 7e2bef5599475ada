import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openHarness, type Harness } from './test-support';
import { openStore } from './store/open-store';

// Bodies shaped like real requests but with anything in any field.
const line = fc.record(
  { sku: fc.oneof(fc.constantFrom('TEA-LJ-100', 'POT-YIXING', 'ADDON-WARRANTY-1Y', 'NOPE', ''), fc.anything()), quantity: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double(), fc.anything()), variant: fc.anything() },
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
    },
    { requiredKeys: [] },
  ),
);

describe('fuzzed request bodies', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(() => openStore({ kind: 'pglite', memory: true }), { rateLimit: false });
  }, 60_000);
  afterAll(() => h?.close());

  test.each(['/quote', '/checkout', '/webhooks/stripe'])('never answer 5xx on POST %s', async (path) => {
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (value, raw) => {
        let text: string;
        try {
          text = raw ? String(value) : JSON.stringify(value) ?? 'undefined';
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
  }, 60_000);
});
