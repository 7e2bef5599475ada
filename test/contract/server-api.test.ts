import { describe, expect, test } from 'vitest';
import { CartliftError } from '@cartlift/core';
import { createServerApi } from '../../packages/checkout/src/server-api.js';
import { storeVariants, unique, useHarness } from '../../packages/server/test/harness.js';

// The browser's server client against the real handler (PGlite, the Stripe
// sandbox): its guards accept every answer the server gives, and the server's
// refusals arrive as CartliftError sentences with what the browser needs.

const [pglite] = storeVariants();

describe('the browser client and the server agree on the wire', () => {
  const h = useHarness(pglite!.open);
  let calls = 0;
  const clientFor = (failFirst = false) => {
    let failed = false;
    return createServerApi(h.handler.basePath, async (input, init) => {
      calls++;
      // A connection that drops once, as a phone's does: the retry must answer the same.
      if (failFirst && !failed) {
        failed = true;
        throw new TypeError('Failed to fetch');
      }
      return h.handler(new Request(`http://shop.test${String(input)}`, init), { clientIp: '192.0.2.44' });
    });
  };
  const cart = (email: string) => ({ lines: [{ sku: 'CUP-CELADON', quantity: 2 }], contact: { email } });

  test('config and a quote pass the client guards', async () => {
    const api = clientFor();
    const config = await api.config();
    expect(config.currency).toBe('USD');
    const quote = await api.quote({ ...cart(`${unique('wire')}@example.com`), codes: ['NOPE'] });
    expect(quote.total).toBe(3600 - 500);
    expect(quote.notApplied.map((entry) => entry.reason.code)).toContain('unknown_code');
  });

  test('a paid checkout answers the order; a stale total is a price_changed CartliftError carrying the new quote', async () => {
    const api = clientFor();
    const email = `${unique('wire')}@example.com`;
    const quote = await api.quote(cart(email));
    const paid = await api.checkout({ ...cart(email), checkoutId: unique('co'), confirmationToken: await h.confirmationToken(), expectedTotal: quote.total });
    expect(paid).toMatchObject({ status: 'succeeded', amount: quote.total, order: { amount: quote.total, email } });
    const stale = api.checkout({ ...cart(email), checkoutId: unique('co'), confirmationToken: await h.confirmationToken(), expectedTotal: quote.total });
    const error = (await stale.catch((e: unknown) => e)) as CartliftError;
    expect(error).toBeInstanceOf(CartliftError);
    expect([error.status, error.code, error.field]).toEqual([409, 'price_changed', 'expectedTotal']);
    expect(error.quote?.total).toBe(3600);
  });

  test('a dropped connection is retried with the same checkout id: one payment', async () => {
    const api = clientFor(true);
    const email = `${unique('wire')}@example.com`;
    const checkoutId = unique('co');
    const before = calls;
    const paid = await api.checkout({ ...cart(email), checkoutId, confirmationToken: await h.confirmationToken(), expectedTotal: 3100 });
    expect(paid.status).toBe('succeeded');
    expect(calls - before).toBe(2);
    expect(h.sandbox.paymentIntents().filter((pi) => pi.metadata.cartlift_checkout_id === checkoutId)).toHaveLength(1);
  });

  test('a declined card and an unknown attempt arrive as sentences naming the field', async () => {
    const api = clientFor();
    const email = `${unique('wire')}@example.com`;
    const declined = (await api
      .checkout({ ...cart(email), checkoutId: unique('co'), confirmationToken: await h.confirmationToken('pm_card_chargeDeclined'), expectedTotal: 3100 })
      .catch((e: unknown) => e)) as CartliftError;
    expect([declined.status, declined.code, declined.field]).toEqual([402, 'card_declined', 'confirmationToken']);
    const unknown = (await api.complete(unique('nope')).catch((e: unknown) => e)) as CartliftError;
    expect([unknown.status, unknown.code, unknown.field]).toEqual([404, 'unknown_checkout', 'checkoutId']);
    expect(unknown.message).toMatch(/names no payment attempt/);
  });
});
