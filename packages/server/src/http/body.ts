import { HttpError } from './errors.js';

/**
 * Reads the request body as text, refusing it as soon as it passes `limit`
 * bytes (so a huge or endless body never sits in memory) and refusing
 * non-JSON content types when `json` is set (`beacon` also allows text/plain).
 *
 * @example
 * const text = await readBody(request, { limit: 64 * 1024, json: true })
 */
export async function readBody(request: Request, { limit, json, beacon = false }: { limit: number; json: boolean; beacon?: boolean }): Promise<string> {
  if (json) {
    const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    // Requiring application/json makes cross-site posts need a CORS preflight;
    // only beacon routes (navigator.sendBeacon cannot set it) accept text/plain.
    if (type !== 'application/json' && !(beacon && type === 'text/plain')) {
      throw new HttpError(
        415,
        'unsupported_media_type',
        `Content-Type must be "application/json"; received ${type ? JSON.stringify(type) : 'none'}.`,
        'content-type',
      );
    }
  }
  const bytes = await readBodyBytes(request, limit);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'invalid_encoding', 'The request body must be UTF-8 text.', 'body');
  }
}

/**
 * Reads the request body as bytes, refusing it (413 naming `limit`) as soon as
 * it passes `limit` bytes, so a huge or endless body never sits in memory.
 *
 * @example
 * const bytes = await readBodyBytes(request, 5 * 1024 * 1024)
 */
export async function readBodyBytes(request: Request, limit: number, tooLargeError: (limit: number) => HttpError = tooLarge): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLargeError(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch (error) {
      throw uploadAborted(error);
    }
    const { done, value } = next;
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLargeError(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The code of the error `readBody` throws when the client stops sending mid-body: expected, logged at debug level only. */
export const UPLOAD_ABORTED = 'upload_aborted';

// A client that hangs up (or times out) mid-upload is routine, not a server fault:
// a 400 (which no one receives) instead of an unexpected error with a stack.
function uploadAborted(cause: unknown): HttpError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new HttpError(400, UPLOAD_ABORTED, `The upload ended before the request body was complete (${reason}).`, 'body');
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'body_too_large', `The request body must be at most ${limit} bytes; received more.`, 'body');
}

/**
 * Parses JSON, turning a syntax error into a 400 that says where.
 *
 * @example
 * parseJson('{"lines":[]}') // { lines: [] }
 */
export function parseJson(text: string): unknown {
  if (text.trim() === '') throw new HttpError(400, 'invalid_json', 'The request body must be a JSON object; received an empty body.', 'body');
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new HttpError(400, 'invalid_json', `The request body must be valid JSON; ${detail}.`, 'body');
  }
}
