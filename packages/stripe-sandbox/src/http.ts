import type { IncomingMessage, ServerResponse } from 'node:http';
import { SandboxApiError } from './errors.js';

/**
 * Reads a request body up to `limit` bytes; larger bodies fail with Stripe-style 413.
 *
 * @example
 * const text = await readBody(req, 1 << 20)
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      throw new SandboxApiError(413, {
        type: 'invalid_request_error',
        message: `Request body too large: the sandbox accepts up to ${limit} bytes, received more.`,
      });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Writes a response with the headers every sandbox answer carries. No CORS
 * here: only the calls Stripe.js makes with a publishable key get it (`corsHeaders`).
 *
 * @example
 * send(res, 200, JSON.stringify({ ok: true }), { 'content-type': 'application/json' })
 */
export function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  res.writeHead(status, {
    'cache-control': 'no-cache, no-store',
    'content-length': String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}

/**
 * CORS headers for an answer a page may read: a publishable-key call or a
 * hosted test action, as Stripe answers Stripe.js. The calling origin is
 * reflected (or `*` without one); secret-key answers never get these.
 *
 * @example
 * send(res, 200, body, { ...corsHeaders(req), 'content-type': 'application/json' })
 */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return {
    'access-control-allow-origin': typeof origin === 'string' && origin !== '' ? origin : '*',
    'access-control-expose-headers': 'Request-Id, Stripe-Version, Idempotency-Key, Idempotent-Replayed',
    vary: 'Origin',
  };
}

/**
 * Answers a CORS preflight. Stripe.js's calls are simple form posts with the
 * publishable key in the body; `Authorization` is never offered, so a page
 * cannot send a key in that header.
 *
 * @example
 * preflight(req, res)
 */
export function preflight(req: IncomingMessage, res: ServerResponse): void {
  const { 'access-control-expose-headers': _expose, ...cors } = corsHeaders(req);
  res.writeHead(204, {
    ...cors,
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': 'Content-Type, Accept, Idempotency-Key, Stripe-Version',
    'access-control-max-age': '600',
  });
  res.end();
}
