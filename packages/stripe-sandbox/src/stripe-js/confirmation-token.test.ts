import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeSandbox } from '../server.js';
import { startSandboxWithClient } from '../../test/support.js';
import { createApiClient } from './api.js';
import { createConfirmationToken } from './confirmation-token.js';
import { createElements } from './elements.js';
import type { GroupOptions } from './group.js';
import { handleNextAction } from './stripe.js';

let sandbox: StripeSandbox;
let stripe: Stripe;

beforeAll(async () => ({ sandbox, stripe } = await startSandboxWithClient()));
afterAll(() => sandbox.close());

const CARD_4242 = { number: '4242 4242 4242 4242', expiry: '12 / 40', cvc: '123' };

/** A mode-based Elements group whose Payment Element port reports the given tab and card (the DOM part is covered by the e2e test). */
function deferredElements(type: string, card = CARD_4242, options: GroupOptions = { mode: 'payment', amount: 1000, currency: 'usd' }) {
  const api = createApiClient(sandbox.url, sandbox.publishableKey);
  const elements = createElements(api, options);
  const errors: string[] = [];
  elements._group.payment = { selectedType: () => type, card: () => card, showError: (m) => void errors.push(m), refresh: () => undefined };
  return { api, elements, errors };
}

/** What the shop's server does with the token id: create and confirm in one call with the real client. */
function confirmOnServer(token: string, extra: Partial<Stripe.PaymentIntentCreateParams> = {}) {
  return stripe.paymentIntents.create({ amount: 1000, currency: 'usd', confirm: true, confirmation_token: token, ...extra });
}

describe('stripe.createConfirmationToken with mode-based Elements (no client secret)', () => {
  it('needs elements.submit() first, then creates a token the server confirms with the real client', async () => {
    const { api, elements } = deferredElements('card');
    const early = await createConfirmationToken(api, { elements });
    expect(early.error).toMatchObject({ type: 'invalid_request_error', code: 'integration_error', message: expect.stringMatching(/elements\.submit\(\)/) });
    expect(await elements.submit()).toEqual({ selectedPaymentMethod: 'card' });
    const { confirmationToken, error } = await createConfirmationToken(api, {
      elements,
      params: {
        return_url: 'https://shop.test/done',
        shipping: { name: 'Li Lei', address: { country: 'CN' } },
        payment_method_data: { billing_details: { email: 'li@example.cn' } },
      },
    });
    expect(error).toBeUndefined();
    expect(confirmationToken).toMatchObject({
      object: 'confirmation_token',
      use_stripe_sdk: true,
      return_url: 'https://shop.test/done',
      shipping: { name: 'Li Lei' },
      payment_method_preview: { type: 'card', card: { last4: '4242', brand: 'visa' }, billing_details: { email: 'li@example.cn' } },
    });
    const pi = await confirmOnServer(confirmationToken?.id ?? '');
    expect(pi).toMatchObject({ status: 'succeeded', shipping: { name: 'Li Lei' } });
    // A second token needs a second submit, as with Stripe.js.
    expect((await createConfirmationToken(api, { elements })).error?.code).toBe('integration_error');
  });

  it('validates the card fields before calling the API and shows the error in the element', async () => {
    const { api, elements, errors } = deferredElements('card', { number: '4242', expiry: '', cvc: '' });
    elements._group.submitted = true;
    const result = await createConfirmationToken(api, { elements });
    expect(result.error).toMatchObject({ type: 'validation_error', code: 'incomplete_number' });
    expect(errors).toHaveLength(1);
  });

  it('turns the Express Checkout test wallet into a Link token, or card 4242 when the payment does not offer Link', async () => {
    const link = deferredElements('card');
    link.elements._group.wallet = 'link';
    await link.elements.submit();
    expect((await createConfirmationToken(link.api, { elements: link.elements })).confirmationToken?.payment_method_preview).toMatchObject({
      type: 'link',
      billing_details: { name: 'Test Shopper' },
    });
    const card = deferredElements('card', CARD_4242, { mode: 'payment', amount: 1000, currency: 'usd', paymentMethodTypes: ['card'] });
    card.elements._group.wallet = 'link';
    await card.elements.submit();
    expect((await createConfirmationToken(card.api, { elements: card.elements })).confirmationToken?.payment_method_preview).toMatchObject({
      type: 'card',
      card: { last4: '4242' },
    });
  });

  it("returns the API's error as { error } and shows it in the element", async () => {
    const { api, elements, errors } = deferredElements('card');
    await elements.submit();
    const result = await createConfirmationToken(api, { elements, params: { return_url: 'not-a-url' } });
    expect(result.error).toMatchObject({ type: 'invalid_request_error', code: 'url_invalid', param: 'return_url' });
    expect(errors.at(-1)).toBe(result.error?.message);
  });
});

describe('stripe.handleNextAction for an intent the server confirmed with a token', () => {
  it("Alipay: goes to the authorize page, which returns to the token's return_url with Stripe's query parameters", async () => {
    const { api, elements } = deferredElements('alipay', CARD_4242, { mode: 'payment', amount: 1000, currency: 'cny' });
    await elements.submit();
    const { confirmationToken } = await createConfirmationToken(api, { elements, params: { return_url: 'https://shop.test/back?order=7' } });
    const pi = await confirmOnServer(confirmationToken?.id ?? '', { currency: 'cny' });
    expect(pi.status).toBe('requires_action');
    const authorizeUrl = await new Promise<string>((resolve) => void handleNextAction({ api, navigate: resolve }, { clientSecret: pi.client_secret ?? '' }));
    expect(authorizeUrl).toMatch(new RegExp(`^${sandbox.url}/sandbox/authorize/${pi.id}\\?token=`));
    const token = new URL(authorizeUrl).searchParams.get('token') ?? '';
    const back = await fetch(`${sandbox.url}/sandbox/authorize/${pi.id}`, {
      method: 'POST',
      body: new URLSearchParams({ token, result: 'succeed' }),
      redirect: 'manual',
    });
    const location = new URL(back.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe('https://shop.test/back');
    expect(Object.fromEntries(location.searchParams)).toEqual({
      order: '7',
      payment_intent: pi.id,
      payment_intent_client_secret: pi.client_secret,
      redirect_status: 'succeeded',
    });
  });

  it('refuses an intent that is not in requires_action, with the intent in the error', async () => {
    const api = createApiClient(sandbox.url, sandbox.publishableKey);
    const token = await stripe.testHelpers.confirmationTokens.create({ payment_method: 'pm_card_visa' });
    const pi = await confirmOnServer(token.id);
    const result = await handleNextAction({ api, navigate: () => undefined }, { clientSecret: pi.client_secret ?? '' });
    expect(result.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'payment_intent_unexpected_state',
      payment_intent: { id: pi.id, status: 'succeeded' },
    });
    expect(result.error?.message).toMatch(/status of succeeded/);
    expect((await handleNextAction({ api, navigate: () => undefined }, { clientSecret: 'nonsense' })).error?.param).toBe('client_secret');
  });
});
