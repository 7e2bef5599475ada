import { HttpError } from '../http/errors.js';
import type { HandlerContext as RequestContext } from '../http/node.js';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;
// A reverse proxy on the same machine makes every visitor look like loopback; its headers give it away.
const PROXY_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip', 'cf-connecting-ip', 'true-client-ip'];

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** Compares digests, so the time taken says nothing about how much of the token matched. */
async function sameSecret(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([digest(a), digest(b)]);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}

/** The token from `Authorization: Bearer <token>` or `Basic base64(anyone:<token>)` (what a browser's password prompt sends). */
function presented(request: Request): string | null {
  const header = request.headers.get('authorization') ?? '';
  const [scheme, value = ''] = header.trim().split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'bearer') return value;
  if (scheme?.toLowerCase() === 'basic') {
    try {
      const decoded = new TextDecoder().decode(Uint8Array.from(atob(value), (c) => c.charCodeAt(0)));
      return decoded.slice(decoded.indexOf(':') + 1);
    } catch {
      return null;
    }
  }
  return null;
}

/** True for a request made on this machine, straight to the server (no proxy in between). */
export function isLoopback(request: Request, context: RequestContext | undefined): boolean {
  return LOOPBACK.test(context?.clientIp ?? '') && PROXY_HEADERS.every((name) => !request.headers.has(name));
}

/**
 * Lets a funnel request through, or throws: 401 without the right token, 403
 * when no token is configured and the request is not from this machine.
 * `challenge` picks the scheme a 401 asks for (Basic makes browsers prompt).
 *
 * @example
 * await requireReportAccess(request, context, process.env.CARTLIFT_REPORT_TOKEN ?? null, 'Bearer')
 */
export async function requireReportAccess(
  request: Request,
  context: RequestContext | undefined,
  token: string | null,
  challenge: 'Bearer' | 'Basic',
): Promise<void> {
  if (token === null) {
    if (isLoopback(request, context)) return;
    throw new HttpError(
      403,
      'report_token_required',
      'The funnel holds business data, so without a report token it is served only to requests from this machine; set analytics.reportToken in the handler options (or CARTLIFT_REPORT_TOKEN for cartlift-server) and send it as "Authorization: Bearer <token>".',
      'authorization',
    );
  }
  const given = presented(request);
  if (given !== null && given !== '' && (await sameSecret(given, token))) return;
  throw new HttpError(
    401,
    'unauthorized',
    `The funnel needs the report token: send "Authorization: Bearer <token>" (or the token as the password when the browser asks); received ${given === null ? 'no token' : 'a token that does not match'}.`,
    'authorization',
    { 'www-authenticate': `${challenge} realm="Cartlift funnel", charset="UTF-8"` },
  );
}
