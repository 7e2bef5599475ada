import { createConfirmationToken, retrieveConfirmationToken } from './confirmation-tokens.js';
import type { OperationContext } from './context.js';
import { createCustomer, deleteCustomer, listCustomers, retrieveCustomer, updateCustomer } from './customers.js';
import { SandboxApiError, invalidRequest, notFound } from './errors.js';
import { listEvents, retrieveEvent } from './events.js';
import type { FormObject } from './form.js';
import { matchesCreated, paginate } from './lists.js';
import { assertKnown, readString, readStringArray, requireString } from './params.js';
import { cancelPaymentIntent, confirmPaymentIntent, createPaymentIntent, retrievePaymentIntent, updatePaymentIntent } from './payment-intents.js';
import { matchesSearch, parseSearch } from './search.js';
import { snapshot } from './state.js';
import type { Customer, PaymentIntent } from './types.js';
import { expandIntent, listExpand, publicIntent } from './views.js';

/** Which kind of key authenticated the request. */
export type KeyKind = 'secret' | 'publishable';

type Route = {
  method: 'GET' | 'POST' | 'DELETE';
  pattern: RegExp;
  /** Publishable keys may call this route (with the intent's client secret). */
  publishable?: boolean;
  run(ctx: OperationContext, params: FormObject, id: string, key: KeyKind): unknown;
};

const ID = '([A-Za-z0-9_]+)';

/** A route that reads one object by id and takes no parameter but `expand` (which the sandbox ignores). */
const retrieveById =
  <T>(retrieve: (ctx: OperationContext, id: string) => T): Route['run'] =>
  (ctx, params, id) => {
    assertKnown(params, ['expand']);
    return snapshot(retrieve(ctx, id));
  };

