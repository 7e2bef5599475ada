import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeSandbox } from './server.js';
import { clientFor, startSandboxWithClient } from '../test/support.js';

let sandbox: StripeSandbox;
let stripe: Stripe;

beforeAll(async () => ({ sandbox, stripe } = await startSandboxWithClient()));
afterAll(() => sandbox.close());

describe('PaymentIntents through the real stripe client', () => {
  it('creates with automatic payment methods, form-encoded metadata and lowercase currency', async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 2599,
      currency: 'USD',
      automatic_payment_methods: { enabled: true },
      metadata: { checkout_id: 'chk_1', note: '首单立减' },
    });
    expect(pi.id).toMatch(/^pi_/);
    expect(pi.object).toBe('payment_intent');
    expect(pi.status).toBe('requires_payment_method');
    expect(pi.currency).toBe('usd');
    expect(pi.amount).toBe(2599);
    expect(pi.metadata).toEqual({ checkout_id: 'chk_1', note: '首单立减' });
    expect(pi.client_secret).toMatch(new RegExp(`^${pi.id}_secret_`));
    expect(pi.payment_method_types).toEqual(['card', 'alipay', 'wechat_pay', 'link']);
    expect(pi.lastResponse.headers['request-id']).toMatch(/^req_/);
  });

  it('keeps the compatible allowed_payment_method_types and drops excluded ones (current API)', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 10000, currency: 'inr', allowed_payment_method_types: ['card', 'alipay', 'wechat_pay', 'paypal'] });
    expect(pi.allowed_payment_method_types).toEqual(['card', 'alipay', 'wechat_pay', 'paypal']);
    expect(pi.payment_method_types).toEqual(['card']);
    const excluded = await stripe.paymentIntents.create({ amount: 1000, currency: 'cny', excluded_payment_method_types: ['link'] });
    expect(excluded.payment_method_types).toEqual(['card', 'alipay', 'wechat_pay']);
    const moved = await stripe.paymentIntents.update(excluded.id, { currency: 'inr', amount: 10000 });
    expect(moved.payment_method_types).toEqual(['card']);
    await expect(stripe.paymentIntents.create({ amount: 10000, currency: 'inr', allowed_payment_method_types: ['alipay'] })).rejects.toMatchObject({
      param: 'allowed_payment_method_types',
    });
  });

  it('honours legacy payment_method_types strictly and rejects a method the currency does not allow', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'cny', payment_method_types: ['card', 'alipay', 'wechat_pay'] } as never);
    expect(pi.payment_method_types).toEqual(['card', 'alipay', 'wechat_pay']);
    expect(pi.automatic_payment_methods).toBeNull();
    const moved = await stripe.paymentIntents.update(pi.id, { currency: 'usd', amount: 500 });
    expect(moved.payment_method_types).toEqual(['card', 'alipay', 'wechat_pay']);
    await expect(stripe.paymentIntents.update(pi.id, { currency: 'inr', amount: 10000 })).rejects.toMatchObject({ param: 'currency' });
    expect((await stripe.paymentIntents.retrieve(pi.id)).currency).toBe('usd');
    await expect(stripe.paymentIntents.create({ amount: 10000, currency: 'inr', payment_method_types: ['alipay'] } as never)).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      param: 'payment_method_types',
    });
  });

  it('confirms a 4242 card to succeeded and emits payment_intent.succeeded', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1500, currency: 'eur', metadata: { checkout_id: 'chk_ok' } });
    const confirmed = await stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa', return_url: 'https://shop.test/done' });
    expect(confirmed.status).toBe('succeeded');
    expect(confirmed.amount_received).toBe(1500);
    expect(confirmed.latest_charge).toMatch(/^ch_/);
    const method = await stripe.paymentMethods.retrieve(confirmed.payment_method as string);
    expect(method).toMatchObject({ type: 'card', card: { brand: 'visa', last4: '4242' } });
    const events = await stripe.events.list({ type: 'payment_intent.succeeded' });
    expect(events.data.some((e) => (e.data.object as Stripe.PaymentIntent).id === pi.id)).toBe(true);
  });

  it('declines 4000000000000002 with a card error, last_payment_error and payment_failed', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1500, currency: 'usd' });
    const error = await stripe.paymentIntents
      .confirm(pi.id, { payment_method_data: { type: 'card', card: { number: '4000000000000002', exp_month: 12, exp_year: 2040, cvc: '123' } } as never })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({ code: 'card_declined', decline_code: 'generic_decline', statusCode: 402 });
    expect((error as Stripe.errors.StripeCardError).payment_intent?.id).toBe(pi.id);
    const after = await stripe.paymentIntents.retrieve(pi.id);
    expect(after.status).toBe('requires_payment_method');
    expect(after.last_payment_error).toMatchObject({ code: 'card_declined', decline_code: 'generic_decline' });
    const failed = await stripe.events.list({ type: 'payment_intent.payment_failed' });
    expect(failed.data.map((e) => (e.data.object as Stripe.PaymentIntent).id)).toContain(pi.id);
  });

  it('create with confirm=true runs the whole flow in one call', async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 5000,
      currency: 'jpy',
      payment_method: 'pm_card_mastercard',
      confirm: true,
      allowed_payment_method_types: ['card'],
    });
    expect(pi.status).toBe('succeeded');
  });

  it('3-D Secure card waits in requires_action until the test action is completed', async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 900,
      currency: 'gbp',
      payment_method: 'pm_card_authenticationRequired',
      confirm: true,
      return_url: 'https://shop.test/r',
    });
    expect(pi.status).toBe('requires_action');
    expect(pi.next_action?.type).toBe('redirect_to_url');
    expect(sandbox.completeAction(pi.id, 'fail').status).toBe('requires_payment_method');
    const again = await stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_threeDSecure2Required' });
    expect(again.next_action?.type).toBe('use_stripe_sdk');
    expect(sandbox.completeAction(pi.id).status).toBe('succeeded');
  });

  it('alipay needs a return_url and redirects; wechat_pay shows a QR code', async () => {
    const ali = await stripe.paymentIntents.create({ amount: 800, currency: 'cny', allowed_payment_method_types: ['alipay'] });
    await expect(stripe.paymentIntents.confirm(ali.id, { payment_method_data: { type: 'alipay' } })).rejects.toMatchObject({ param: 'return_url' });
    const waiting = await stripe.paymentIntents.confirm(ali.id, { payment_method_data: { type: 'alipay' }, return_url: 'https://shop.test/back' });
    expect(waiting.status).toBe('requires_action');
    expect(waiting.next_action?.alipay_handle_redirect?.url).toContain(`${sandbox.url}/sandbox/authorize/${ali.id}?token=`);
    const wx = await stripe.paymentIntents.create({
      amount: 800,
      currency: 'cny',
      allowed_payment_method_types: ['wechat_pay'],
      payment_method_data: { type: 'wechat_pay' },
      confirm: true,
    });
    expect(wx.next_action?.type).toBe('wechat_pay_display_qr_code');
    expect(wx.next_action?.wechat_pay_display_qr_code?.image_data_url).toMatch(/^data:image\/svg\+xml;base64,/);
    sandbox.completeAction(wx.id);
    const recorded = sandbox.paymentIntents().find((p) => p.id === wx.id);
    expect(recorded?.status).toBe('succeeded');
    expect((recorded!.payment_method as { type: string }).type).toBe('wechat_pay');
  });

  it('a refused request changes nothing: no intent, no event', async () => {
    const before = { intents: sandbox.paymentIntents().length, events: sandbox.events().length };
    await expect(
      stripe.paymentIntents.create({
        amount: 800,
        currency: 'cny',
        allowed_payment_method_types: ['alipay'],
        payment_method_data: { type: 'alipay' },
        confirm: true,
      }),
    ).rejects.toMatchObject({ param: 'return_url' });
    const pi = await stripe.paymentIntents.create({ amount: 800, currency: 'usd', metadata: { a: '1' } });
    await expect(stripe.paymentIntents.update(pi.id, { amount: 900, metadata: { ['k'.repeat(41)]: 'x' } })).rejects.toMatchObject({ statusCode: 400 });
    expect((await stripe.paymentIntents.retrieve(pi.id)).amount).toBe(800);
    expect(sandbox.paymentIntents().length).toBe(before.intents + 1);
    expect(sandbox.events().length).toBe(before.events + 1);
  });

  it('updates amount, metadata and customer while open, and refuses after success', async () => {
    const customer = await stripe.customers.create({ email: 'li@example.cn' });
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', metadata: { a: '1', b: '2' } });
    const updated = await stripe.paymentIntents.update(pi.id, { amount: 1200, metadata: { b: '', c: '3' }, customer: customer.id });
    expect(updated).toMatchObject({ amount: 1200, metadata: { a: '1', c: '3' }, customer: customer.id });
    const expanded = await stripe.paymentIntents.retrieve(pi.id, { expand: ['customer'] });
    expect((expanded.customer as Stripe.Customer).email).toBe('li@example.cn');
    await stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' });
    await expect(stripe.paymentIntents.update(pi.id, { amount: 1300 })).rejects.toMatchObject({ code: 'payment_intent_unexpected_state', statusCode: 400 });
    await expect(stripe.paymentIntents.cancel(pi.id)).rejects.toMatchObject({ code: 'payment_intent_unexpected_state' });
  });

  it('cancels with a reason and emits payment_intent.canceled', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const canceled = await stripe.paymentIntents.cancel(pi.id, { cancellation_reason: 'abandoned' });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    expect(canceled.canceled_at).toBeTypeOf('number');
    await expect(stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' })).rejects.toMatchObject({ code: 'payment_intent_unexpected_state' });
    expect(sandbox.events().some((e) => e.type === 'payment_intent.canceled' && (e.data.object as { id: string }).id === pi.id)).toBe(true);
  });

  it('lists newest first with pagination, customer filter and auto-pagination', async () => {
    const customer = await stripe.customers.create({ email: 'list@example.com' });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await stripe.paymentIntents.create({ amount: 100 + i, currency: 'usd', customer: customer.id })).id);
    const first = await stripe.paymentIntents.list({ customer: customer.id, limit: 2 });
    expect(first.data.map((p) => p.id)).toEqual([ids[4], ids[3]]);
    expect(first.has_more).toBe(true);
    const all: string[] = [];
    for await (const pi of stripe.paymentIntents.list({ customer: customer.id, limit: 2 })) all.push(pi.id);
    expect(all).toEqual([...ids].reverse());
    const before = await stripe.paymentIntents.list({ customer: customer.id, ending_before: ids[2], limit: 10 });
    expect(before.data.map((p) => p.id)).toEqual([ids[4], ids[3]]);
  });

  it('searches intents by metadata like Stripe search', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 700, currency: 'usd', metadata: { checkout_id: 'chk_search' } });
    const found = await stripe.paymentIntents.search({ query: "metadata['checkout_id']:'chk_search'" });
    expect(found.data.map((p) => p.id)).toEqual([pi.id]);
  });
});

