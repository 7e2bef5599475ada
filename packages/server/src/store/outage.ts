/**
 * Telling "the database is unreachable" apart from a bug: the first is the
 * server's own outage (503 and Retry-After, the client tries again), the
 * second a 500 to be fixed.
 */

/**
 * The store cannot be reached or opened right now: PostgreSQL is down or
 * refusing connections, or the embedded database's folder is not usable.
 * Answered as 503 with Retry-After; the message is for the operator's log
 * (and the CLI), never for the shopper.
 *
 * @example
 * throw new StoreUnavailableError('The embedded database folder /srv/.cartlift is not a PGlite database (PG_VERSION is missing); …')
 */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

// Node's socket and DNS failures: the server is not there, went away, or is not answering.
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

// PostgreSQL's SQLSTATEs for a server that is shutting down, starting up,
// full, or cancelled the statement on a timeout; class 08 is checked apart.
const SERVER_STATES = new Set(['57P01', '57P02', '57P03', '53300', '57014']);

// node-postgres and its pool say these in plain messages, without a code.
// ("timeout expired" is a connection that opened a socket but got no answer in time.)
const POOL_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|timeout expired|is not queryable|Query read timeout|connection timeout|Connection ended unexpectedly/i;

/**
 * True when `error` (or anything in its `cause` chain, or an AggregateError's
 * parts) says the database could not be reached: socket errors such as
 * ECONNREFUSED, PostgreSQL's connection-exception class 08 and shutdown codes
 * such as 57P01, and node-postgres pool failures. False for everything else,
 * such as a SQL error, which is a bug and stays a 500.
 *
 * @example
 * isDatabaseOutage(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })) // true
 * isDatabaseOutage(Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601' })) // false
 */
export function isDatabaseOutage(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== 'object' || depth > 5) return false;
  if (error instanceof StoreUnavailableError) return true;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SERVER_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  if (typeof message === 'string' && POOL_MESSAGES.test(message)) return true;
  if (Array.isArray(errors) && errors.some((part) => isDatabaseOutage(part, depth + 1))) return true;
  return isDatabaseOutage(cause, depth + 1);
}
