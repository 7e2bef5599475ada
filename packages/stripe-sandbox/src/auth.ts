import { createHash, timingSafeEqual } from 'node:crypto';
import { SandboxApiError } from './errors.js';
import type { KeyKind } from './routes.js';

const SECRET_KEY = /^sk_test_[A-Za-z0-9_]{1,247}$/;

/**
 * Checks a `secretKey` option: a test-mode secret key (the sandbox never holds live ones).
 *
 * @example
 * sandboxSecretKey(undefined) // 'sk_test_sandbox_…' (made up)
 * sandboxSecretKey('pk_test_x') // throws: secretKey must be a test-mode secret key …
 */
export function sandboxSecretKey(given: unknown, makeUp: () => string): string {
  if (given === undefined) return makeUp();
  if (typeof given === 'string' && SECRET_KEY.test(given)) return given;
  throw new Error(
    `secretKey must be a test-mode secret key such as "sk_test_…"; received ${typeof given === 'string' ? JSON.stringify(given.slice(0, 40)) : typeof given}.`,
  );
}

/**
 * Authenticates like Stripe: `Authorization: Bearer <key>` (or Basic with the key
 * as user name), or a `key` parameter for publishable keys (Stripe.js sends its
 * key that way to avoid CORS preflights). A secret key must be the sandbox's own
 * (`secretKey`, printed at start): any other is Stripe's 401 `api_key_invalid`,
 * so a page cannot make one up. Publishable keys are any `pk_test_…`: they only
 * reach an intent through its client secret.
 *
 * @example
 * authenticate(`Bearer ${sandbox.secretKey}`, undefined, sandbox.secretKey) // "secret"
 */
export function authenticate(header: string | undefined, keyParam: unknown, secretKey: string): KeyKind {
  const key = keyFromHeader(header) ?? (typeof keyParam === 'string' ? keyParam : undefined);
  if (!key) {
    throw unauthorized(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  if (/^(sk|rk|pk)_live_/.test(key)) {
    throw unauthorized('The Stripe sandbox accepts test-mode keys only (sk_test_…, pk_test_…); received a live-mode key. Never send live keys to the sandbox.');
  }
  if (/^pk_test_[A-Za-z0-9_]{1,247}$/.test(key)) return 'publishable';
  if (sameKey(key, secretKey)) return 'secret';
  throw unauthorized(
    `Invalid API Key provided: ${mask(key)}. The sandbox accepts only the secret key it was started with (printed at start; sandbox.secretKey), or a publishable key (pk_test_…).`,
    'api_key_invalid',
  );
}

/** Compares digests, so the time taken says nothing about how much of the key matched. */
function sameKey(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
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

function unauthorized(message: string, code?: string): SandboxApiError {
  return new SandboxApiError(401, code ? { type: 'invalid_request_error', code, message } : { type: 'invalid_request_error', message });
}

/**
 * Stripe keeps secret keys off browsers; so does the sandbox: a secret-key call
 * that carries an `Origin` header (a page's fetch) is refused, and its answer
 * has no CORS headers, so the page cannot read it either.
 *
 * @example
 * if (key === 'secret' && req.headers.origin) throw secretKeyFromBrowser()
 */
export function secretKeyFromBrowser(): SandboxApiError {
  return new SandboxApiError(403, {
    type: 'invalid_request_error',
    code: 'secret_key_in_browser',
    message:
      'This request came from a browser (it has an Origin header) with a secret key. Secret keys belong on your server; in the browser use the publishable key (pk_test_…), as Stripe.js does.',
  });
}
