import { CartliftError } from '@cartlift/core';
import type { CheckoutRequest, CheckoutResponse, ConfigResponse, OrderSummary, QuoteRequest, QuoteResponse } from '@cartlift/core/contract';

// The wire types are the contract's (@cartlift/core/contract), which the
// server's schemas are type-tested against.

// Structural checks of our own server's answers. Hand-written rather than
// zod/mini, whose core alone is ~6 KB gzip: the checkout chunk's 25 KB budget
// already carries Preact and the promotions engine.
type Guard<T> = (value: unknown) => value is T;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isAmount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
const hasLines = (v: Record<string, unknown>) => Array.isArray(v.lines) && v.lines.every((l) => isObject(l) && typeof l.sku === 'string');

const isQuote: Guard<QuoteResponse> = (v): v is QuoteResponse =>
  isObject(v) &&
  typeof v.currency === 'string' &&
  isAmount(v.total) &&
  isAmount(v.subtotal) &&
  hasLines(v) &&
  Array.isArray(v.applied) &&
  Array.isArray(v.notApplied);

const isConfig: Guard<ConfigResponse> = (v): v is ConfigResponse =>
  isObject(v) &&
  typeof v.publishableKey === 'string' &&
  typeof v.currency === 'string' &&
  (v.stripeJsUrl === undefined || typeof v.stripeJsUrl === 'string') &&
  Array.isArray(v.promotions) &&
  isObject(v.addOns) &&
  Object.values(v.addOns).every((offers) => Array.isArray(offers) && offers.every((o) => isObject(o) && typeof o.sku === 'string' && isAmount(o.price)));

const isRemind = (v: unknown): v is { sent: boolean; reason?: string } => isObject(v) && typeof v.sent === 'boolean';

const isOrder = (v: unknown): v is OrderSummary => isObject(v) && typeof v.orderNumber === 'string' && isAmount(v.amount) && Array.isArray(v.items);

const isAnswer: Guard<CheckoutResponse> = (v): v is CheckoutResponse =>
  isObject(v) &&
  typeof v.paymentIntentId === 'string' &&
  isAmount(v.amount) &&
  typeof v.currency === 'string' &&
  (v.quote === undefined || isQuote(v.quote)) &&
  (v.status === 'requires_action'
    ? typeof v.clientSecret === 'string'
    : (v.status === 'succeeded' || v.status === 'processing') && (v.order === null || isOrder(v.order)));

function errorOf(v: unknown): { code: string; message: string; field?: string } | undefined {
  if (!isObject(v) || !isObject(v.error)) return undefined;
  const { code, message, field } = v.error;
  return typeof code === 'string' && typeof message === 'string' ? { code, message, ...(typeof field === 'string' ? { field } : {}) } : undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The browser's client for the Cartlift server. Responses are checked before
 * use; errors arrive as CartliftError sentences with the server's status. `checkout` is idempotent by
 * checkoutId, so it retries network failures without risking a second charge.
 *
 * @example
 * const api = createServerApi('/api/cartlift');
 * const quote = await api.quote({ lines: [{ sku: 'TEA-LJ-100', quantity: 1 }] });
 */
export function createServerApi(endpoint: string, fetcher: typeof fetch = (...a) => fetch(...a)) {
  let originRefusalLogged = false;
  async function call<T>(path: string, guard: Guard<T>, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetcher(`${endpoint}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch (error) {
      throw new CartliftError('network', `Could not reach the shop's server (${String(error)}).`, undefined, { status: 0 });
    }
    const data: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const error = errorOf(data);
      const quote = isObject(data) && isQuote(data.quote) ? data.quote : undefined;
      // A shop on an origin the server does not list: the page works on, and its developer learns which option to set.
      if (error?.code === 'origin_not_allowed' && !originRefusalLogged) console.error(`Cartlift: ${error.message}`);
      originRefusalLogged ||= error?.code === 'origin_not_allowed';
      if (error) throw new CartliftError(error.code, error.message, error.field, { status: response.status, ...(quote ? { quote } : {}) });
      throw new CartliftError('server', `The shop's server answered ${response.status}.`, undefined, { status: response.status });
    }
    if (!guard(data))
      throw new CartliftError('bad_response', `The shop's server sent an unexpected answer to ${path}.`, undefined, { status: response.status });
    return data;
  }

  let config: Promise<ConfigResponse> | undefined;
  return {
    /** Fetched once per page; a failure is retried on the next call. */
    config(): Promise<ConfigResponse> {
      config ??= call('/config', isConfig).catch((error: unknown) => {
        config = undefined;
        throw error;
      });
      return config;
    },
    quote: (body: QuoteRequest) => call('/quote', isQuote, body),
    /** One payment attempt, decided by the server: retried on network failures (the same checkoutId never charges twice). */
    checkout: (body: CheckoutRequest) => retried(() => call('/checkout', isAnswer, body)),
    /** Where an attempt stands after a next action (3-D Secure, WeChat Pay) or Alipay's return. */
    complete: (checkoutId: string, abandon = false) => retried(() => call('/checkout/complete', isAnswer, { checkoutId, ...(abandon ? { abandon } : {}) })),
    /** "Review later": the shop mails this order's review links again (once a day). */
    remind: (checkoutId: string) => call('/reviews/remind', isRemind, { checkoutId }),
  };

  async function retried<T>(request: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request();
      } catch (error) {
        const retriable = error instanceof CartliftError && (error.code === 'network' || (error.status ?? 0) >= 500 || error.code === 'checkout_in_progress');
        if (!retriable || attempt >= 2) throw error;
        await sleep(300 * 2 ** attempt);
      }
    }
  }
}

export type ServerApi = ReturnType<typeof createServerApi>;
