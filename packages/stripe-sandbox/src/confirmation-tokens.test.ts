import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIRMATION_TOKEN_LIFETIME_SECONDS, createConfirmationToken, withConfirmationToken } from './confirmation-tokens.js';
import type { OperationContext } from './context.js';
import { encodeForm } from './form.js';
import type { StripeSandbox } from './server.js';
import { createState } from './state.js';
import { startSandboxWithClient } from '../test/support.js';

let sandbox: StripeSandbox;
let stripe: Stripe;

beforeAll(async () => ({ sandbox, stripe } = await startSandboxWithClient()));
afterAll(() => sandbox.close());

const SHIPPING = { name: 'Li Lei', address: { line1: '1 Nanjing Rd', city: 'Shanghai', postal_code: '200000', country: 'CN' } };

/** What Stripe.js does: POST /v1/confirmation_tokens with the publishable key as `key`. */
async function browserToken(params: Record<string, unknown>, key = sandbox.publishableKey) {
  const response = await fetch(`${sandbox.url}/v1/confirmation_tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: encodeForm({ ...params, key }),
  });
  return { status: response.status, body: await response.json() };
}

describe('ConfirmationToken objects', () => {
  it('the test helper creates a token previewing the test card, retrievable with the secret key', async () => {
    const token = await stripe.testHelpers.confirmationTokens.create({
      payment_method: 'pm_card_visa',
      return_url: 'https://shop.test/done',
      shipping: SHIPPING,
    });
    expect(token).toMatchObject({
      object: 'confirmation_token',
      livemode: false,
      mandate_data: null,
      payment_intent: null,
      setup_intent: null,
      setup_future_usage: null,
      return_url: 'https://shop.test/done',
      use_stripe_sdk: false,
      shipping: { name: 'Li Lei', address: { city: 'Shanghai' } },
      payment_method_preview: { type: 'card', card: { brand: 'visa', last4: '4242', funding: 'credit', country: 'US', wallet: null } },
    });
    expect(token.id).toMatch(/^ctoken_/);
    expect(token.expires_at).toBe(token.created + CONFIRMATION_TOKEN_LIFETIME_SECONDS);
    expect(await stripe.confirmationTokens.retrieve(token.id)).toMatchObject({ id: token.id, payment_intent: null });
    await expect(stripe.confirmationTokens.retrieve('ctoken_nope')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });

  it('Stripe.js creates tokens with a publishable key only (use_stripe_sdk: true); reading needs the secret key', async () => {
    const { status, body } = await browserToken({
      payment_method_data: { type: 'alipay', billing_details: { name: 'Han Meimei' } },
      return_url: 'https://shop.test/back',
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ use_stripe_sdk: true, payment_method_preview: { type: 'alipay', alipay: {}, billing_details: { name: 'Han Meimei' } } });
    expect((await browserToken({ payment_method_data: { type: 'card' } })).body.error).toMatchObject({
      param: 'payment_method_data[card]',
      code: 'parameter_missing',
    });
    expect((await browserToken({ return_url: 'https://shop.test/back' })).body.error).toMatchObject({ param: 'payment_method_data' });
    expect((await browserToken({ payment_method_data: { type: 'link' } }, sandbox.secretKey)).status).toBe(400);
    const read = await fetch(`${sandbox.url}/v1/confirmation_tokens/${body.id}?key=${sandbox.publishableKey}`);
    expect(read.status).toBe(401);
  });

  it('refuses a malformed return_url and unknown parameters', async () => {
    await expect(stripe.testHelpers.confirmationTokens.create({ payment_method: 'pm_card_visa', return_url: 'shop.test/done' })).rejects.toMatchObject({
      param: 'return_url',
      code: 'url_invalid',
    });
    await expect(stripe.testHelpers.confirmationTokens.create({} as never)).rejects.toMatchObject({ param: 'payment_method' });
    await expect(stripe.testHelpers.confirmationTokens.create({ payment_method: 'pm_card_visa', colour: 'red' } as never)).rejects.toMatchObject({
      code: 'parameter_unknown',
    });
  });
});

describe('PaymentIntents confirmed with confirmation_token (finalize payments on the server)', () => {
  it("create with confirm=true succeeds with the token's card and shipping; the token is then used up", async () => {
    const token = await stripe.testHelpers.confirmationTokens.create({ payment_method: 'pm_card_visa', shipping: SHIPPING, setup_future_usage: 'off_session' });
    const pi = await stripe.paymentIntents.create(
      {
        amount: 2599,
        currency: 'usd',
        confirm: true,
        confirmation_token: token.id,
        payment_method_types: ['card'],
        metadata: { checkout_id: 'chk_ct' },
      } as never,
      { idempotencyKey: 'chk_ct' },
    );
    expect(pi).toMatchObject({
      status: 'succeeded',
      amount_received: 2599,
      setup_future_usage: 'off_session',
      shipping: { name: 'Li Lei' },
      metadata: { checkout_id: 'chk_ct' },
    });
    expect(await stripe.paymentMethods.retrieve(pi.payment_method as string)).toMatchObject({ type: 'card', card: { last4: '4242' } });
    expect(await stripe.confirmationTokens.retrieve(token.id)).toMatchObject({ payment_intent: pi.id, expires_at: null });
    expect(sandbox.confirmationTokens().find((t) => t.id === token.id)?.payment_intent).toBe(pi.id);
    const before = sandbox.paymentIntents().length;
    const reused = await stripe.paymentIntents.create({ amount: 2599, currency: 'usd', confirm: true, confirmation_token: token.id }).catch((e: unknown) => e);
    expect(reused).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(reused).toMatchObject({ statusCode: 400, code: 'token_already_used', param: 'confirmation_token' });
    expect((reused as Error).message).toContain(pi.id);
    expect(sandbox.paymentIntents().length).toBe(before);
  });

  it("a declined token card gives Stripe's 402 card_error with the stored intent, and payment_failed", async () => {
    const token = await stripe.testHelpers.confirmationTokens.create({ payment_method: 'pm_card_chargeDeclined' });
    const error = await stripe.paymentIntents.create({ amount: 1500, currency: 'usd', confirm: true, confirmation_token: token.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'generic_decline' });
    const failed = (error as Stripe.errors.StripeCardError).payment_intent;
    expect(failed).toMatchObject({ status: 'requires_payment_method', last_payment_error: { code: 'card_declined' } });
    const stored = await stripe.paymentIntents.retrieve(failed?.id ?? '');
    expect(stored).toMatchObject({ status: 'requires_payment_method', last_payment_error: { decline_code: 'generic_decline' } });
    expect(sandbox.events().filter((e) => e.type === 'payment_intent.payment_failed' && (e.data.object as { id: string }).id === stored.id)).toHaveLength(1);
    expect((await stripe.confirmationTokens.retrieve(token.id)).payment_intent).toBe(stored.id);
    // The shopper retries with a new token on the same intent.
    const retry = await stripe.testHelpers.confirmationTokens.create({ payment_method: 'pm_card_visa' });
    expect((await stripe.paymentIntents.confirm(stored.id, { confirmation_token: retry.id })).status).toBe('succeeded');
  });

  it('3-D Secure: a Stripe.js token gives use_stripe_sdk; a test-helper token with return_url gives redirect_to_url', async () => {
    const { body } = await browserToken({
      payment_method_data: { type: 'card', card: { number: '4000002500003155', exp_month: '12', exp_year: '2040', cvc: '123' } },
      return_url: 'https://shop.test/r',
    });
    const sdk = await stripe.paymentIntents.create({ amount: 900, currency: 'gbp', confirm: true, confirmation_token: body.id });
    expect(sdk.status).toBe('requires_action');
    expect(sdk.next_action?.type).toBe('use_stripe_sdk');
    expect(sandbox.completeAction(sdk.id).status).toBe('succeeded');
    const token = await stripe.testHelpers.confirmationTokens.create({ payment_method: 'pm_card_authenticationRequired', return_url: 'https://shop.test/r' });
    const redirect = await stripe.paymentIntents.create({ amount: 900, currency: 'gbp', confirm: true, confirmation_token: token.id });
    expect(redirect.next_action?.redirect_to_url?.return_url).toBe('https://shop.test/r');
  });

  it('Alipay needs a return_url from the token or the request; a refused confirmation leaves the token unused', async () => {
    const bare = await stripe.testHelpers.confirmationTokens.create({ payment_method_data: { type: 'alipay' } });
    await expect(stripe.paymentIntents.create({ amount: 800, currency: 'cny', confirm: true, confirmation_token: bare.id })).rejects.toMatchObject({
      param: 'return_url',
    });
    expect((await stripe.confirmationTokens.retrieve(bare.id)).payment_intent).toBeNull();
    const viaRequest = await stripe.paymentIntents.create({
      amount: 800,
      currency: 'cny',
      confirm: true,
      confirmation_token: bare.id,
      return_url: 'https://shop.test/request',
    });
    expect(viaRequest.next_action?.alipay_handle_redirect?.return_url).toBe('https://shop.test/request');
    const withUrl = await stripe.testHelpers.confirmationTokens.create({ payment_method_data: { type: 'alipay' }, return_url: 'https://shop.test/token' });
    const viaToken = await stripe.paymentIntents.create({ amount: 800, currency: 'cny', confirm: true, confirmation_token: withUrl.id });
    expect(viaToken.next_action?.alipay_handle_redirect).toMatchObject({
      return_url: 'https://shop.test/token',
      url: expect.stringContaining(`/sandbox/authorize/${viaToken.id}?token=`),
    });
    const page = await fetch(viaToken.next_action?.alipay_handle_redirect?.url ?? '', {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ token: new URL(viaToken.next_action?.alipay_handle_redirect?.url ?? '').searchParams.get('token') ?? '', result: 'succeed' }),
    });
    const back = new URL(page.headers.get('location') ?? '');
    expect(`${back.origin}${back.pathname}`).toBe('https://shop.test/token');
    expect(Object.fromEntries(back.searchParams)).toEqual({
      payment_intent: viaToken.id,
      payment_intent_client_secret: viaToken.client_secret,
      redirect_status: 'succeeded',
    });
  });

  it('WeChat Pay through a token shows the QR code next action', async () => {
    const token = await stripe.testHelpers.confirmationTokens.create({ payment_method_data: { type: 'wechat_pay' } });
    const pi = await stripe.paymentIntents.create({
      amount: 800,
      currency: 'cny',
      confirm: true,
      confirmation_token: token.id,
      payment_method_types: ['wechat_pay'],
    } as never);
    expect(pi.next_action?.type).toBe('wechat_pay_display_qr_code');
  });

  it("values in the request take precedence over the token's, as Stripe documents", async () => {
    const token = await stripe.testHelpers.confirmationTokens.create({ payment_method: 'pm_card_chargeDeclined', return_url: 'https://shop.test/token' });
    const pi = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      confirm: true,
      confirmation_token: token.id,
      payment_method: 'pm_card_visa',
    });
    expect(pi.status).toBe('succeeded');
    expect(await stripe.paymentMethods.retrieve(pi.payment_method as string)).toMatchObject({ card: { last4: '4242' } });
  });

  it('refuses an unknown token, a token without confirm=true, and a method the intent does not allow', async () => {
    await expect(stripe.paymentIntents.create({ amount: 1000, currency: 'usd', confirm: true, confirmation_token: 'ctoken_nope' })).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      param: 'confirmation_token',
    });
    const token = await stripe.testHelpers.confirmationTokens.create({ payment_method_data: { type: 'alipay' }, return_url: 'https://shop.test/r' });
    await expect(stripe.paymentIntents.create({ amount: 1000, currency: 'usd', confirmation_token: token.id })).rejects.toMatchObject({
      statusCode: 400,
      param: 'confirmation_token',
    });
    await expect(
      stripe.paymentIntents.create({ amount: 1000, currency: 'usd', confirm: true, confirmation_token: token.id, payment_method_types: ['card'] } as never),
    ).rejects.toMatchObject({ code: 'payment_intent_incompatible_payment_method' });
    expect((await stripe.confirmationTokens.retrieve(token.id)).payment_intent).toBeNull();
  });
});

describe('expiry', () => {
  it('refuses a token 12 hours after it was created, naming the param and both times', () => {
    const state = createState();
    const ctx = (now: number): OperationContext => ({ state, now, baseUrl: 'http://sandbox.test', emit: () => undefined });
    const token = createConfirmationToken(ctx(1_800_000_000), { payment_method: 'pm_card_visa' }, 'test_helper');
    expect(withConfirmationToken(ctx(1_800_000_000 + CONFIRMATION_TOKEN_LIFETIME_SECONDS - 1), { confirmation_token: token.id }).params.payment_method).toMatch(
      /^pm_/,
    );
    expect(() => withConfirmationToken(ctx(1_800_000_000 + CONFIRMATION_TOKEN_LIFETIME_SECONDS), { confirmation_token: token.id })).toThrow(
      expect.objectContaining({
        status: 400,
        body: expect.objectContaining({ param: 'confirmation_token', message: expect.stringMatching(/expired at 1800043200 \(now 1800043200\)/) }),
      }),
    );
  });
});
