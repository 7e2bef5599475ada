import type { OperationContext } from './context.js';
import { SandboxApiError, notFound } from './errors.js';
import { randomId } from './ids.js';
import { qrLikeSvg } from './qr.js';
import { snapshot } from './state.js';
import type { LastPaymentError, PaymentIntent, PaymentMethod, PendingAction } from './types.js';

/**
 * Customer actions: 3-D Secure, the Alipay redirect and the WeChat Pay QR code.
 * The intent waits in `requires_action` until the sandbox's hosted page (or a
 * test hook) authorizes or fails it with the action's unguessable token.
 */

/**
 * Puts the intent in `requires_action` with the `next_action` Stripe would return.
 *
 * @example
 * startAction(ctx, intent, 'alipay', 'https://shop.test/done', false)
 */
export function startAction(ctx: OperationContext, intent: PaymentIntent, kind: PendingAction['kind'], returnUrl: string | null, useStripeSdk: boolean): void {
  const token = randomId('act', 32);
  ctx.state.actions.set(intent.id, { token, kind, returnUrl });
  const url = `${ctx.baseUrl}/sandbox/authorize/${intent.id}?token=${token}`;
  intent.status = 'requires_action';
  if (kind === 'alipay') {
    intent.next_action = { type: 'alipay_handle_redirect', alipay_handle_redirect: { native_data: null, native_url: null, return_url: returnUrl, url } };
  } else if (kind === 'wechat_pay') {
    const image = `data:image/svg+xml;base64,${Buffer.from(qrLikeSvg(token)).toString('base64')}`;
    intent.next_action = {
      type: 'wechat_pay_display_qr_code',
      wechat_pay_display_qr_code: {
        data: `weixin://wxpay/bizpayurl?pr=sandbox${token.slice(4, 16)}`,
        hosted_instructions_url: url,
        image_data_url: image,
        image_url_png: image,
        image_url_svg: image,
      },
    };
  } else if (returnUrl && !useStripeSdk) {
    intent.next_action = { type: 'redirect_to_url', redirect_to_url: { return_url: returnUrl, url } };
  } else {
    intent.next_action = { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect', stripe_js: url, source: randomId('src') } };
  }
  ctx.emit('payment_intent.requires_action', intent);
}

/**
 * Completes a waiting action with the given token; returns where the shopper goes next.
 *
 * @example
 * authorizeAction(ctx, 'pi_123', token, 'succeed') // { intent, returnUrl }
 */
export function authorizeAction(
  ctx: OperationContext,
  id: string,
  token: string,
  result: 'succeed' | 'fail',
): { intent: PaymentIntent; returnUrl: string | null } {
  const intent = ctx.state.paymentIntents.get(id);
  if (!intent) throw notFound('payment_intent', id);
  const action = ctx.state.actions.get(id);
  if (!action || intent.status !== 'requires_action' || !safeEqual(action.token, token)) {
    throw new SandboxApiError(400, {
      type: 'invalid_request_error',
      code: 'payment_intent_unexpected_state',
      param: 'token',
      message: `PaymentIntent ${id} has no pending test action for this token (status ${intent.status}); it may already be authorized, failed or canceled.`,
    });
  }
  ctx.state.actions.delete(id);
  settleAction(ctx, intent, result, action.kind);
  return { intent, returnUrl: action.returnUrl };
}

/**
 * Ends a confirmation: `succeed` charges the full amount; `fail` records the
 * failure Stripe reports for the action kind.
 *
 * @example
 * settleAction(ctx, intent, 'succeed').status // "succeeded"
 */
export function settleAction(ctx: OperationContext, intent: PaymentIntent, result: 'succeed' | 'fail', kind?: PendingAction['kind']): PaymentIntent {
  if (result === 'succeed') {
    intent.status = 'succeeded';
    intent.next_action = null;
    intent.amount_received = intent.amount;
    intent.latest_charge = randomId('ch');
    ctx.emit('payment_intent.succeeded', intent);
    return intent;
  }
  const methodId = typeof intent.payment_method === 'string' ? intent.payment_method : intent.payment_method?.id;
  const method = methodId ? (ctx.state.paymentMethods.get(methodId) ?? null) : null;
  fail(
    ctx,
    intent,
    method,
    kind === 'three_d_secure'
      ? {
          type: 'card_error',
          code: 'payment_intent_authentication_failure',
          message: 'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
        }
      : {
          type: 'invalid_request_error',
          code: 'payment_intent_payment_attempt_failed',
          message: 'The payment failed: the customer did not authorize the test payment.',
        },
  );
  return intent;
}

/**
 * Records a failed attempt: back to `requires_payment_method` with
 * `last_payment_error`, and a `payment_intent.payment_failed` event.
 *
 * @example
 * fail(ctx, intent, method, { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' })
 */
export function fail(ctx: OperationContext, intent: PaymentIntent, method: PaymentMethod | null, error: Omit<LastPaymentError, 'payment_method'>): void {
  intent.status = 'requires_payment_method';
  intent.payment_method = null;
  intent.next_action = null;
  if (error.type === 'card_error') intent.latest_charge = randomId('ch');
  intent.last_payment_error = { ...error, ...(method ? { payment_method: snapshot(method) } : {}) };
  ctx.emit('payment_intent.payment_failed', intent);
}

function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