describe('validation and errors', () => {
  it.each([
    [{ amount: 12.5, currency: 'usd' }, 'amount', 'parameter_invalid_integer'],
    [{ amount: 49, currency: 'usd' }, 'amount', 'amount_too_small'],
    [{ amount: 100_000_000, currency: 'usd' }, 'amount', 'amount_too_large'],
    [{ amount: 1000, currency: 'xyz' }, 'currency', undefined],
    [{ currency: 'usd' }, 'amount', 'parameter_missing'],
    [{ amount: 1000, currency: 'usd', colour: 'red' }, 'colour', 'parameter_unknown'],
    [{ amount: 1005, currency: 'kwd' }, 'amount', 'invalid_amount'],
  ])('rejects %j with param %s', async (params, param, code) => {
    const error = await stripe.paymentIntents.create(params as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 400, param, ...(code ? { code } : {}) });
    expect((error as Error).message.length).toBeGreaterThan(10);
  });

  it('answers 404 resource_missing for unknown ids and unknown URLs', async () => {
    await expect(stripe.paymentIntents.retrieve('pi_nope')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
    const response = await fetch(`${sandbox.url}/v1/charges`, { headers: { authorization: `Bearer ${sandbox.secretKey}` } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
  });

  it('requires a test secret key: missing, malformed and live keys get 401', async () => {
    const missing = await fetch(`${sandbox.url}/v1/payment_intents`);
    expect(missing.status).toBe(401);
    expect((await missing.json()).error.message).toMatch(/did not provide an API key/);
    for (const key of ['sk_live_abc123', 'nonsense']) {
      const bad = clientFor(sandbox, key);
      await expect(bad.paymentIntents.list()).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    }
  });

  it('lets a publishable key only read and confirm an intent with its client secret', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', metadata: { secret_note: 'server only' } });
    const pk = (path: string, init?: RequestInit) => fetch(`${sandbox.url}${path}`, init);
    const read = await pk(`/v1/payment_intents/${pi.id}?key=${sandbox.publishableKey}&client_secret=${pi.client_secret}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe('*');
    const body = await read.json();
    expect(body).toMatchObject({ id: pi.id, status: 'requires_payment_method' });
    expect(body.metadata).toBeUndefined();
    const wrong = await pk(`/v1/payment_intents/${pi.id}?key=${sandbox.publishableKey}&client_secret=${pi.id}_secret_wrong`);
    expect(wrong.status).toBe(400);
    const list = await pk(`/v1/payment_intents?key=${sandbox.publishableKey}`);
    expect(list.status).toBe(401);
    const confirm = await pk(`/v1/payment_intents/${pi.id}/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `key=${sandbox.publishableKey}&client_secret=${pi.client_secret}&payment_method_data[type]=card&payment_method_data[card][number]=4242424242424242&payment_method_data[card][exp_month]=12&payment_method_data[card][exp_year]=40&payment_method_data[card][cvc]=123`,
    });
    expect(confirm.status).toBe(200);
    expect((await confirm.json()).status).toBe('succeeded');
  });
});
