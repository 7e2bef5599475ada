import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripeSandbox, type StripeSandbox } from './server.js';

let sandbox: StripeSandbox;

beforeAll(async () => {
  sandbox = await startStripeSandbox();
});
afterAll(() => sandbox.close());

describe('sandbox server', () => {
  it('serves the Stripe.js look-alike at /v3/ and /stripe.js as a classic script', async () => {
    for (const path of ['/v3/', '/v3', '/stripe.js']) {
      const response = await fetch(`${sandbox.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      const js = await response.text();
      expect(js).toContain('endive');
      expect(js).not.toMatch(/^\s*(import|export)\s/m);
    }
    expect(sandbox.stripeJsUrl).toBe(`${sandbox.url}/v3/`);
  });

  it('answers CORS preflights for the browser API calls', async () => {
    const response = await fetch(`${sandbox.url}/v1/payment_intents/pi_1/confirm`, {
      method: 'OPTIONS',
      headers: { origin: 'http://shop.test', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://shop.test');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Content-Type/);
  });

  it('shows "nothing to authorize" for an unknown action token, without a stack trace', async () => {
    const response = await fetch(`${sandbox.url}/sandbox/authorize/pi_unknown?token=act_x`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Nothing to authorize');
  });

  it('refuses oversized bodies with a Stripe-style 413', async () => {
    const response = await fetch(`${sandbox.url}/v1/customers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.secretKey}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: `description=${'x'.repeat(1_100_000)}`,
    });
    expect(response.status).toBe(413);
    expect((await response.json()).error.type).toBe('invalid_request_error');
  });

  it('rejects malformed form keys with a 400, not a crash', async () => {
    const response = await fetch(`${sandbox.url}/v1/customers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.secretKey}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'metadata[__proto__][x]=1',
    });
    expect(response.status).toBe(400);
  });
});
