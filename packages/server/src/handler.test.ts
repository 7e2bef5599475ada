import { describe, expect, test } from 'vitest';
import { startHarness, storeVariants, unique, useHarness } from '../test/harness.js';

describe.each(storeVariants())('routes, config and bad input on $name', ({ open }) => {
  const h = useHarness(open, { rateLimit: { perIp: 3, perEmail: 2, windowMs: 60_000 } });

  test('GET /config shares public facts only, with an ETag', async () => {
    const res = await h.call('GET', '/config');
    expect(res.status).toBe(200);
    expect(res.body.publishableKey).toMatch(/^pk_test_/);
    expect(res.body.currency).toBe('USD');
    expect(res.body.promotions.map((p: { id: string }) => p.id)).toEqual(['first-order']);
    expect(res.body.addOns['POT-YIXING'][0].sku).toBe('ADDON-WARRANTY-1Y');
    const text = JSON.stringify(res.body);
    for (const secret of ['WELCOME10', 'LIMITED', 'sk_test', 'whsec_']) expect(text).not.toContain(secret);
    const etag = res.headers.get('etag')!;
    const again = await h.call('GET', '/config', undefined, { 'if-none-match': etag });
    expect(again.status).toBe(304);
  });

  test('POST /quote re-prices from the catalog and applies coupon codes', async () => {
    const res = await h.call('POST', '/quote', {
      lines: [
        { sku: 'TEA-LJ-100', quantity: 1, unitPrice: 1 },
        { sku: 'POT-YIXING', quantity: 1 },
        { sku: 'ADDON-WARRANTY-1Y', quantity: 1 },
      ],
      codes: ['WELCOME10'],
    });
    expect(res.status).toBe(200);
    expect(res.body.subtotal).toBe(2400 + 8900 + 900);
    expect(res.body.applied.map((a: { promotionId: string }) => a.promotionId).sort()).toEqual(['first-order', 'welcome10']);
  });

  test.each([
    ['malformed JSON', '{"lines": [', {}, 400, 'invalid_json', 'body'],
    ['an empty body', '', {}, 400, 'invalid_json', 'body'],
    ['a JSON array', '[]', {}, 400, 'invalid_request', 'body'],
    ['no lines', { lines: [] }, {}, 400, 'invalid_request', 'lines'],
    ['quantity 0', { lines: [{ sku: 'TEA-LJ-100', quantity: 0 }] }, {}, 400, 'invalid_request', 'lines[0].quantity'],
    ['a negative quantity', { lines: [{ sku: 'TEA-LJ-100', quantity: -2 }] }, {}, 400, 'invalid_request', 'lines[0].quantity'],
    ['a fractional quantity', { lines: [{ sku: 'TEA-LJ-100', quantity: 1.5 }] }, {}, 400, 'invalid_request', 'lines[0].quantity'],
    ['a huge quantity', { lines: [{ sku: 'TEA-LJ-100', quantity: 1e9 }] }, {}, 400, 'invalid_request', 'lines[0].quantity'],
    ['a string quantity', { lines: [{ sku: 'TEA-LJ-100', quantity: '2' }] }, {}, 400, 'invalid_request', 'lines[0].quantity'],
    ['an unknown sku', { lines: [{ sku: 'NOPE', quantity: 1 }] }, {}, 400, 'unknown_sku', 'lines[0].sku'],
    ['an add-on without its product', { lines: [{ sku: 'ADDON-WARRANTY-1Y', quantity: 1 }] }, {}, 400, 'unknown_sku', 'lines[0].sku'],
    ['another currency', { lines: [{ sku: 'TEA-LJ-100', quantity: 1 }], currency: 'EUR' }, {}, 400, 'unsupported_currency', 'currency'],
    ['a bad email', { lines: [{ sku: 'TEA-LJ-100', quantity: 1 }], contact: { email: 'nope' } }, {}, 400, 'invalid_request', 'contact.email'],
    ['a form content type', 'lines=1', { 'content-type': 'application/x-www-form-urlencoded' }, 415, 'unsupported_media_type', 'content-type'],
    [
      'text/plain (a preflight-free cross-site post)',
      '{"lines":[{"sku":"TEA-LJ-100","quantity":1}]}',
      { 'content-type': 'text/plain' },
      415,
      'unsupported_media_type',
      'content-type',
    ],
    ['a body over the limit', JSON.stringify({ lines: [{ sku: 'x'.repeat(70_000), quantity: 1 }] }), {}, 413, 'body_too_large', 'body'],
  ])('POST /quote with %s answers %i', async (_name, body, headers, status, code, field) => {
    const res = await h.call('POST', '/quote', body, headers as Record<string, string>);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toMatch(/\.$/);
  });

  test('error messages name the field, what was expected and what was received', async () => {
    const res = await h.call('POST', '/quote', { lines: [{ sku: 'TEA-LJ-100', quantity: 0 }] });
    expect(res.body.error.message).toBe('lines[0].quantity must be a whole number from 1 to 999; received 0.');
  });

  test('a streamed body is cut off at the limit without reading it all', async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 1000) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await h.handler(
      new Request('http://cartlift.test/api/cartlift/quote', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(10);
  });

  test('unknown routes are 404 and wrong methods 405 with Allow', async () => {
    const missing = await h.call('GET', '/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    const wrong = await h.call('GET', '/quote');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST, OPTIONS');
  });

  test('unknown coupon codes are rate-limited per client IP with 429 and Retry-After', async () => {
    const ip = '198.51.100.9';
    const guess = (code: string) => h.call('POST', '/quote', { lines: [{ sku: 'TEA-LJ-100', quantity: 1 }], codes: [code] }, { 'x-test-ip': ip });
    for (const code of ['GUESS1', 'GUESS2', 'GUESS3']) expect((await guess(code)).status).toBe(200);
    const limited = await guess('GUESS4');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Carts without codes are never limited.
    expect((await h.call('POST', '/quote', { lines: [{ sku: 'TEA-LJ-100', quantity: 1 }] }, { 'x-test-ip': ip })).status).toBe(200);
  });

  test('unknown coupon codes are rate-limited per customer email across IPs', async () => {
    const email = `${unique('guesser')}@example.com`;
    const guess = (code: string, ip: string) =>
      h.call('POST', '/quote', { lines: [{ sku: 'TEA-LJ-100', quantity: 1 }], codes: [code], contact: { email } }, { 'x-test-ip': ip });
    expect((await guess('A1', '192.0.2.1')).status).toBe(200);
    expect((await guess('A2', '192.0.2.2')).status).toBe(200);
    expect((await guess('A3', '192.0.2.3')).status).toBe(429);
  });

  test('an unexpected failure is a generic 500 without details', async () => {
    const broken = await startHarness(h.store, {
      catalog: {
        getProducts: () => {
          throw new Error('db password is hunter2');
        },
      },
      logger: { error: () => {} },
    });
    try {
      const res = await broken.call('POST', '/quote', { lines: [{ sku: 'TEA-LJ-100', quantity: 1 }] });
      expect(res.status).toBe(500);
      expect(JSON.stringify(res.body)).not.toContain('hunter2');
      expect(res.body.error.code).toBe('internal_error');
    } finally {
      await broken.close();
    }
  });
});
