import type { ApiClient, ClientError, ClientIntent } from './api.js';
import { returnUrlWith } from './client-secret.js';
import { svgNode, h } from './dom.js';
import type { SandboxElements } from './elements.js';
import { texts as textsFor, type Texts } from './i18n.js';
import { collectMethodData, groupTypes, mergeMethodData } from './method-data.js';
import { openDialog } from './modal.js';

export type PaymentIntentResult = { paymentIntent: ClientIntent; error?: undefined } | { paymentIntent?: undefined; error: ClientError };

export interface ConfirmPaymentOptions {
  elements?: SandboxElements;
  clientSecret?: string;
  confirmParams?: Record<string, unknown> & { return_url?: string; payment_method_data?: Record<string, unknown> };
  redirect?: 'always' | 'if_required';
}

/** Browser effects confirmPayment needs, injectable so the flow can run outside a page. */
export interface ConfirmDeps {
  api: ApiClient;
  navigate(url: string): void;
  locale?: string;
}

const pending = <T>() => new Promise<T>(() => undefined);
const integration = (message: string): { error: ClientError } => ({ error: { type: 'invalid_request_error', code: 'integration_error', message } });

/**
 * `stripe.confirmPayment`: collects the selected method from the Elements
 * group, confirms the PaymentIntent with the publishable key and client
 * secret, then handles the next action (3-D Secure dialog, Alipay redirect,
 * WeChat Pay QR dialog) and the redirect policy, like Stripe.js.
 *
 * @example
 * const { error, paymentIntent } = await confirmPayment(deps, { elements, confirmParams: { return_url }, redirect: 'if_required' });
 */
export async function confirmPayment(deps: ConfirmDeps, options: ConfirmPaymentOptions): Promise<PaymentIntentResult> {
  if (!options || typeof options !== 'object')
    return integration('stripe.confirmPayment(): expected an options object such as { elements, confirmParams: { return_url } }.');
  const { elements, confirmParams = {}, redirect = 'always' } = options;
  const group = elements?._group;
  const clientSecret = options.clientSecret ?? group?.options.clientSecret;
  if (!clientSecret)
    return integration(
      'stripe.confirmPayment(): expected clientSecret (or Elements created with clientSecret); Elements in mode "payment" needs the clientSecret passed to confirmPayment.',
    );
  if (redirect !== 'always' && redirect !== 'if_required')
    return integration(`stripe.confirmPayment(): redirect must be "always" or "if_required", received ${JSON.stringify(redirect)}.`);
  const returnUrl = confirmParams.return_url;
  if (redirect === 'always' && typeof returnUrl !== 'string')
    return integration('stripe.confirmPayment(): confirmParams.return_url is required unless redirect is "if_required".');
  if (group?.options.mode && !group.submitted)
    return integration('stripe.confirmPayment(): call elements.submit() and await it before confirmPayment when Elements was created with mode.');
  const t = textsFor(deps.locale ?? group?.options.locale);
  const { payment_method_data: extra = {}, return_url: _r, ...rest } = confirmParams;
  const params: Record<string, unknown> = { ...rest, use_stripe_sdk: 'true' };
  if (returnUrl) params.return_url = returnUrl;
  if (group) {
    const data = collectMethodData(group, await intentTypes(deps, group, clientSecret), 'stripe.confirmPayment()');
    if ('error' in data) return data;
    params.payment_method_data = mergeMethodData(extra, data.value);
    group.submitted = false;
    group.wallet = null;
  }
  const result = await deps.api.confirm(clientSecret, params);
  if (result.error) {
    group?.payment?.showError(result.error.message);
    return { error: result.error };
  }
  return nextAction(deps, t, result.intent, clientSecret, redirect, returnUrl);
}

/**
 * Follows `next_action` and the redirect policy after a confirmation.
 *
 * @example
 * await nextAction(deps, texts('en'), intent, clientSecret, 'if_required', undefined)
 */
export async function nextAction(
  deps: ConfirmDeps,
  t: Texts,
  intent: ClientIntent,
  clientSecret: string,
  redirect: 'always' | 'if_required',
  returnUrl: string | undefined,
): Promise<PaymentIntentResult> {
  if (intent.status === 'requires_payment_method' && intent.last_payment_error) {
    return {
      error: { ...intent.last_payment_error, message: intent.last_payment_error.message ?? 'The payment failed.', payment_intent: intent } as ClientError,
    };
  }
  if (intent.status !== 'requires_action' || !intent.next_action) {
    if (redirect === 'always' && returnUrl && (intent.status === 'succeeded' || intent.status === 'processing')) {
      deps.navigate(returnUrlWith(returnUrl, intent));
      return pending();
    }
    return { paymentIntent: intent };
  }
  const next = intent.next_action as Record<string, Record<string, string> | string>;
  const redirectUrl =
    (next.alipay_handle_redirect as Record<string, string> | undefined)?.url ?? (next.redirect_to_url as Record<string, string> | undefined)?.url;
  if (redirectUrl) {
    deps.navigate(redirectUrl);
    return pending();
  }
  const qr = next.wechat_pay_display_qr_code as Record<string, string> | undefined;
  const sdk = next.use_stripe_sdk as Record<string, string> | undefined;
  const actionUrl = qr?.hosted_instructions_url ?? sdk?.stripe_js;
  if (!actionUrl) return { error: { type: 'api_error', message: `The Stripe sandbox does not handle next_action ${String(next.type)}.` } };
  const choice = qr
    ? await openDialog(
        t.qrTitle,
        [qrNode(qr.image_data_url ?? '', t.qrAlt), h('p', { class: 'note' }, t.wechatNote)],
        [
          { label: t.simulateScan, value: 'succeed', primary: true },
          { label: t.cancel, value: 'cancel' },
        ],
        t.banner,
      )
    : await openDialog(
        t.authTitle,
        [],
        [
          { label: t.authComplete, value: 'succeed', primary: true },
          { label: t.authFail, value: 'fail' },
        ],
        t.banner,
      );
  if (qr && choice !== 'succeed') {
    return {
      error: {
        type: 'invalid_request_error',
        code: 'payment_intent_action_canceled',
        message: 'The customer closed the WeChat Pay QR code before paying.',
        payment_intent: intent,
      },
    };
  }
  const settled = await deps.api.authorize(actionUrl, clientSecret, choice === 'succeed' ? 'succeed' : 'fail');
  if (settled.error) return { error: settled.error };
  return nextAction(deps, t, settled.intent, clientSecret, redirect, returnUrl);
}

/** The intent's payment method types (loaded with the group, or fetched), for the wallet's choice of method. */
async function intentTypes(deps: ConfirmDeps, group: NonNullable<ConfirmPaymentOptions['elements']>['_group'], clientSecret: string): Promise<string[]> {
  if (!group.wallet) return [];
  const current = group.intent ?? (await deps.api.retrieve(clientSecret)).intent;
  return current?.payment_method_types ?? groupTypes(group.options);
}

function qrNode(dataUrl: string, label: string): Node {
  const base64 = dataUrl.replace(/^data:image\/svg\+xml;base64,/, '');
  const node = svgNode(atob(base64));
  if (node instanceof Element) {
    node.setAttribute('role', 'img');
    node.setAttribute('aria-label', label);
  }
  return node;
}
