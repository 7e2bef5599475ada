import { SandboxApiError } from './errors.js';
import type { KeyKind } from './routes.js';

/**
 * Authenticates like Stripe: `Authorization: Bearer <key>` (or Basic with the key
 * as user name), or a `key` parameter for publishable keys (Stripe.js sends its
 * key that way to avoid CORS preflights). Only test-mode keys are accepted.
 *
 * @example
 * authenticate('Bearer sk_test_123', undefined) // "secret"
 */
export function authenticate(header: string | undefined, keyParam: unknown): KeyKind {
  const key = keyFromHeader(header) ?? (typeof keyParam === 'string' ? keyParam : undefined);
  if (!key) {
    throw unauthorized(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  if (/^(sk|rk|pk)_live_/.test(key)) {
    throw unauthorized('The Stripe sandbox accepts test-mode keys only (sk_test_…, pk_test_…); received a live-mode key. Never send live keys to the sandbox.');
  }
  if (/^(sk|rk)_test_[A-Za-z0-9_]{1,247}$/.test(key)) return 'secret';
  if (/^pk_test_[A-Za-z0-9_]{1,247}$/.test(key)) return 'publishable';
  throw unauthorized(`Invalid API Key provided: ${mask(key)}. Expected a test-mode key such as sk_test_… or pk_test_….`);
}

function keyFromHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  if (bearer) return bearer[1];
  const basic = /^Basic\s+(\S+)$/i.exec(header);
  if (basic)
    return (
      Buffer.from(basic[1] ?? '', 'base64')
        .toString('utf8')
        .split(':')[0] || undefined
    );
  return undefined;
}

function mask(key: string): string {
  return key.length <= 12 ? `${key.slice(0, 3)}****` : `${key.slice(0, 8)}****${key.slice(-4)}`;
}

function unauthorized(message: string): SandboxApiError {
  return new SandboxApiError(401, { type: 'invalid_request_error', message });
}