const ROUTES: Route[] = [
  { method: 'GET', pattern: /^\/v1\/payment_intents$/, run: (ctx, p) => listIntents(ctx, p) },
  { method: 'POST', pattern: /^\/v1\/payment_intents$/, run: (ctx, p) => intentView(ctx, createPaymentIntent(ctx, p), p) },
  { method: 'GET', pattern: /^\/v1\/payment_intents\/search$/, run: (ctx, p) => searchIntents(ctx, p) },
  {
    method: 'GET',
    pattern: new RegExp(`^/v1/payment_intents/${ID}$`),
    publishable: true,
    run: (ctx, p, id, key) => {
      const intent = retrievePaymentIntent(ctx, id);
      if (key === 'publishable') return publicIntent(checkSecret(intent, p));
      assertKnown(p, ['expand', 'client_secret']);
      return intentView(ctx, intent, p);
    },
  },
  { method: 'POST', pattern: new RegExp(`^/v1/payment_intents/${ID}$`), run: (ctx, p, id) => intentView(ctx, updatePaymentIntent(ctx, id, p), p) },
  {
    method: 'POST',
    pattern: new RegExp(`^/v1/payment_intents/${ID}/confirm$`),
    publishable: true,
    run: (ctx, p, id, key) => {
      if (key === 'publishable') checkSecret(retrievePaymentIntent(ctx, id), p);
      const intent = confirmPaymentIntent(ctx, id, p);
      return key === 'publishable' ? publicIntent(intent) : intentView(ctx, intent, p);
    },
  },
  { method: 'POST', pattern: new RegExp(`^/v1/payment_intents/${ID}/cancel$`), run: (ctx, p, id) => intentView(ctx, cancelPaymentIntent(ctx, id, p), p) },
  {
    method: 'GET',
    pattern: new RegExp(`^/v1/payment_methods/${ID}$`),
    run: (ctx, p, id) => {
      assertKnown(p, ['expand']);
      const method = ctx.state.paymentMethods.get(id);
      if (!method) throw notFound('PaymentMethod', id);
      return snapshot(method);
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/confirmation_tokens$/,
    publishable: true,
    run: (ctx, p, _id, key) => {
      if (key === 'secret') throw secretKeyOnTokenCreate();
      return snapshot(createConfirmationToken(ctx, p, 'stripe_js'));
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/v1/confirmation_tokens/${ID}$`),
    run: retrieveById(retrieveConfirmationToken),
  },
  { method: 'POST', pattern: /^\/v1\/test_helpers\/confirmation_tokens$/, run: (ctx, p) => snapshot(createConfirmationToken(ctx, p, 'test_helper')) },
  { method: 'GET', pattern: /^\/v1\/customers$/, run: (ctx, p) => snapshot(listCustomers(ctx, p)) },
  { method: 'POST', pattern: /^\/v1\/customers$/, run: (ctx, p) => snapshot(createCustomer(ctx, p)) },
  { method: 'GET', pattern: /^\/v1\/customers\/search$/, run: (ctx, p) => searchCustomers(ctx, p) },
  { method: 'GET', pattern: new RegExp(`^/v1/customers/${ID}$`), run: retrieveById(retrieveCustomer) },
  { method: 'POST', pattern: new RegExp(`^/v1/customers/${ID}$`), run: (ctx, p, id) => snapshot(updateCustomer(ctx, id, p)) },
  { method: 'DELETE', pattern: new RegExp(`^/v1/customers/${ID}$`), run: (ctx, _p, id) => deleteCustomer(ctx, id) },
  { method: 'GET', pattern: /^\/v1\/events$/, run: (ctx, p) => snapshot(listEvents(ctx, p)) },
  { method: 'GET', pattern: new RegExp(`^/v1/events/${ID}$`), run: retrieveById(retrieveEvent) },
];

/**
 * Runs the API route for a request, synchronously. Throws SandboxApiError for
 * Stripe-style failures (unknown URL, publishable key on a secret route, …).
 *
 * @example
 * runRoute(ctx, 'POST', '/v1/customers', { email: 'a@b.c' }, 'secret') // { id: 'cus_…', … }
 */
export function runRoute(ctx: OperationContext, method: string, path: string, params: FormObject, key: KeyKind): unknown {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (!match) continue;
    if (key === 'publishable' && !route.publishable) {
      throw new SandboxApiError(401, {
        type: 'invalid_request_error',
        message:
          'This API call cannot be made with a publishable API key. Please use a secret API key (sk_test_…); publishable keys only read and confirm a PaymentIntent with its client_secret, and create ConfirmationTokens.',
      });
    }
    const { key: _key, _stripe_version: _version, ...rest } = params;
    return route.run(ctx, key === 'publishable' ? params : rest, match[1] ?? '', key);
  }
  throw new SandboxApiError(404, {
    type: 'invalid_request_error',
    message: `Unrecognized request URL (${method}: ${path}). The Stripe sandbox emulates PaymentIntents, ConfirmationTokens, PaymentMethods (retrieve), Customers and Events; see docs/stripe-sandbox.md.`,
  });
}

function secretKeyOnTokenCreate(): SandboxApiError {
  return new SandboxApiError(400, {
    type: 'invalid_request_error',
    message:
      'ConfirmationTokens are created in the browser by Stripe.js (stripe.createConfirmationToken) with a publishable key, and this request used a secret key. To create one from a server in test mode, use POST /v1/test_helpers/confirmation_tokens (stripe.testHelpers.confirmationTokens.create).',
  });
}

function intentView(ctx: OperationContext, intent: PaymentIntent, params: FormObject): PaymentIntent {
  return expandIntent(ctx, intent, readStringArray(params, 'expand') ?? []);
}

function checkSecret(intent: PaymentIntent, params: FormObject): PaymentIntent {
  const secret = requireString(params, 'client_secret');
  if (secret !== intent.client_secret) {
    throw invalidRequest(
      'client_secret',
      `The client_secret provided does not match the client_secret associated with the PaymentIntent ${intent.id}.`,
      'payment_intent_invalid_parameter',
    );
  }
  return intent;
}

function listIntents(ctx: OperationContext, params: FormObject) {
  assertKnown(params, ['customer', 'created', 'limit', 'starting_after', 'ending_before', 'expand']);
  const customer = readString(params, 'customer');
  const expand = listExpand(readStringArray(params, 'expand') ?? []);
  const matches = [...ctx.state.paymentIntents.values()].filter(
    (pi) => (customer === undefined || pi.customer === customer) && matchesCreated(params, pi.created),
  );
  const page = paginate(ctx.state, matches, params, '/v1/payment_intents');
  return { ...page, data: page.data.map((pi) => expandIntent(ctx, pi, expand)) };
}

function searchPage<T extends { id: string; metadata: Record<string, string> }>(ctx: OperationContext, items: Iterable<T>, params: FormObject, url: string) {
  assertKnown(params, ['query', 'limit', 'page', 'expand']);
  const clauses = parseSearch(requireString(params, 'query'));
  const matches = [...items].filter((item) => matchesSearch(item as T & Record<string, unknown>, clauses));
  const offset = Number(readString(params, 'page') ?? '0');
  if (!Number.isInteger(offset) || offset < 0) throw invalidRequest('page', 'Invalid page: pass the next_page value of a previous search result.');
  const { limit: _l, page: _p, query: _q, ...rest } = params;
  const all = paginate(ctx.state, matches, { ...rest, limit: '100' }, url);
  const limit = Number(readString(params, 'limit') ?? '10');
  const data = snapshot(all.data.slice(offset, offset + limit));
  const more = offset + limit < all.data.length;
  return { object: 'search_result', data, has_more: more, next_page: more ? String(offset + limit) : null, url };
}

function searchIntents(ctx: OperationContext, params: FormObject) {
  return searchPage<PaymentIntent>(ctx, ctx.state.paymentIntents.values(), params, '/v1/payment_intents/search');
}

function searchCustomers(ctx: OperationContext, params: FormObject) {
  return searchPage<Customer>(ctx, ctx.state.customers.values(), params, '/v1/customers/search');
}
