import type { IncomingMessage, ServerResponse } from 'node:http';
import { authorizeAction, settleAction } from './actions.js';
import { authenticate, sandboxSecretKey, secretKeyFromBrowser } from './auth.js';
import type { OperationContext } from './context.js';
import { SandboxApiError, invalidRequest, notFound } from './errors.js';
import { recordEvent } from './events.js';
import { parseForm, type FormObject } from './form.js';
import { corsHeaders, preflight, readBody, send } from './http.js';
import { createIdempotencyStore, fingerprint } from './idempotency.js';
import { randomId } from './ids.js';
import { PAGE_CSP, PAGE_CSS, authorizePage, messagePage } from './pages.js';
import { runRoute } from './routes.js';
import { createState, snapshot } from './state.js';
import { stripeJsSource } from './stripe-js-asset.js';
import type { ConfirmationToken, PaymentIntent, StripeEvent, Customer } from './types.js';
import { expandIntent } from './views.js';
import { createWebhookDispatcher, type DeliveryAttempt, type WebhookEndpoint } from './webhooks.js';

/** The API version the sandbox reports (the one stripe-node v23 pins). */
export const SANDBOX_API_VERSION = '2026-10-28.endive';

export interface StripeSandboxOptions {
  /** Webhook endpoints to deliver every event to; `secret` defaults to the sandbox's `webhookSecret`. */
  webhooks?: { url: string; secret?: string; enabledEvents?: string[] }[];
  /** Signing secret for endpoints added without one (default: a random `whsec_…`). */
  webhookSecret?: string;
  /** Attempts per event and endpoint, first included (default 3). */
  webhookAttempts?: number;
  /** First retry delay in ms, doubling each retry (default 250). */
  webhookRetryDelayMs?: number;
  /** Public origin for hosted test pages (default: from each request's Host header). */
  publicUrl?: string;
  /** Largest accepted request body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /**
   * The one secret key the API accepts (default: made up on each start, `sk_test_sandbox_…`).
   * Set it when another process must call the sandbox, such as browser tests checking what reached "Stripe".
   */
  secretKey?: string;
}

/**
 * The sandbox as a Node `http` request listener plus its test hooks, for
 * mounting in an existing server. `startStripeSandbox` wraps it in its own server.
 *
 * @example
 * import http from 'node:http';
 * const sandbox = createStripeSandboxHandler();
 * http.createServer(sandbox.handle).listen(12111, '127.0.0.1');
 */
