import type { OperationContext } from './context.js';
import {
  PAYMENT_METHOD_TYPES,
  automaticTypes,
  currencyDigits,
  isSupportedCurrency,
  minimumAmount,
  supportsCurrency,
  type PaymentMethodType,
} from './currencies.js';
import { SandboxApiError, invalidRequest, notFound } from './errors.js';
import type { FormObject } from './form.js';
import { randomId } from './ids.js';
import { withConfirmationToken } from './confirmation-tokens.js';
import {
  assertKnown,
  mergeMetadata,
  readBoolean,
  readEnum,
  readInteger,
  readObject,
  readReturnUrl,
  readString,
  readStringArray,
  requireString,
} from './params.js';
import { resolvePaymentMethod } from './payment-methods.js';
import { remember, snapshot } from './state.js';
import type { PaymentIntent, PaymentMethod, PaymentIntentStatus } from './types.js';
import { fail, settleAction, startAction } from './actions.js';

const SHARED = [
  'amount',
  'currency',
  'customer',
  'description',
  'metadata',
  'payment_method',
  'payment_method_data',
  'payment_method_types',
  'allowed_payment_method_types',
  'excluded_payment_method_types',
  'payment_method_configuration',
  'amount_details',
  'payment_details',
  'payment_method_options',
  'receipt_email',
  'setup_future_usage',
  'shipping',
  'statement_descriptor',
  'statement_descriptor_suffix',
  'expand',
];
const CREATE = [
  ...SHARED,
  'automatic_payment_methods',
  'capture_method',
  'confirm',
  'confirmation_method',
  'confirmation_token',
  'return_url',
  'off_session',
  'use_stripe_sdk',
  'mandate_data',
  'error_on_requires_action',
  'radar_options',
];
const CONFIRM = [
  'confirmation_token',
  'payment_method',
  'payment_method_data',
  'payment_method_options',
  'payment_method_types',
  'allowed_payment_method_types',
  'excluded_payment_method_types',
  'error_on_requires_action',
  'radar_options',
  'receipt_email',
  'return_url',
  'setup_future_usage',
  'shipping',
  'expand',
  'client_secret',
  'use_stripe_sdk',
  'off_session',
  'mandate_data',
  'key',
  '_stripe_version',
];
const UPDATABLE: PaymentIntentStatus[] = ['requires_payment_method', 'requires_confirmation', 'requires_action'];
const CANCELABLE: PaymentIntentStatus[] = ['requires_payment_method', 'requires_confirmation', 'requires_action', 'processing'];

/**
 * POST /v1/payment_intents.
 *
 * @example
 * createPaymentIntent(ctx, { amount: '2000', currency: 'usd' }).status // "requires_payment_method"
 */
export function createPaymentIntent(ctx: OperationContext, given: FormObject): PaymentIntent {
  assertKnown(given, CREATE);
  const confirm = readBoolean(given, 'confirm') ?? false;
  if (given.confirmation_token !== undefined && !confirm) {
    throw invalidRequest(
      'confirmation_token',
      'confirmation_token can only be used when the PaymentIntent is confirmed on creation: pass confirm=true (received confirm=false), or confirm later with POST /v1/payment_intents/:id/confirm.',
    );
  }
  const { params, redeem } = withConfirmationToken(ctx, given);
  const currency = readCurrency(params, true) as string;
  const amount = readAmount(params, currency, true) as number;
  const customer = readCustomer(ctx, params);
  const capture = readEnum(params, 'capture_method', ['automatic', 'automatic_async', 'manual']);
  if (capture === 'manual')
    throw invalidRequest(
      'capture_method',
      'The Stripe sandbox captures automatically: capture_method must be automatic or automatic_async, received "manual".',
    );
  const id = randomId('pi');
  const intent: PaymentIntent = {
    id,
    object: 'payment_intent',
    amount,
    amount_capturable: 0,
    amount_received: 0,
    allowed_payment_method_types: null,
    // Current API versions turn automatic payment methods on by default.
    automatic_payment_methods: { enabled: true, allow_redirects: 'always' },
    canceled_at: null,
    cancellation_reason: null,
    capture_method: capture ?? 'automatic_async',
    client_secret: `${id}_secret_${randomId('s', 24).slice(2)}`,
    confirmation_method: readEnum(params, 'confirmation_method', ['automatic', 'manual']) ?? 'automatic',
    created: ctx.now,
    currency,
    customer,
    description: readString(params, 'description') ?? null,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: mergeMetadata({}, params.metadata),
    next_action: null,
    payment_method: null,
    payment_method_options: readObject(params, 'payment_method_options') ?? {},
    payment_method_types: [],
    processing: null,
    receipt_email: readString(params, 'receipt_email') ?? null,
    setup_future_usage: readEnum(params, 'setup_future_usage', ['on_session', 'off_session']) ?? null,
    shipping: readObject(params, 'shipping') ?? null,
    statement_descriptor: readString(params, 'statement_descriptor', 22) ?? null,
    statement_descriptor_suffix: readString(params, 'statement_descriptor_suffix', 22) ?? null,
    status: 'requires_payment_method',
  };
  applyMethodTypes(intent, params, true);
  const method = resolvePaymentMethod(ctx.state, params, ctx.now);
  if (method) {
    assertAllowed(intent, method);
    intent.payment_method = method.id;
    intent.status = 'requires_confirmation';
  }
  const store = () => {
    ctx.state.paymentIntents.set(id, intent);
    remember(ctx.state, id);
    redeem(id);
  };
  ctx.emit('payment_intent.created', intent);
  if (confirm) runConfirmation(ctx, intent, params, store, method);
  store();
  return intent;
}

