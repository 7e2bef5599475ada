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
 * Writes a response with the headers every sandbox answer carries (CORS included:
 * Stripe's API answers browsers that use a publishable key).
 *
 * @example
 * send(res, 200, JSON.stringify({ ok: true }), { 'content-type': 'application/json' })
 */
export function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  res.writeHead(status, {
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'Request-Id, Stripe-Version, Idempotency-Key, Idempotent-Replayed',
    'cache-control': 'no-cache, no-store',
    'content-length': String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}

/**
 * Answers a CORS preflight for the API and the hosted pages.
 *
 * @example
 * preflight(res)
 */
export function preflight(res: ServerResponse): void {
  res.writeHead(204, {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
    'access-control-allow-headers': 'Authorization, Content-Type, Idempotency-Key, Stripe-Version, Stripe-Account',
    'access-control-max-age': '600',
  });
  res.end();
}