export function createStripeSandboxHandler(options: StripeSandboxOptions = {}) {
  const state = createState();
  const idempotency = createIdempotencyStore();
  const hooks = createWebhookDispatcher({ attempts: options.webhookAttempts ?? 3, retryDelayMs: options.webhookRetryDelayMs ?? 250 });
  const webhookSecret = options.webhookSecret ?? randomId('whsec', 32);
  const maxBody = options.maxBodyBytes ?? 1 << 20;
  const secretKey = sandboxSecretKey(options.secretKey, () => `sk_test_sandbox_${randomId('k', 16).slice(2)}`);
  const publishableKey = `pk_test_sandbox_${randomId('k', 16).slice(2)}`;
  let publicUrl = options.publicUrl?.replace(/\/$/, '');
  for (const hook of options.webhooks ?? []) hooks.addEndpoint(hook.url, hook.secret ?? webhookSecret, hook.enabledEvents);

  function publish(type: string, object: unknown, previousAttributes: Record<string, unknown> | undefined, request: StripeEvent['request'] | null): void {
    const base = { type, object, now: Math.floor(Date.now() / 1000), apiVersion: SANDBOX_API_VERSION, request, pendingWebhooks: 0 };
    const event = recordEvent(state, previousAttributes ? { ...base, previousAttributes } : base);
    event.pending_webhooks = hooks.count(event);
    void hooks.deliver(event);
  }

  /**
   * An operation context. With `buffer`, events wait there until the request
   * is known to have taken effect (a refused request emits nothing).
   */
  function context(req: IncomingMessage | null, request: StripeEvent['request'] | null, buffer?: (() => void)[]): OperationContext {
    return {
      state,
      now: Math.floor(Date.now() / 1000),
      baseUrl: publicUrl ?? `http://${req?.headers.host ?? '127.0.0.1'}`,
      emit(type, object, previousAttributes) {
        const snap = snapshot(object);
        if (buffer) buffer.push(() => publish(type, snap, previousAttributes, request));
        else publish(type, snap, previousAttributes, request);
      },
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A hosted test action is completed by Stripe.js from the shop's page; its action token is the capability.
    let cors: Record<string, string> = {};
    try {
      const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
      const method = req.method ?? 'GET';
      if (url.pathname.startsWith('/sandbox/authorize/')) cors = corsHeaders(req);
      if (method === 'OPTIONS') return preflight(req, res);
      if (url.pathname.startsWith('/v1/')) return await api(req, res, url, method);
      if (method === 'GET' && /^\/(v3\/?|v3\/stripe\.js|stripe\.js)$/.test(url.pathname)) {
        // Public code, the same for everyone: any page may load it, as js.stripe.com serves it.
        return send(res, 200, await stripeJsSource(), { 'content-type': 'text/javascript; charset=utf-8', 'access-control-allow-origin': '*' });
      }
      if (method === 'GET' && url.pathname === '/sandbox/page.css') return send(res, 200, PAGE_CSS, { 'content-type': 'text/css; charset=utf-8' });
      const authorize = /^\/sandbox\/authorize\/([A-Za-z0-9_]+)$/.exec(url.pathname);
      if (authorize) return await authorizeRoute(req, res, url, method, authorize[1] ?? '');
      if (method === 'GET' && url.pathname === '/') {
        return sendJson(res, 200, { object: 'stripe_sandbox', api: '/v1', stripe_js: '/v3/', note: 'Test mode only. No real payments.' }, {});
      }
      return sendJson(res, 404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${url.pathname}).` } }, {});
    } catch (error) {
      if (res.headersSent) return void res.destroy();
      if (error instanceof SandboxApiError) return sendJson(res, error.status, { error: error.body }, cors);
      console.error('[stripe-sandbox] unexpected error', error);
      return sendJson(res, 500, { error: { type: 'api_error', message: 'The Stripe sandbox hit an unexpected error; see its console output.' } }, {});
    }
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL, method: string): Promise<void> {
    const requestId = randomId('req', 14);
    const body = await readBody(req, maxBody);
    const headers: Record<string, string> = { 'request-id': requestId, 'stripe-version': header(req, 'stripe-version') ?? SANDBOX_API_VERSION };
    let params: FormObject;
    try {
      params = parseForm(method === 'POST' ? body : url.search.slice(1));
    } catch (error) {
      throw invalidRequest(undefined, `Invalid request body: ${(error as Error).message}`);
    }
    try {
      const key = authenticate(header(req, 'authorization'), params.key, secretKey);
      // An Origin header means a page's fetch: secret keys never work there, and only publishable answers are readable.
      if (key === 'secret' && req.headers.origin !== undefined) throw secretKeyFromBrowser();
      if (key === 'publishable') Object.assign(headers, corsHeaders(req));
      const idempotencyKey = method === 'POST' ? header(req, 'idempotency-key') : undefined;
      if (idempotencyKey === undefined) {
        execute(req, res, method, url.pathname, params, key, headers, null);
        return;
      }
      if (idempotencyKey.length > 255) throw invalidRequest(undefined, `Idempotency-Key must be at most 255 characters; received ${idempotencyKey.length}.`);
      headers['idempotency-key'] = idempotencyKey;
      const print = fingerprint(method, url.pathname, params);
      const found = idempotency.lookup(idempotencyKey, print);
      if (found.kind === 'replay')
        return send(res, found.response.status, found.response.body, {
          ...headers,
          'content-type': 'application/json',
          'idempotent-replayed': 'true',
          'original-request': found.response.requestId,
        });
      if (found.kind === 'mismatch') {
        throw new SandboxApiError(400, {
          type: 'idempotency_error',
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
        });
      }
      const response = execute(req, res, method, url.pathname, params, key, headers, idempotencyKey);
      // Stripe keeps results of requests that executed; validation failures are not saved.
      if (response.status === 200 || response.status === 402) idempotency.save(idempotencyKey, print, { ...response, requestId });
    } catch (error) {
      if (!(error instanceof SandboxApiError)) throw error;
      sendJson(res, error.status, { error: error.body }, headers);
    }
  }

  function execute(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    path: string,
    params: FormObject,
    key: 'secret' | 'publishable',
    headers: Record<string, string>,
    idempotencyKey: string | null,
  ) {
    const pendingEvents: (() => void)[] = [];
    const ctx = context(req, { id: headers['request-id'] ?? null, idempotency_key: idempotencyKey }, pendingEvents);
    let status = 200;
    let payload: unknown;
    try {
      payload = runRoute(ctx, method, path, params, key);
    } catch (error) {
      if (!(error instanceof SandboxApiError)) throw error;
      status = error.status;
      payload = { error: error.body };
    }
    // A decline (402) is a recorded outcome with events; other refusals change nothing.
    if (status === 200 || status === 402) for (const flush of pendingEvents) flush();
    const body = JSON.stringify(payload, null, 2);
    send(res, status, body, { ...headers, 'content-type': 'application/json' });
    return { status, body };
  }

  async function authorizeRoute(req: IncomingMessage, res: ServerResponse, url: URL, method: string, id: string): Promise<void> {
    const pageHeaders = { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PAGE_CSP };
    if (method === 'GET') {
      const intent = state.paymentIntents.get(id);
      const action = state.actions.get(id);
      if (!intent || !action || action.token !== url.searchParams.get('token')) {
        return send(
          res,
          404,
          messagePage(
            'Nothing to authorize / 无需授权',
            'This test payment is not waiting for authorization: it may already be authorized, failed or canceled.',
          ),
          pageHeaders,
        );
      }
      return send(res, 200, authorizePage(intent, action, `/sandbox/authorize/${id}`), pageHeaders);
    }
    if (method !== 'POST') throw notFound('page', url.pathname);
    const form = parseForm(await readBody(req, maxBody));
    const result = form.result === 'fail' ? 'fail' : 'succeed';
    const wantsJson = (header(req, 'accept') ?? '').includes('application/json');
    let outcome: { intent: PaymentIntent; returnUrl: string | null };
    try {
      outcome = authorizeAction(context(req, null), id, typeof form.token === 'string' ? form.token : '', result);
    } catch (error) {
      if (wantsJson || !(error instanceof SandboxApiError)) throw error;
      return send(res, error.status, messagePage('Nothing to authorize / 无需授权', error.body.message), pageHeaders);
    }
    const { intent, returnUrl } = outcome;
    if (wantsJson) return sendJson(res, 200, { id: intent.id, object: 'payment_intent', status: intent.status }, corsHeaders(req));
    if (!returnUrl) {
      const done = result === 'succeed' ? 'Test payment authorized / 测试付款已授权' : 'Test payment failed / 测试付款失败';
      return send(res, 200, messagePage(done, 'You can close this window and return to the shop.'), pageHeaders);
    }
    const back = new URL(returnUrl);
    back.searchParams.set('payment_intent', intent.id);
    back.searchParams.set('payment_intent_client_secret', intent.client_secret);
    back.searchParams.set('redirect_status', intent.status === 'succeeded' ? 'succeeded' : 'failed');
    res.writeHead(303, { location: back.toString(), 'cache-control': 'no-store' });
    res.end();
  }

  const inspect = () => context(null, null);

  return {
    /** Node `http` request listener. */
    handle(req: IncomingMessage, res: ServerResponse): void {
      void handle(req, res);
    },
    /** Sets the origin used in hosted-page links (done by startStripeSandbox once listening). */
    setPublicUrl(url: string): void {
      publicUrl = url.replace(/\/$/, '');
    },
    /** Default signing secret for webhook endpoints. */
    webhookSecret,
    /** The one secret key the API accepts (server-side calls only). Not a real secret. */
    secretKey,
    /** A test-mode publishable key for the browser (any `pk_test_…` works: it reaches an intent only with its client secret). */
    publishableKey,
    /** Adds a webhook endpoint; its secret defaults to `webhookSecret`. */
    addWebhookEndpoint(url: string, secret: string = webhookSecret, enabledEvents?: string[]): WebhookEndpoint {
      return hooks.addEndpoint(url, secret, enabledEvents);
    },
    /** Copies of every PaymentIntent, oldest first, with `payment_method` expanded (its `type` shows what the shopper used). */
    paymentIntents(): PaymentIntent[] {
      return inOrder([...state.paymentIntents.values()]).map((pi) => expandIntent(inspect(), pi, ['payment_method']));
    },
    /** Copies of every ConfirmationToken, oldest first (`payment_intent` shows which intent used it). */
    confirmationTokens(): ConfirmationToken[] {
      return inOrder([...state.confirmationTokens.values()].map((r) => r.token)).map(snapshot);
    },
    /** Copies of every Customer, oldest first. */
    customers(): Customer[] {
      return inOrder([...state.customers.values()]).map(snapshot);
    },
    /** Copies of every event, oldest first. */
    events(): StripeEvent[] {
      return inOrder([...state.events.values()]).map(snapshot);
    },
    /** Every webhook delivery attempt so far. */
    deliveries(): DeliveryAttempt[] {
      return hooks.attempts();
    },
    /** Stops webhook delivery: attempts in flight are aborted, none are started. */
    stopWebhooks(): void {
      hooks.stop();
    },
    /** Resolves when no webhook delivery (including retries) is in flight. */
    webhooksIdle(): Promise<void> {
      return hooks.idle();
    },
    /** Delivers an existing event again (as Stripe may), resolving after its attempts. */
    async redeliver(eventId: string): Promise<DeliveryAttempt[]> {
      const event = state.events.get(eventId);
      if (!event) throw new Error(`redeliver(eventId): no event ${JSON.stringify(eventId)} exists in this sandbox.`);
      const before = hooks.attempts().length;
      await hooks.deliver(event);
      return hooks
        .attempts()
        .slice(before)
        .filter((a) => a.eventId === eventId);
    },
    /** Creates and delivers an arbitrary event (e.g. to test unknown types), resolving after delivery. */
    async emitEvent(type: string, object: unknown): Promise<StripeEvent> {
      const ctx = inspect();
      const base = { type, object, now: ctx.now, apiVersion: SANDBOX_API_VERSION, request: null, pendingWebhooks: 0 };
      const event = recordEvent(state, base);
      event.pending_webhooks = hooks.count(event);
      await hooks.deliver(event);
      return snapshot(event);
    },
    /** Completes a PaymentIntent's pending action (3-D Secure, Alipay, WeChat Pay) without the hosted page. */
    completeAction(paymentIntentId: string, result: 'succeed' | 'fail' = 'succeed'): PaymentIntent {
      const ctx = inspect();
      const action = state.actions.get(paymentIntentId);
      if (!action) throw new Error(`completeAction(paymentIntentId): PaymentIntent ${JSON.stringify(paymentIntentId)} has no pending action.`);
      return snapshot(authorizeAction(ctx, paymentIntentId, action.token, result).intent);
    },
    /** Moves a waiting PaymentIntent straight to succeeded or failed (as if the shopper finished elsewhere). */
    settle(paymentIntentId: string, result: 'succeed' | 'fail' = 'succeed'): PaymentIntent {
      const ctx = inspect();
      const intent = state.paymentIntents.get(paymentIntentId);
      if (!intent) throw new Error(`settle(paymentIntentId): no PaymentIntent ${JSON.stringify(paymentIntentId)}.`);
      if (intent.status !== 'requires_action' && intent.status !== 'requires_confirmation') {
        throw new Error(
          `settle(paymentIntentId): expected PaymentIntent ${paymentIntentId} in requires_action or requires_confirmation; it is ${intent.status}.`,
        );
      }
      state.actions.delete(paymentIntentId);
      return snapshot(settleAction(ctx, intent, result));
    },
  };

  function inOrder<T extends { id: string }>(items: T[]): T[] {
    return items.sort((a, b) => (state.order.get(a.id) ?? 0) - (state.order.get(b.id) ?? 0));
  }
}

export type StripeSandboxHandler = ReturnType<typeof createStripeSandboxHandler>;

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sendJson(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string>): void {
  send(res, status, JSON.stringify(payload, null, 2), { ...headers, 'content-type': 'application/json' });
}