/**
 * GET /v1/payment_intents/:id.
 *
 * @example
 * retrievePaymentIntent(ctx, 'pi_123')
 */
export function retrievePaymentIntent(ctx: OperationContext, id: string): PaymentIntent {
  const intent = ctx.state.paymentIntents.get(id);
  if (!intent) throw notFound('payment_intent', id);
  return intent;
}

/**
 * POST /v1/payment_intents/:id — only while the intent can still change.
 *
 * @example
 * updatePaymentIntent(ctx, 'pi_123', { amount: '2500' })
 */
export function updatePaymentIntent(ctx: OperationContext, id: string, params: FormObject): PaymentIntent {
  assertKnown(params, SHARED);
  // Changes go to a draft, stored only if the whole update succeeds.
  const intent = snapshot(retrievePaymentIntent(ctx, id));
  if (!UPDATABLE.includes(intent.status)) {
    const field = Object.keys(params).find((k) => k !== 'expand') ?? 'amount';
    throw new SandboxApiError(400, {
      type: 'invalid_request_error',
      code: 'payment_intent_unexpected_state',
      param: field,
      message: `This PaymentIntent's ${field} could not be updated because it has a status of ${intent.status}. You may only update the ${field} of a PaymentIntent with one of the following statuses: ${UPDATABLE.join(', ')}.`,
    });
  }
  const before = snapshot(intent);
  const currency = readCurrency(params, false) ?? intent.currency;
  const amount = readAmount(params, currency, false);
  intent.currency = currency;
  if (amount !== undefined) intent.amount = amount;
  else if (currency !== before.currency) readAmount({ amount: String(intent.amount) }, currency, true);
  if (params.customer !== undefined) intent.customer = readCustomer(ctx, params);
  if (params.description !== undefined) intent.description = readString(params, 'description') || null;
  if (params.receipt_email !== undefined) intent.receipt_email = readString(params, 'receipt_email') || null;
  if (params.shipping !== undefined) intent.shipping = params.shipping === '' ? null : readObject(params, 'shipping');
  if (params.statement_descriptor !== undefined) intent.statement_descriptor = readString(params, 'statement_descriptor', 22) || null;
  if (params.statement_descriptor_suffix !== undefined) intent.statement_descriptor_suffix = readString(params, 'statement_descriptor_suffix', 22) || null;
  if (params.setup_future_usage !== undefined) intent.setup_future_usage = readEnum(params, 'setup_future_usage', ['on_session', 'off_session']) ?? null;
  if (params.payment_method_options !== undefined) intent.payment_method_options = readObject(params, 'payment_method_options') ?? {};
  intent.metadata = mergeMetadata(intent.metadata, params.metadata);
  applyMethodTypes(intent, params, currency !== before.currency && intent.payment_method_types !== null);
  const method = resolvePaymentMethod(ctx.state, params, ctx.now);
  if (method) {
    assertAllowed(intent, method);
    intent.payment_method = method.id;
  }
  // A changed amount or method invalidates a pending customer action, as on Stripe.
  if (intent.status === 'requires_action' && (amount !== undefined || method)) {
    ctx.state.actions.delete(intent.id);
    intent.next_action = null;
    intent.status = 'requires_confirmation';
  }
  if (intent.status === 'requires_payment_method' && intent.payment_method) intent.status = 'requires_confirmation';
  ctx.state.paymentIntents.set(id, intent);
  // Stripe sends no event for plain updates (there is no payment_intent.updated).
  return intent;
}

