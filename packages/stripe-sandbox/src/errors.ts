/** Stripe's error object, as found under `error` in a failed response. */
export interface StripeErrorBody {
  type: 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error' | 'authentication_error';
  message: string;
  code?: string;
  param?: string;
  decline_code?: string;
  doc_url?: string;
  payment_intent?: unknown;
  payment_method?: unknown;
}

/**
 * Thrown by request handlers; the HTTP layer turns it into Stripe's error JSON
 * `{ error: { type, code, message, param } }` with `status`.
 *
 * @example
 * throw new SandboxApiError(400, { type: 'invalid_request_error', code: 'parameter_missing', param: 'amount', message: 'Missing required param: amount.' })
 */
export class SandboxApiError extends Error {
  readonly status: number;
  readonly body: StripeErrorBody;
  constructor(status: number, body: StripeErrorBody) {
    super(body.message);
    this.name = 'SandboxApiError';
    this.status = status;
    this.body = body;
  }
}

/**
 * Shorthand for the common 400 `invalid_request_error`.
 *
 * @example
 * throw invalidRequest('amount', 'Invalid integer: 12.5', 'parameter_invalid_integer')
 */
export function invalidRequest(param: string | undefined, message: string, code?: string): SandboxApiError {
  const body: StripeErrorBody = { type: 'invalid_request_error', message };
  if (code) body.code = code;
  if (param) body.param = param;
  return new SandboxApiError(400, body);
}

/**
 * 404 for an id that does not exist, worded like Stripe.
 *
 * @example
 * throw notFound('payment_intent', 'pi_123')
 */
export function notFound(kind: string, id: string, param = 'id'): SandboxApiError {
  return new SandboxApiError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    param,
    message: `No such ${kind}: '${id}'`,
  });
}
