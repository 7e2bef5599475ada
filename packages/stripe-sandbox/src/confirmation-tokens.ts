import type { OperationContext } from './context.js';
import { SandboxApiError, invalidRequest, notFound } from './errors.js';
import type { FormObject } from './form.js';
import { randomId } from './ids.js';
import { assertKnown, readEnum, readObject, readReturnUrl, readString } from './params.js';
import { resolvePaymentMethod } from './payment-methods.js';
import { remember } from './state.js';
import type { ConfirmationToken, PaymentMethod, PaymentMethodPreview } from './types.js';

/** Stripe keeps a ConfirmationToken usable for 12 hours. */
export const CONFIRMATION_TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;

/** Who asks for the token: Stripe.js (publishable key) or the secret-key test helper. */
export type TokenOrigin = 'stripe_js' | 'test_helper';

const COMMON = ['payment_method_data', 'payment_method_options', 'return_url', 'setup_future_usage', 'shipping', 'expand'];
const ALLOWED: Record<TokenOrigin, string[]> = {
  // Stripe.js also sends its key, API version and the mandate the Payment Element collected.
  stripe_js: [...COMMON, 'mandate_data', 'key', '_stripe_version'],
  test_helper: [...COMMON, 'payment_method'],
};

/**
 * POST /v1/confirmation_tokens (Stripe.js) and POST /v1/test_helpers/confirmation_tokens.
 * The payment method it previews is created now, so its test outcome (decline,
 * 3-D Secure, Alipay redirect, WeChat Pay QR) applies when an intent is confirmed with it.
 *
 * @example
 * createConfirmationToken(ctx, { payment_method: 'pm_card_visa' }, 'test_helper').payment_method_preview.card?.last4 // "4242"
 */
export function createConfirmationToken(ctx: OperationContext, params: FormObject, origin: TokenOrigin): ConfirmationToken {
  assertKnown(params, ALLOWED[origin]);
  if (params.payment_method === undefined && params.payment_method_data === undefined) {
    throw origin === 'stripe_js'
      ? invalidRequest('payment_method_data', 'Missing required param: payment_method_data.', 'parameter_missing')
      : invalidRequest(
          'payment_method',
          'You must provide one of these parameters: payment_method, payment_method_data; received neither.',
          'parameter_missing',
        );
  }
  const returnUrl = readReturnUrl(params) ?? null;
  const setupFutureUsage = readEnum(params, 'setup_future_usage', ['on_session', 'off_session']) ?? null;
  const shipping = readObject(params, 'shipping') ?? null;
  const mandate = readObject(params, 'mandate_data') ?? null;
  const options = readObject(params, 'payment_method_options') ?? null;
  const method = resolvePaymentMethod(ctx.state, params, ctx.now) as PaymentMethod;
  const token: ConfirmationToken = {
    id: randomId('ctoken'),
    object: 'confirmation_token',
    created: ctx.now,
    expires_at: ctx.now + CONFIRMATION_TOKEN_LIFETIME_SECONDS,
    livemode: false,
    mandate_data: mandate,
    payment_intent: null,
    payment_method_options: options,
    payment_method_preview: previewOf(method),
    return_url: returnUrl,
    setup_future_usage: setupFutureUsage,
    setup_intent: null,
    shipping,
    use_stripe_sdk: origin === 'stripe_js',
  };
  ctx.state.confirmationTokens.set(token.id, { token, paymentMethod: method.id });
  remember(ctx.state, token.id);
  return token;
}

/**
 * GET /v1/confirmation_tokens/:id.
 *
 * @example
 * retrieveConfirmationToken(ctx, 'ctoken_123').payment_intent // null until used
 */
export function retrieveConfirmationToken(ctx: OperationContext, id: string): ConfirmationToken {
  const record = ctx.state.confirmationTokens.get(id);
  if (!record) throw notFound('confirmation_token', id);
  return record.token;
}

/** Confirmation params with the token's values filled in, and how to mark the token used. */
export interface TokenConfirmation {
  params: FormObject;
  /** Marks the token used by the intent; call once the confirmation took effect (success, action or decline). */
  redeem(intentId: string): void;
}

// Token values copied into a confirmation when the request does not give its own.
const CARRIED = ['return_url', 'shipping', 'setup_future_usage', 'mandate_data', 'payment_method_options'] as const;

/**
 * Applies `confirmation_token` to PaymentIntent confirmation params the way
 * Stripe documents it: the token supplies the payment method, return_url,
 * shipping, setup_future_usage and mandate, and values given in the request
 * itself (such as `payment_method`) take precedence. Refuses unknown, used and
 * expired tokens before anything changes.
 *
 * @example
 * const { params, redeem } = withConfirmationToken(ctx, { confirmation_token: 'ctoken_123', confirm: 'true' });
 */
export function withConfirmationToken(ctx: OperationContext, params: FormObject): TokenConfirmation {
  const id = readString(params, 'confirmation_token');
  const { confirmation_token: _token, ...rest } = params;
  if (id === undefined) return { params: rest, redeem: () => undefined };
  const record = ctx.state.confirmationTokens.get(id);
  if (!record) throw notFound('confirmation_token', id, 'confirmation_token');
  const { token } = record;
  if (token.payment_intent !== null) throw alreadyUsed(token);
  if (token.expires_at !== null && ctx.now >= token.expires_at) throw expired(token, ctx.now);
  const merged: FormObject = { ...rest };
  if (rest.payment_method === undefined && rest.payment_method_data === undefined) merged.payment_method = record.paymentMethod;
  for (const key of CARRIED) {
    const value = token[key];
    if (merged[key] === undefined && value !== null) merged[key] = value as FormObject | string;
  }
  if (merged.use_stripe_sdk === undefined && token.use_stripe_sdk) merged.use_stripe_sdk = 'true';
  return {
    params: merged,
    redeem(intentId) {
      token.payment_intent = intentId;
      // Stripe clears expires_at once the token has been used.
      token.expires_at = null;
    },
  };
}

function previewOf(method: PaymentMethod): PaymentMethodPreview {
  const { type, billing_details, card, alipay, wechat_pay, link } = method;
  return structuredClone({ type, billing_details, ...(card && { card }), ...(alipay && { alipay }), ...(wechat_pay && { wechat_pay }), ...(link && { link }) });
}

function alreadyUsed(token: ConfirmationToken): SandboxApiError {
  return new SandboxApiError(400, {
    type: 'invalid_request_error',
    code: 'token_already_used',
    param: 'confirmation_token',
    message: `The ConfirmationToken ${token.id} has already been used to confirm PaymentIntent ${token.payment_intent}; a ConfirmationToken can be used once. Create a new one (stripe.createConfirmationToken) and retry.`,
  });
}

function expired(token: ConfirmationToken, now: number): SandboxApiError {
  return invalidRequest(
    'confirmation_token',
    `The ConfirmationToken ${token.id} expired at ${token.expires_at} (now ${now}); ConfirmationTokens can be used for 12 hours after they are created. Create a new one and retry.`,
  );
}