/**
 * POST /v1/payment_intents/:id/confirm.
 *
 * @example
 * confirmPaymentIntent(ctx, 'pi_123', { payment_method: 'pm_card_visa' }).status // "succeeded"
 */
export function confirmPaymentIntent(ctx: OperationContext, id: string, given: FormObject): PaymentIntent {
  assertKnown(given, CONFIRM);
  const { params, redeem } = withConfirmationToken(ctx, given);
  const intent = snapshot(retrievePaymentIntent(ctx, id));
  if (intent.status !== 'requires_payment_method' && intent.status !== 'requires_confirmation' && intent.status !== 'requires_action') {
    throw unexpectedState(intent, 'confirm', ['requires_payment_method', 'requires_confirmation', 'requires_action']);
  }
  applyMethodTypes(intent, params, false);
  if (params.receipt_email !== undefined) intent.receipt_email = readString(params, 'receipt_email') || null;
  if (params.shipping !== undefined) intent.shipping = readObject(params, 'shipping') ?? null;
  if (params.setup_future_usage !== undefined) intent.setup_future_usage = readEnum(params, 'setup_future_usage', ['on_session', 'off_session']) ?? null;
  const commit = () => {
    ctx.state.paymentIntents.set(id, intent);
    redeem(id);
  };
  runConfirmation(ctx, intent, params, commit);
  commit();
  return intent;
}

/**
 * POST /v1/payment_intents/:id/cancel.
 *
 * @example
 * cancelPaymentIntent(ctx, 'pi_123', { cancellation_reason: 'abandoned' }).status // "canceled"
 */
export function cancelPaymentIntent(ctx: OperationContext, id: string, params: FormObject): PaymentIntent {
  assertKnown(params, ['cancellation_reason', 'expand']);
  const intent = retrievePaymentIntent(ctx, id);
  const reason = readEnum(params, 'cancellation_reason', ['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned']);
  if (!CANCELABLE.includes(intent.status)) throw unexpectedState(intent, 'cancel', CANCELABLE);
  ctx.state.actions.delete(intent.id);
  intent.status = 'canceled';
  intent.canceled_at = ctx.now;
  intent.cancellation_reason = reason ?? null;
  intent.next_action = null;
  ctx.emit('payment_intent.canceled', intent);
  return intent;
}

/**
 * Attaches a method (if given) and moves the intent on according to the
 * method's test outcome. Every refusal is raised before the intent changes,
 * except a decline, which Stripe records (`commit`) and then reports as 402.
 */
function runConfirmation(ctx: OperationContext, intent: PaymentIntent, params: FormObject, commit: () => void, resolved?: PaymentMethod | null): PaymentIntent {
  const method = (resolved === undefined ? resolvePaymentMethod(ctx.state, params, ctx.now) : resolved) ?? storedMethod(ctx, intent);
  if (!method) {
    throw new SandboxApiError(400, {
      type: 'invalid_request_error',
      code: 'payment_intent_unexpected_state',
      param: 'payment_method',
      message:
        "You cannot confirm this PaymentIntent because it's missing a payment method. To confirm the PaymentIntent with " +
        `${intent.id}, specify a payment method attached to this customer along with the customer ID.`,
    });
  }
  assertAllowed(intent, method);
  const outcome = ctx.state.outcomes.get(method.id) ?? { kind: 'succeed' as const };
  const returnUrl = readReturnUrl(params) ?? null;
  const useStripeSdk = readBoolean(params, 'use_stripe_sdk') ?? false;
  if (outcome.kind === 'redirect' && !returnUrl) {
    throw invalidRequest(
      'return_url',
      `A return_url must be specified because this PaymentIntent uses ${method.type}, which redirects the customer to authorize the payment.`,
    );
  }
  ctx.state.actions.delete(intent.id);
  intent.payment_method = method.id;
  intent.last_payment_error = null;
  intent.next_action = null;
  if (outcome.kind === 'succeed') return settleAction(ctx, intent, 'succeed');
  if (outcome.kind === 'decline') {
    fail(ctx, intent, method, {
      type: 'card_error',
      code: outcome.code,
      message: outcome.message,
      ...(outcome.declineCode ? { decline_code: outcome.declineCode } : {}),
    });
    commit();
    throw new SandboxApiError(402, {
      type: 'card_error',
      code: outcome.code,
      ...(outcome.declineCode ? { decline_code: outcome.declineCode } : {}),
      message: outcome.message,
      doc_url: `https://stripe.com/docs/error-codes/${outcome.code.replace(/_/g, '-')}`,
      payment_intent: snapshot(intent),
      payment_method: snapshot(method),
    });
  }
  startAction(ctx, intent, outcome.kind === 'redirect' ? 'alipay' : outcome.kind === 'qr' ? 'wechat_pay' : 'three_d_secure', returnUrl, useStripeSdk);
  return intent;
}

