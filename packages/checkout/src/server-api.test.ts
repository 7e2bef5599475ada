import { describe, expect, it, vi } from 'vitest';
import { CartliftError } from '@cartlift/core';
import { createServerApi } from './server-api.js';

const quote = { currency: 'USD', subtotal: 2400, total: 2400, lines: [{ sku: 'TEA' }], applied: [], notApplied: [] };
const paid = { status: 'succeeded', paymentIntentId: 'pi_1', amount: 2400, currency: 'usd', order: null };
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A fetch that answers from a list, and remembers what it was asked. */
function scripted(...answers: (Response | Error)[]) {
  const asked: { url: string; body: unknown }[] = [];
  const fetcher = (async (url: string, init: RequestInit) => {
    asked.push({ url, body: init.body ? JSON.parse(String(init.body)) : undefined });
    const next = answers.shift();
    if (!next || next instanceof Error) throw next ?? new Error('no more answers');
    return next;
  }) as typeof fetch;
  return { fetcher, asked };
}

const checkoutBody = {
  checkoutId: 'chk_12345678',
  confirmationToken: 'ctoken_1',
  expectedTotal: 2400,
  lines: [{ sku: 'TEA', quantity: 1 }],
  contact: { email: 'li@example.com' },
};

describe("the browser's server client", () => {
  it("turns an error answer into a CartliftError with the server's code, field and sentence", async () => {
    const { fetcher } = scripted(json({ error: { code: 'invalid_request', message: 'lines.0.sku must be a SKU', field: 'lines.0.sku' } }, 400));
    const error = await createServerApi('/api', fetcher)
      .quote({ lines: [{ sku: ' TEA', quantity: 1 }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CartliftError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_request', field: 'lines.0.sku', message: 'lines.0.sku must be a SKU' });
  });

  it('says once on the console which server option lets this page in, when its origin is refused', async () => {
    const sentence = 'Requests from pages on "https://shop.example" are refused by this Cartlift server: add it to its allowedOrigins option.';
    const refusal = () => json({ error: { code: 'origin_not_allowed', message: sentence, field: 'origin' } }, 403);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const api = createServerApi('https://api.shop.example/api/cartlift', scripted(refusal(), refusal()).fetcher);
      await expect(api.config()).rejects.toMatchObject({ code: 'origin_not_allowed', status: 403 });
      await expect(api.quote({ lines: [{ sku: 'TEA', quantity: 1 }] })).rejects.toMatchObject({ code: 'origin_not_allowed' });
      expect(errors.mock.calls).toEqual([[`Cartlift: ${sentence}`]]);
    } finally {
      errors.mockRestore();
    }
  });

  it("carries a price_changed answer's new quote, for the shopper to confirm instead", async () => {
    const { fetcher } = scripted(json({ error: { code: 'price_changed', message: 'The total is now $30.00.' }, quote: { ...quote, total: 3000 } }, 409));
    const error = (await createServerApi('/api', fetcher)
      .checkout(checkoutBody)
      .catch((e: unknown) => e)) as CartliftError;
    expect([error.code, error.quote?.total]).toEqual(['price_changed', 3000]);
  });

  it('refuses an answer of the wrong shape instead of showing it', async () => {
    const { fetcher } = scripted(json({ total: 'free' }));
    await expect(createServerApi('/api', fetcher).quote({ lines: [] })).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('retries a payment the network lost with the same checkoutId, so it charges once', async () => {
    const { fetcher, asked } = scripted(new TypeError('Failed to fetch'), json(paid));
    expect(await createServerApi('/api', fetcher).checkout(checkoutBody)).toEqual(paid);
    expect(asked.map((request) => (request.body as { checkoutId: string }).checkoutId)).toEqual(['chk_12345678', 'chk_12345678']);
  });

  it('never retries a refusal (a decline is not asked again)', async () => {
    const { fetcher, asked } = scripted(json({ error: { code: 'card_declined', message: 'Your card was declined.' } }, 402), json(paid));
    await expect(createServerApi('/api', fetcher).checkout(checkoutBody)).rejects.toMatchObject({ code: 'card_declined' });
    expect(asked).toHaveLength(1);
  });

  it('fetches /config once, but asks again after a failure', async () => {
    const config = { publishableKey: 'pk_test', currency: 'USD', promotions: [], addOns: {}, shippingOptions: [], limits: { maxQuantity: 999, maxLines: 100 } };
    const { fetcher, asked } = scripted(new TypeError('offline'), json(config));
    const api = createServerApi('/api', fetcher);
    await expect(api.config()).rejects.toMatchObject({ code: 'network' });
    expect(await api.config()).toEqual(config);
    expect(await api.config()).toEqual(config);
    expect(asked.map((request) => request.url)).toEqual(['/api/config', '/api/config']);
  });
});
