import type { Route, RouteHandler } from '../router.js';
import { HttpError } from './errors.js';

/** Origins whose pages may call the shopper API: exact origins, or "*" for any. */
export type AllowedOrigins = ReadonlySet<string> | '*';

/** Chrome caps a preflight's cache at 2 hours; asking for more changes nothing. */
const PREFLIGHT_MAX_AGE_SECONDS = 7200;

/**
 * Checks an `allowedOrigins` option when the handler is created: exact
 * origins such as "https://shop.example", or "*". `option` names it in the
 * error ("allowedOrigins", or the older "analytics.allowedOrigins").
 *
 * @example
 * parseAllowedOrigins(['https://shop.example']) // Set { 'https://shop.example' }
 * parseAllowedOrigins(['https://shop.example/']) // throws: … no path or slash; received "https://shop.example/".
 */
export function parseAllowedOrigins(value: unknown, option = 'allowedOrigins'): AllowedOrigins {
  if (value === undefined) return new Set();
  if (value === '*') return '*';
  const list = Array.isArray(value) ? value : [value];
  for (const origin of list) {
    if (!isOrigin(origin))
      throw new Error(
        `${option} must be "*" or a list of origins such as "https://shop.example" (scheme, host, optional port, no path or slash); received ${JSON.stringify(origin)}.`,
      );
  }
  return new Set(list as string[]);
}

function isOrigin(value: unknown): boolean {
  try {
    return typeof value === 'string' && new URL(value).origin === value;
  } catch {
    return false;
  }
}

/**
 * Both lists together: what `/events` allows while the older
 * `analytics.allowedOrigins` is still read beside `allowedOrigins`.
 *
 * @example
 * unionOfOrigins(new Set(['https://a.example']), new Set(['https://b.example'])) // Set { 'https://a.example', 'https://b.example' }
 */
export function unionOfOrigins(first: AllowedOrigins, second: AllowedOrigins): AllowedOrigins {
  if (first === '*' || second === '*') return '*';
  return new Set([...first, ...second]);
}

function sameSite(request: Request, origin: string): boolean {
  // Browsers say so themselves; otherwise compare host names (a TLS-terminating proxy changes the scheme).
  if (request.headers.get('sec-fetch-site') === 'same-origin') return true;
  try {
    return new URL(origin).host === (request.headers.get('host') ?? new URL(request.url).host);
  } catch {
    return false;
  }
}

/** The sentence a page on an origin not listed gets, naming the option to set (the SDK logs it as is). */
export function originRefusal(origin: string): HttpError {
  const shown = JSON.stringify(origin.slice(0, 100));
  return new HttpError(
    403,
    'origin_not_allowed',
    `Requests from pages on ${shown} are refused by this Cartlift server: add ${shown} to its allowedOrigins option (the config file or createCartliftHandler) to let that shop use it.`,
    'origin',
  );
}

/**
 * The CORS headers for a shopper API request, from its `Origin`: none beyond
 * `Vary` for same-origin or origin-less requests; the origin echoed when it is
 * listed; otherwise the 403 of `originRefusal`, thrown.
 *
 * @example
 * originHeaders(request, new Set(['https://shop.example'])) // { 'access-control-allow-origin': 'https://shop.example', vary: 'Origin', … }
 */
export function originHeaders(request: Request, allowed: AllowedOrigins): Record<string, string> {
  const origin = request.headers.get('origin');
  if (origin === null || (allowed !== '*' && !allowed.has(origin) && sameSite(request, origin))) return { vary: 'Origin' };
  if (allowed === '*' || allowed.has(origin)) {
    // Retry-After is not a CORS-safelisted header: without this, a shop on another origin could not honour a 429 or 503.
    return { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'Retry-After', vary: 'Origin' };
  }
  throw originRefusal(origin);
}

function withHeaders(response: Response, added: Record<string, string>): Response {
  // Our own answers have mutable headers: set in place. A Response whose headers are immutable
  // (Response.error(), a fetch's answer passed through) is copied instead.
  let target = response;
  try {
    addHeaders(response.headers, added);
  } catch {
    target = new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
    addHeaders(target.headers, added);
  }
  return target;
}

function addHeaders(headers: Headers, added: Record<string, string>): void {
  for (const [name, value] of Object.entries(added)) {
    if (name === 'vary' && headers.has('vary')) headers.set('vary', `${headers.get('vary')}, ${value}`);
    else headers.set(name, value);
  }
}

export interface CrossOriginOptions {
  /** Turns what a wrapped handler threw into its answer (the handler's own error answers, logging included). */
  answerError: (error: unknown, request: Request) => Response;
  /** Called for each request refused for its origin (the collector counts them). */
  onRefused?: () => void;
}

function crossOriginHandler(handler: RouteHandler, allowed: AllowedOrigins, { answerError, onRefused }: CrossOriginOptions): RouteHandler {
  return async (request, context) => {
    let cors: Record<string, string>;
    try {
      cors = originHeaders(request, allowed);
    } catch (error) {
      onRefused?.();
      // Readable by the refused page (the error is all it learns), so the SDK can log which option to set.
      const origin = request.headers.get('origin') ?? '';
      return withHeaders(answerError(error, request), { 'access-control-allow-origin': origin, vary: 'Origin' });
    }
    let response: Response;
    try {
      response = await handler(request, context);
    } catch (error) {
      response = answerError(error, request);
    }
    return withHeaders(response, cors);
  };
}

function preflightHandler(methods: string[], allowed: AllowedOrigins, options: CrossOriginOptions): RouteHandler {
  const headers: Record<string, string> = {
    'access-control-allow-methods': methods.join(', '),
    'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
  };
  // Only JSON bodies need a header beyond the safelisted ones; a GET sends none.
  if (methods.some((method) => method !== 'GET')) headers['access-control-allow-headers'] = 'content-type';
  return async (request) => {
    try {
      const cors = originHeaders(request, allowed);
      return new Response(null, { status: 204, headers: { ...cors, ...headers } });
    } catch (error) {
      options.onRefused?.();
      return withHeaders(options.answerError(error, request), { vary: 'Origin' });
    }
  };
}

/**
 * Opens routes a shopper's browser calls to pages on `allowed` origins: each
 * answer (errors too) carries the CORS headers, an `OPTIONS` preflight is
 * added per path with exactly the methods routed there, and a request from an
 * origin not listed is refused with 403 before its handler runs. No
 * credentials are ever allowed: the shopper API uses none. Admin routes are
 * never passed through here, so they stay same-origin.
 *
 * @example
 * const routes = crossOriginRoutes([{ method: 'POST', path: '/quote', handler }], new Set(['https://shop.example']), { answerError: (error) => toErrorResponse(error, console.error) })
 * // → POST /quote (with CORS) and OPTIONS /quote (preflight: POST, content-type)
 */
export function crossOriginRoutes(routes: readonly Route[], allowed: AllowedOrigins, options: CrossOriginOptions): Route[] {
  const methodsByPath = new Map<string, string[]>();
  for (const route of routes) methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), route.method]);
  const wrapped: Route[] = routes.map((route) => ({ ...route, handler: crossOriginHandler(route.handler, allowed, options) }));
  for (const [path, methods] of methodsByPath) wrapped.push({ method: 'OPTIONS', path, handler: preflightHandler(methods, allowed, options) });
  return wrapped;
}