function storedMethod(ctx: OperationContext, intent: PaymentIntent): PaymentMethod | null {
  const id = typeof intent.payment_method === 'string' ? intent.payment_method : intent.payment_method?.id;
  return id ? (ctx.state.paymentMethods.get(id) ?? null) : null;
}

function readCurrency(params: FormObject, required: boolean): string | undefined {
  const raw = required ? requireString(params, 'currency') : readString(params, 'currency');
  if (raw === undefined) return undefined;
  const code = raw.toLowerCase();
  if (!isSupportedCurrency(code))
    throw invalidRequest(
      'currency',
      `Invalid currency: ${raw}. Stripe currently supports these currencies: see https://stripe.com/docs/currencies.`,
      'parameter_invalid_string',
    );
  return code;
}

function readAmount(params: FormObject, currency: string, required: boolean): number | undefined {
  if (required) requireString(params, 'amount');
  const amount = readInteger(params, 'amount');
  if (amount === undefined) return undefined;
  const min = minimumAmount(currency);
  if (amount < min) {
    const shown = (min / 10 ** currencyDigits(currency)).toFixed(currencyDigits(currency));
    throw invalidRequest(
      'amount',
      `Amount must be at least ${shown} ${currency} (${min} in the smallest currency unit); received ${amount}.`,
      'amount_too_small',
    );
  }
  if (amount > 99_999_999)
    throw invalidRequest('amount', `Amount must be no more than 99999999 in the smallest currency unit; received ${amount}.`, 'amount_too_large');
  if (currencyDigits(currency) === 3 && amount % 10 !== 0) {
    throw invalidRequest(
      'amount',
      `Amounts in ${currency} must end in 0 (Stripe rounds three-decimal currencies to two digits); received ${amount}.`,
      'invalid_amount',
    );
  }
  return amount;
}

function readCustomer(ctx: OperationContext, params: FormObject): string | null {
  const id = readString(params, 'customer');
  if (!id) return null;
  if (!ctx.state.customers.has(id)) throw notFound('customer', id, 'customer');
  return id;
}

const METHOD_PARAMS = ['payment_method_types', 'allowed_payment_method_types', 'excluded_payment_method_types', 'automatic_payment_methods'];

/**
 * Sets `payment_method_types` from the parameters of either API generation:
 * `payment_method_types` (strict: every type must work with the currency), or
 * `allowed_payment_method_types` / `excluded_payment_method_types` (current API:
 * Stripe keeps the compatible ones), else automatic payment methods.
 */
