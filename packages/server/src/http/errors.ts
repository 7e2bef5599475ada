import type { ErrorResponse } from '@cartlift/core/contract';
import { CartliftError } from '@cartlift/core';
import { isDatabaseOutage } from '../store/outage.js';

/** Seconds a client waits before retrying when the database is unreachable: long enough for a restart, short enough for a shopper. */
export const OUTAGE_RETRY_AFTER_SECONDS = 2;

/**
 * A client mistake (or an upstream refusal) as the server answers it: core's
 * CartliftError (code, field, sentence) with its HTTP status, and the headers
 * and fields answered beside `error` (Retry-After, a `price_changed` quote).
 *
 * @example
 * throw new HttpError(429, 'too_many_checkouts', 'Too many payment attempts from this address; wait 30 seconds.', undefined, { 'retry-after': '30' });
 */
export class HttpError extends CartliftError {
  declare readonly status: number;
  readonly headers: Record<string, string>;
  /** Fields answered beside `error`, such as the new quote of a `price_changed`. */
  readonly extra: Record<string, unknown>;
  constructor(status: number, code: string, message: string, field?: string, headers: Record<string, string> = {}, extra: Record<string, unknown> = {}) {
    super(code, message, field, { status });
    this.name = 'HttpError';
    this.headers = headers;
    this.extra = extra;
  }
}

/**
 * A JSON response with the store's error shape.
 *
 * @example
 * errorResponse(404, 'not_found', 'No route POST /api/cartlift/nope.')
 */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  field?: string,
  headers: Record<string, string> = {},
  extra: Record<string, unknown> = {},
): Response {
  const error: ErrorResponse['error'] = { code, message };
  if (field !== undefined) error.field = field;
  return json({ ...extra, error } satisfies ErrorResponse, status, headers);
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/**
 * Turns anything thrown while handling a request into a response: known
 * client mistakes keep their 4xx; the database being unreachable (see
 * `isDatabaseOutage`) is the server's own outage, a 503 `service_unavailable`
 * with Retry-After; everything else is logged in full and answered with a
 * generic 500 (no stack or detail reaches the client).
 *
 * @example
 * const response = toErrorResponse(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), console.error)
 * response.status // 503, with retry-after: 2
 */
export function toErrorResponse(error: unknown, log: (message: string, error: unknown) => void): Response {
  if (error instanceof HttpError) return errorResponse(error.status, error.code, error.message, error.field, error.headers, error.extra);
  if (error instanceof CartliftError) return errorResponse(400, error.code, error.message, error.field);
  if (isDatabaseOutage(error)) {
    log('[cartlift] the database is unavailable; answering 503:', error);
    return errorResponse(
      503,
      'service_unavailable',
      `The shop's database is unavailable right now; please try again in ${OUTAGE_RETRY_AFTER_SECONDS} seconds.`,
      undefined,
      { 'retry-after': String(OUTAGE_RETRY_AFTER_SECONDS) },
    );
  }
  log('[cartlift] unexpected error while handling a request:', error);
  return errorResponse(500, 'internal_error', 'The server could not complete this request; the error has been logged. Please try again.');
}
