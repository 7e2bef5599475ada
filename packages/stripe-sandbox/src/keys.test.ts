import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor } from '../test/support.js';
import { startStripeSandbox, type StripeSandbox } from './server.js';

const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('the sandbox accepts only its own secret key, and never from a browser', () => {
  let sandbox: StripeSandbox;
  let stripe: Stripe;
  beforeAll(async () => {
    sandbox = await startStripeSandbox();
    stripe = clientFor(sandbox);
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('refuses another sk_test_ key with Stripe’s 401 api_key_invalid', async () => {
    await expect(clientFor(sandbox, 'sk_test_someone_else_1234').paymentIntents.list()).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    const response = await fetch(`${sandbox.url}/v1/payment_intents`, { headers: { authorization: 'Bearer sk_test_someone_else_1234' } });
    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatchObject({
      type: 'invalid_request_error',
      code: 'api_key_invalid',
      message: expect.stringMatching(/^Invalid API Key provided: sk_test_\*+1234\./),
    });
    await expect(clientFor(sandbox, 'rk_test_restricted_1234').paymentIntents.list()).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it('takes the key it was started with and says so', async () => {
    const fixed = await startStripeSandbox({ secretKey: 'sk_test_fixed_for_e2e' });
    try {
      expect(fixed.secretKey).toBe('sk_test_fixed_for_e2e');
      expect((await clientFor(fixed).paymentIntents.list()).data).toEqual([]);
    } finally {
      await fixed.close();
    }
    await expect(startStripeSandbox({ secretKey: 'pk_test_nope' })).rejects.toThrow(
      /secretKey must be a test-mode secret key such as "sk_test_…"; received "pk_test_nope"/,
    );
  });

  it('refuses its own secret key from a browser (an Origin header), with no CORS headers to read the answer', async () => {
    await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', receipt_email: 'li.wei@example.com' });
    const response = await fetch(`${sandbox.url}/v1/payment_intents`, {
      headers: { authorization: `Bearer ${sandbox.secretKey}`, origin: 'https://evil.example' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const text = await response.text();
    expect(text).not.toContain('li.wei@example.com');
    expect(JSON.parse(text).error).toMatchObject({ type: 'invalid_request_error', code: 'secret_key_in_browser' });
    // The key as a form parameter (no preflight) is refused the same way.
    const asParam = await fetch(`${sandbox.url}/v1/payment_intents?key=${sandbox.secretKey}`, { headers: { origin: 'https://evil.example' } });
    expect(asParam.status).toBe(403);
  });

  it('a server call with the secret key carries no CORS headers', async () => {
    const response = await fetch(`${sandbox.url}/v1/payment_intents`, { headers: { authorization: `Bearer ${sandbox.secretKey}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('publishable-key calls (what Stripe.js makes) get CORS for the calling origin', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const read = await fetch(`${sandbox.url}/v1/payment_intents/${pi.id}?key=${sandbox.publishableKey}&client_secret=${pi.client_secret}`, {
      headers: { origin: 'https://shop.example' },
    });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(read.headers.get('vary')).toMatch(/Origin/);
    // A preflight never offers Authorization, so a page cannot send a key in that header.
    const preflight = await fetch(`${sandbox.url}/v1/payment_intents`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.headers.get('access-control-allow-headers') ?? '').not.toMatch(/authorization/i);
  });

  it('a page cannot list, change or cancel other shoppers’ intents with any key it can make up', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const evil = { origin: 'https://evil.example', ...form };
    for (const key of ['sk_test_made_up', sandbox.publishableKey]) {
      const list = await fetch(`${sandbox.url}/v1/payment_intents?key=${key}`, { headers: { origin: 'https://evil.example' } });
      expect(list.status).not.toBe(200);
      const cancel = await fetch(`${sandbox.url}/v1/payment_intents/${pi.id}/cancel`, { method: 'POST', headers: evil, body: `key=${key}` });
      expect(cancel.status).not.toBe(200);
      const change = await fetch(`${sandbox.url}/v1/payment_intents/${pi.id}`, { method: 'POST', headers: evil, body: `key=${key}&amount=1` });
      expect(change.status).not.toBe(200);
    }
    expect((await stripe.paymentIntents.retrieve(pi.id)).amount).toBe(1000);
  });
});