function applyMethodTypes(intent: PaymentIntent, params: FormObject, recompute: boolean): void {
  const given = METHOD_PARAMS.filter((p) => params[p] !== undefined);
  if (given.length === 0 && !recompute) return;
  if (given.length === 0 && !intent.automatic_payment_methods && !intent.allowed_payment_method_types) {
    // An explicit legacy list stays as it is, but must suit the new currency.
    const unsuited = intent.payment_method_types.find((t) => !supportsCurrency(t, intent.currency));
    if (unsuited) {
      throw invalidRequest(
        'currency',
        `The currency ${intent.currency} is invalid for the payment method type ${unsuited} listed in this PaymentIntent's payment_method_types; update payment_method_types too.`,
        'payment_method_unactivated',
      );
    }
    return;
  }
  if (given.includes('payment_method_types') && given.length > 1) {
    throw invalidRequest(
      given.find((p) => p !== 'payment_method_types'),
      `You may only specify one of these parameters: payment_method_types, ${given.filter((p) => p !== 'payment_method_types').join(', ')}.`,
      'parameters_exclusive',
    );
  }
  const explicit = readStringArray(params, 'payment_method_types');
  if (explicit) {
    if (explicit.length === 0)
      throw invalidRequest('payment_method_types', 'Invalid array: payment_method_types must list at least one type.', 'parameter_invalid_array');
    for (const [i, type] of explicit.entries()) {
      if (!isEmulated(type)) {
        throw invalidRequest(
          `payment_method_types[${i}]`,
          `The payment method type "${type}" is invalid or not emulated by the Stripe sandbox; supported: ${PAYMENT_METHOD_TYPES.join(', ')}.`,
          'payment_method_invalid_parameter',
        );
      }
      if (!supportsCurrency(type, intent.currency)) {
        throw invalidRequest(
          'payment_method_types',
          `The currency provided (${intent.currency}) is invalid for ${type}. Use a currency ${type} supports.`,
          'payment_method_unactivated',
        );
      }
    }
    intent.payment_method_types = [...new Set(explicit)] as PaymentMethodType[];
    intent.automatic_payment_methods = null;
    intent.allowed_payment_method_types = null;
    intent.excluded_payment_method_types = null;
    return;
  }
  const automatic = readObject(params, 'automatic_payment_methods');
  if (automatic) {
    const enabled = readBoolean(automatic, 'enabled');
    const redirects = readEnum(automatic, 'allow_redirects', ['always', 'never']) ?? 'always';
    intent.automatic_payment_methods = enabled === false ? null : { enabled: true, allow_redirects: redirects };
  }
  if (params.allowed_payment_method_types !== undefined) {
    intent.allowed_payment_method_types = params.allowed_payment_method_types === '' ? null : (readStringArray(params, 'allowed_payment_method_types') ?? null);
  }
  if (params.excluded_payment_method_types !== undefined) {
    intent.excluded_payment_method_types =
      params.excluded_payment_method_types === '' ? null : (readStringArray(params, 'excluded_payment_method_types') ?? null);
  }
  const base: string[] = intent.allowed_payment_method_types ?? (intent.automatic_payment_methods ? automaticTypes(intent.currency) : ['card']);
  const redirectsAllowed = intent.automatic_payment_methods?.allow_redirects !== 'never';
  const types = base.filter(
    (t): t is PaymentMethodType =>
      isEmulated(t) &&
      supportsCurrency(t, intent.currency) &&
      !(intent.excluded_payment_method_types ?? []).includes(t) &&
      (redirectsAllowed || t !== 'alipay'),
  );
  if (types.length === 0) {
    throw invalidRequest(
      intent.allowed_payment_method_types ? 'allowed_payment_method_types' : 'excluded_payment_method_types',
      `No payment method type is left for currency ${intent.currency}: allowed ${JSON.stringify(intent.allowed_payment_method_types ?? 'automatic')}, excluded ${JSON.stringify(intent.excluded_payment_method_types ?? [])}; the sandbox emulates ${PAYMENT_METHOD_TYPES.join(', ')}.`,
    );
  }
  intent.payment_method_types = [...new Set(types)];
}

function isEmulated(type: string): type is PaymentMethodType {
  return (PAYMENT_METHOD_TYPES as readonly string[]).includes(type);
}

function assertAllowed(intent: PaymentIntent, method: PaymentMethod): void {
  if (!intent.payment_method_types.includes(method.type)) {
    throw invalidRequest(
      'payment_method',
      `The PaymentMethod provided (${method.type}) is not allowed for this PaymentIntent. Please attach a PaymentMethod of one of the following types: ${intent.payment_method_types.join(', ')}.`,
      'payment_intent_incompatible_payment_method',
    );
  }
}

function unexpectedState(intent: PaymentIntent, verb: string, allowed: readonly string[]): SandboxApiError {
  return new SandboxApiError(400, {
    type: 'invalid_request_error',
    code: 'payment_intent_unexpected_state',
    message: `You cannot ${verb} this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be ${verb === 'cancel' ? 'canceled' : 'confirmed'}: ${allowed.join(', ')}.`,
  });
}
