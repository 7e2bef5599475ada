import { encodeForm } from '../form.js';
import { intentIdFromSecret } from './client-secret.js';

/** The subset of a PaymentIntent Stripe.js sees (publishable-key view). */
export interface ClientIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  currency: string;
  status: string;
  client_secret: string;
  payment_method: string | null;
  payment_method_types: string[];
  next_action: null | { type: string; [key: string]: unknown };
  last_payment_error: null | { type: string; code?: string; message?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** Stripe.js's error object (`{ type, code, message, param, payment_intent }`). */
export interface ClientError {
  type: string;
  code?: string;
  message: string;
  param?: string;
  decline_code?: string;
  payment_intent?: ClientIntent;
}

export type ApiResult = { intent: ClientIntent; error?: undefined } | { intent?: undefined; error: ClientError };

/** A ConfirmationToken as the API returns it (see @stripe/stripe-js's api.ConfirmationToken). */
export interface ClientConfirmationToken {
  id: string;
  object: 'confirmation_token';
  payment_method_preview: { type: string; [key: string]: unknown };
  [key: string]: unknown;
}

export type TokenApiResult = { token: ClientConfirmationToken; error?: undefined } | { token?: undefined; error: ClientError };

/**
 * Calls the sandbox API as Stripe.js calls Stripe's: form-encoded simple
 * requests carrying the publishable key as `key` (no preflight), scoped to a
 * PaymentIntent by its client secret, or creating a ConfirmationToken.
 *
 * @example
 * const api = createApiClient('http://127.0.0.1:12111', 'pk_test_123');
 * const { intent, error } = await api.retrieve('pi_1_secret_abc');
 */
export function createApiClient(apiBase: string, publishableKey: string, fetchImpl: typeof fetch = (...args) => fetch(...args)) {
  /** One API request with the publishable key; the parsed JSON body or Stripe.js's error object. */
  async function request(
    method: 'GET' | 'POST',
    path: string,
    params: Record<string, unknown>,
  ): Promise<{ json: Record<string, unknown>; error?: undefined } | { json?: undefined; error: ClientError }> {
    const body = encodeForm({ ...params, key: publishableKey });
    const url = `${apiBase}${path}`;
    let response: Response;
    try {
      response =
        method === 'GET'
          ? await fetchImpl(`${url}?${body}`)
          : await fetchImpl(url, { method, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    } catch (cause) {
      return { error: { type: 'api_connection_error', message: `Could not reach the Stripe sandbox at ${apiBase}: ${(cause as Error).message}.` } };
    }
    const json = (await response.json().catch(() => null)) as { error?: ClientError } | null;
    if (!json) return { error: { type: 'api_error', message: `The Stripe sandbox answered ${response.status} with a body that is not JSON.` } };
    if (json.error) return { error: json.error };
    return { json };
  }

  async function call(method: 'GET' | 'POST', clientSecret: string, suffix: string, params: Record<string, unknown> = {}): Promise<ApiResult> {
    const parsed = intentIdFromSecret(clientSecret);
    if (!parsed.ok) return { error: { type: 'invalid_request_error', code: 'parameter_invalid', param: 'client_secret', message: parsed.message } };
    const result = await request(method, `/v1/payment_intents/${parsed.id}${suffix}`, { ...params, client_secret: clientSecret });
    return result.error ? { error: result.error } : { intent: result.json as unknown as ClientIntent };
  }

  return {
    retrieve: (clientSecret: string) => call('GET', clientSecret, ''),
    confirm: (clientSecret: string, params: Record<string, unknown>) => call('POST', clientSecret, '/confirm', params),
    /** POST /v1/confirmation_tokens, as stripe.createConfirmationToken does (no client secret involved). */
    async createConfirmationToken(params: Record<string, unknown>): Promise<TokenApiResult> {
      const result = await request('POST', '/v1/confirmation_tokens', params);
      return result.error ? { error: result.error } : { token: result.json as unknown as ClientConfirmationToken };
    },
    /** Completes a pending test action (hosted authorize URL from next_action) and returns the intent. */
    async authorize(actionUrl: string, clientSecret: string, result: 'succeed' | 'fail'): Promise<ApiResult> {
      const url = new URL(actionUrl);
      const token = url.searchParams.get('token') ?? '';
      try {
        const response = await fetchImpl(`${url.origin}${url.pathname}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: encodeForm({ token, result }),
        });
        if (!response.ok) {
          const json = (await response.json().catch(() => null)) as { error?: ClientError } | null;
          return { error: json?.error ?? { type: 'api_error', message: `The Stripe sandbox answered ${response.status} when completing the test action.` } };
        }
      } catch (cause) {
        return { error: { type: 'api_connection_error', message: `Could not reach the Stripe sandbox at ${url.origin}: ${(cause as Error).message}.` } };
      }
      return call('GET', clientSecret, '');
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
