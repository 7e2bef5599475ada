import { HttpError } from '../http/errors.js';

export type AllowedOrigins = ReadonlySet<string> | '*';

/**
 * Checks `allowedOrigins` when the handler is created: exact origins such as
 * "https://shop.example", or "*".
 *
 * @example
 * parseAllowedOrigins(['https://shop.example']) // Set { 'https://shop.example' }
 */
export function parseAllowedOrigins(value: unknown): AllowedOrigins {
  if (value === undefined) return new Set();
  if (value === '*') return '*';
  const list = Array.isArray(value) ? value : [value];
  for (const origin of list) {
    let ok = false;
    try {
      ok = typeof origin === 'string' && new URL(origin).origin === origin;
    } catch {}
    if (!ok)
      throw new Error(
        `analytics.allowedOrigins must be "*" or a list of origins such as "https://shop.example" (scheme, host, optional port, no path or slash); received ${JSON.stringify(origin)}.`,
      );
  }
  return new Set(list as string[]);
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

/**
 * CORS headers for `POST /events` from `Origin`: none for same-origin or
 * origin-less requests; the origin echoed when allowed; a 403 otherwise, so
 * other sites cannot write into this shop's funnel from a browser.
 *
 * @example
 * corsHeaders(request, new Set(['https://shop.example'])) // { 'access-control-allow-origin': 'https://shop.example', vary: 'Origin' }
 */
export function corsHeaders(request: Request, allowed: AllowedOrigins): Record<string, string> {
  const origin = request.headers.get('origin');
  if (origin === null) return {};
  if (allowed === '*' || allowed.has(origin)) return { 'access-control-allow-origin': origin, vary: 'Origin' };
  if (sameSite(request, origin)) return { vary: 'Origin' };
  throw new HttpError(
    403,
    'origin_not_allowed',
    `Events from ${JSON.stringify(origin.slice(0, 100))} are refused: add that origin to analytics.allowedOrigins to let that shop post here.`,
    'origin',
    { vary: 'Origin' },
  );
}

/** Answers a CORS preflight for `POST /events`. */
export function preflight(request: Request, allowed: AllowedOrigins): Response {
  const headers = corsHeaders(request, allowed);
  return new Response(null, {
    status: 204,
    headers: { ...headers, 'access-control-allow-methods': 'POST, OPTIONS', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '86400' },
  });
}
