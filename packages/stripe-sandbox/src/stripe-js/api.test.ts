import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeSandbox } from '../server.js';
import { startSandboxWithClient } from '../../test/support.js';
import { createApiClient } from './api.js';
import { confirmPayment } from './confirm.js';
import { createElements } from './elements.js';

let sandbox: StripeSandbox;
let stripe: Stripe;

beforeAll(async () => ({ sandbox, stripe } = await startSandboxWithClient()));
afterAll(() => sandbox.close());

/** An Elements group whose Payment Element port reports the given tab and card fields (the DOM part is covered by the e2e test). */
function elementsWith(clientSecret: string | undefined, type: string, card = { number: '', expiry: '', cvc: '' }, mode?: 'payment') {
  const api = createApiClient(sandbox.url, sandbox.publishableKey);
  const elements = createElements(api, mode ? { mode, amount: 1000, currency: 'cny' } : { clientSecret });
  const errors: string[] = [];
  elements._group.payment = { selectedType: () => type, card: () => card, showError: (m) => void errors.push(m), refresh: () => undefined };
  return { api, elements, errors };
}

describe('browser API client and confirmPayment against the sandbox (Node fetch)', () => {
  it('retrieves with the publishable key and client secret', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const api = createApiClient(sandbox.url, sandbox.publishableKey);
    const { intent } = await api.retrieve(pi.client_secret ?? '');
    expect(intent).toMatchObject({ id: pi.id, status: 'requires_payment_method', amount: 1000 });
    const bad = await api.retrieve('nonsense');
    expect(bad.error?.message).toMatch(/client secret/);
  });

  it('confirms a card with redirect "if_required" and resolves with the intent', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const { api, elements } = elementsWith(pi.client_secret ?? '', 'card', { number: '4242 4242 4242 4242', expiry: '12 / 40', cvc: '123' });
    const result = await confirmPayment(
      { api, navigate: () => undefined },
      { elements, confirmParams: { return_url: 'https://shop.test/done' }, redirect: 'if_required' },
    );
    expect(result.paymentIntent?.status).toBe('succeeded');
    expect(sandbox.paymentIntents().find((p) => p.id === pi.id)?.payment_method).toMatchObject({ type: 'card', card: { last4: '4242' } });
  });

  it('returns the decline as { error } and shows it in the element', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const { api, elements, errors } = elementsWith(pi.client_secret ?? '', 'card', { number: '4000 0000 0000 0002', expiry: '12 / 40', cvc: '123' });
    const result = await confirmPayment(
      { api, navigate: () => undefined },
      { elements, confirmParams: { return_url: 'https://shop.test/done' }, redirect: 'if_required' },
    );
    expect(result.error).toMatchObject({ type: 'card_error', code: 'card_declined', decline_code: 'generic_decline' });
    expect(errors).toContain('Your card was declined.');
  });

  it('validates card fields before calling the API', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const { api, elements } = elementsWith(pi.client_secret ?? '', 'card', { number: '4242', expiry: '', cvc: '' });
    const result = await confirmPayment(
      { api, navigate: () => undefined },
      { elements, confirmParams: { return_url: 'https://shop.test/done' }, redirect: 'if_required' },
    );
    expect(result.error).toMatchObject({ type: 'validation_error', code: 'incomplete_number' });
    expect(sandbox.paymentIntents().find((p) => p.id === pi.id)?.status).toBe('requires_payment_method');
  });

  it('redirects to the return URL after success when redirect is "always"', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const { api, elements } = elementsWith(pi.client_secret ?? '', 'card', { number: '4242424242424242', expiry: '12/40', cvc: '123' });
    const navigated = new Promise<string>(
      (resolve) => void confirmPayment({ api, navigate: resolve }, { elements, confirmParams: { return_url: 'https://shop.test/done' } }),
    );
    const url = new URL(await navigated);
    expect(url.origin + url.pathname).toBe('https://shop.test/done');
    expect(url.searchParams.get('redirect_status')).toBe('succeeded');
    expect(url.searchParams.get('payment_intent')).toBe(pi.id);
  });

  it('Alipay: sends the shopper to the authorize page, which redirects back like Stripe', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'cny' });
    const { api, elements } = elementsWith(pi.client_secret ?? '', 'alipay');
    const navigated = new Promise<string>(
      (resolve) =>
        void confirmPayment({ api, navigate: resolve }, { elements, confirmParams: { return_url: 'https://shop.test/back' }, redirect: 'if_required' }),
    );
    const authorizeUrl = await navigated;
    expect(authorizeUrl).toMatch(new RegExp(`^${sandbox.url}/sandbox/authorize/${pi.id}\\?token=`));
    const page = await fetch(authorizeUrl);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('Test mode — no real payment / 测试模式 — 不会真实扣款');
    expect(html).toContain('CN¥10.00');
    const token = new URL(authorizeUrl).searchParams.get('token') ?? '';
    const back = await fetch(`${sandbox.url}/sandbox/authorize/${pi.id}`, {
      method: 'POST',
      body: new URLSearchParams({ token, result: 'succeed' }),
      redirect: 'manual',
    });
    expect(back.status).toBe(303);
    const location = new URL(back.headers.get('location') ?? '');
    expect(Object.fromEntries(location.searchParams)).toEqual({
      payment_intent: pi.id,
      payment_intent_client_secret: pi.client_secret,
      redirect_status: 'succeeded',
    });
    const after = sandbox.paymentIntents().find((p) => p.id === pi.id);
    expect(after?.status).toBe('succeeded');
    expect((after!.payment_method as { type: string }).type).toBe('alipay');
    const replay = await fetch(`${sandbox.url}/sandbox/authorize/${pi.id}`, {
      method: 'POST',
      body: new URLSearchParams({ token, result: 'succeed' }),
      redirect: 'manual',
    });
    expect(replay.status).toBe(400);
  });

  it('deferred mode: requires elements.submit() and a clientSecret, as Stripe does', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'cny' });
    const { api, elements } = elementsWith(undefined, 'card', { number: '4242424242424242', expiry: '12/40', cvc: '123' }, 'payment');
    const deps = { api, navigate: () => undefined };
    expect((await confirmPayment(deps, { elements, confirmParams: { return_url: 'https://shop.test/' }, redirect: 'if_required' })).error?.message).toMatch(
      /clientSecret/,
    );
    const early = await confirmPayment(deps, {
      elements,
      clientSecret: pi.client_secret ?? '',
      confirmParams: { return_url: 'https://shop.test/' },
      redirect: 'if_required',
    });
    expect(early.error?.message).toMatch(/elements\.submit\(\)/);
    expect(await elements.submit()).toEqual({ selectedPaymentMethod: 'card' });
    const done = await confirmPayment(deps, {
      elements,
      clientSecret: pi.client_secret ?? '',
      confirmParams: { return_url: 'https://shop.test/' },
      redirect: 'if_required',
    });
    expect(done.paymentIntent?.status).toBe('succeeded');
  });

  it('explains bad Elements options in sentences', () => {
    const api = createApiClient(sandbox.url, sandbox.publishableKey);
    expect(() => createElements(api, { clientSecret: 'nope' })).toThrow(/expected a PaymentIntent client secret/);
    expect(() => createElements(api, { mode: 'payment', amount: 10.5, currency: 'usd' })).toThrow(/expected an integer amount/);
  });
});
