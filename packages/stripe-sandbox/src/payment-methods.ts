import { PAYMENT_METHOD_TYPES, type PaymentMethodType } from './currencies.js';
import { SandboxApiError, invalidRequest, notFound } from './errors.js';
import type { FormObject } from './form.js';
import { randomId } from './ids.js';
import { readEnum, readInteger, readObject, readString } from './params.js';
import { remember, type SandboxState } from './state.js';
import { TEST_CARDS, TEST_PAYMENT_METHODS, cardBrand, luhnValid } from './test-cards.js';
import type { Outcome, PaymentMethod } from './types.js';

const LIVE_CARD: Outcome = {
  kind: 'decline',
  code: 'card_declined',
  declineCode: 'test_mode_live_card',
  message:
    'Your card was declined. Your request was in test mode, but used a non test (live) card. For a list of valid test cards, visit: https://stripe.com/docs/testing.',
};

/**
 * Finds the PaymentMethod a confirm names: a stored `pm_…`, one of Stripe's
 * test ids (`pm_card_visa`, …), or new `payment_method_data`.
 *
 * @example
 * resolvePaymentMethod(state, { payment_method: 'pm_card_visa' }, now)
 */
export function resolvePaymentMethod(state: SandboxState, params: FormObject, now: number): PaymentMethod | null {
  const id = readString(params, 'payment_method');
  const data = readObject(params, 'payment_method_data');
  if (id && data) throw invalidRequest('payment_method_data', 'You may only specify one of these parameters: payment_method, payment_method_data.');
  if (data) return createPaymentMethod(state, data, now, 'payment_method_data');
  if (!id) return null;
  const stored = state.paymentMethods.get(id);
  if (stored) return stored;
  const number = TEST_PAYMENT_METHODS[id];
  if (!number) throw notFound('PaymentMethod', id, 'payment_method');
  return createPaymentMethod(
    state,
    { type: 'card', card: { number, exp_month: '12', exp_year: String(new Date(now * 1000).getUTCFullYear() + 3) } },
    now,
    'payment_method',
  );
}

/**
 * Creates and stores a PaymentMethod from `payment_method_data`-shaped params,
 * remembering how it behaves when confirmed.
 *
 * @example
 * createPaymentMethod(state, { type: 'alipay' }, now, 'payment_method_data')
 */
export function createPaymentMethod(state: SandboxState, data: FormObject, now: number, prefix: string): PaymentMethod {
  const type = readEnum(data, 'type', PAYMENT_METHOD_TYPES);
  if (!type) throw invalidRequest(`${prefix}[type]`, `Missing required param: ${prefix}[type].`, 'parameter_missing');
  const billing = readObject(data, 'billing_details') ?? {};
  const method: PaymentMethod = {
    id: randomId('pm'),
    object: 'payment_method',
    type,
    billing_details: {
      address: addressOf(readObject(billing, 'address')),
      email: readString(billing, 'email') ?? null,
      name: readString(billing, 'name') ?? null,
      phone: readString(billing, 'phone') ?? null,
    },
    created: now,
    customer: null,
    livemode: false,
    metadata: {},
  };
  const outcome = describeType(method, type, data, now, prefix);
  state.paymentMethods.set(method.id, method);
  state.outcomes.set(method.id, outcome);
  remember(state, method.id);
  return method;
}

function describeType(method: PaymentMethod, type: PaymentMethodType, data: FormObject, now: number, prefix: string): Outcome {
  if (type === 'alipay') {
    method.alipay = {};
    return { kind: 'redirect' };
  }
  if (type === 'wechat_pay') {
    method.wechat_pay = {};
    return { kind: 'qr' };
  }
  if (type === 'link') {
    method.link = { email: method.billing_details.email };
    return { kind: 'succeed' };
  }
  const card = readObject(data, 'card');
  if (!card) throw invalidRequest(`${prefix}[card]`, `Missing required param: ${prefix}[card].`, 'parameter_missing');
  const number = (readString(card, 'number') ?? '').replace(/[\s-]/g, '');
  if (!luhnValid(number)) throw cardError('incorrect_number', 'Your card number is incorrect.', `${prefix}[card][number]`);
  const expMonth = readInteger(card, 'exp_month');
  const expYear = readInteger(card, 'exp_year');
  if (expMonth === undefined || expMonth < 1 || expMonth > 12) {
    throw cardError('invalid_expiry_month', "Your card's expiration month is invalid.", `${prefix}[card][exp_month]`);
  }
  const year = expYear !== undefined && expYear < 100 ? 2000 + expYear : expYear;
  const today = new Date(now * 1000);
  if (year === undefined || year < today.getUTCFullYear() || (year === today.getUTCFullYear() && expMonth < today.getUTCMonth() + 1)) {
    throw cardError('invalid_expiry_year', "Your card's expiration year is in the past.", `${prefix}[card][exp_year]`);
  }
  const cvc = readString(card, 'cvc');
  if (cvc !== undefined && !/^\d{3,4}$/.test(cvc)) throw cardError('invalid_cvc', "Your card's security code is invalid.", `${prefix}[card][cvc]`);
  const known = TEST_CARDS[number];
  method.card = {
    brand: known?.brand ?? cardBrand(number),
    last4: number.slice(-4),
    exp_month: expMonth,
    exp_year: year,
    funding: known?.funding ?? 'unknown',
    country: known?.country ?? 'US',
    wallet: null,
  };
  return known?.outcome ?? LIVE_CARD;
}

function addressOf(address: FormObject | undefined): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const key of ['city', 'country', 'line1', 'line2', 'postal_code', 'state']) {
    out[key] = address ? (readString(address, key) ?? null) : null;
  }
  return out;
}

function cardError(code: string, message: string, param: string): SandboxApiError {
  return new SandboxApiError(402, { type: 'card_error', code, message, param });
}
