import type { ApiClient, ClientConfirmationToken, ClientError } from './api.js';
import type { SandboxElements } from './elements.js';
import { collectMethodData, groupTypes, mergeMethodData } from './method-data.js';

/** `stripe.createConfirmationToken`'s options, as in @stripe/stripe-js's CreateConfirmationToken. */
export interface CreateConfirmationTokenOptions {
  elements: SandboxElements;
  params?: {
    return_url?: string | null;
    shipping?: Record<string, unknown>;
    payment_method_data?: { billing_details?: Record<string, unknown>; [key: string]: unknown };
    [key: string]: unknown;
  };
}

/** @stripe/stripe-js's ConfirmationTokenResult. */
export type ConfirmationTokenResult = { confirmationToken: ClientConfirmationToken; error?: undefined } | { confirmationToken?: undefined; error: ClientError };

const CALLER = 'stripe.createConfirmationToken()';
const integration = (message: string): { error: ClientError } => ({
  error: { type: 'invalid_request_error', code: 'integration_error', message: `${CALLER}: ${message}` },
});

/**
 * `stripe.createConfirmationToken({ elements, params })`: turns what the
 * Payment Element or the Express Checkout test wallet collected into a
 * ConfirmationToken (POST /v1/confirmation_tokens with the publishable key),
 * for the server to confirm a PaymentIntent with. Like Stripe.js, Elements
 * created with `mode` must have had `elements.submit()` awaited first. Needs
 * no client secret: in this flow the PaymentIntent does not exist yet.
 *
 * @example
 * await elements.submit();
 * const { confirmationToken, error } = await createConfirmationToken(api, { elements, params: { return_url: 'https://shop.test/done' } });
 */
export async function createConfirmationToken(api: ApiClient, options: CreateConfirmationTokenOptions): Promise<ConfirmationTokenResult> {
  if (!options || typeof options !== 'object') return integration('expected an options object such as { elements, params: { return_url } }.');
  const group = options.elements?._group;
  if (!group) return integration(`expected elements to be an Elements instance from stripe.elements(), received ${typeof options.elements}.`);
  if (group.options.mode && !group.submitted)
    return integration('call elements.submit() and await it before createConfirmationToken when Elements was created with mode.');
  const { payment_method_data: extra = {}, ...rest } = options.params ?? {};
  if (rest.return_url === null) delete rest.return_url;
  await group.loaded;
  const data = collectMethodData(group, group.intent?.payment_method_types ?? groupTypes(group.options), CALLER);
  if ('error' in data) return data;
  const result = await api.createConfirmationToken({ ...rest, payment_method_data: mergeMethodData(extra, data.value) });
  // Like confirmPayment: each token needs a fresh submit, and a used wallet sheet is spent.
  group.submitted = false;
  group.wallet = null;
  if (result.error) {
    group.payment?.showError(result.error.message);
    return { error: result.error };
  }
  return { confirmationToken: result.token };
}
