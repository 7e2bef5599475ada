import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { ContentEncoding } from './accept-encoding.js';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** One encoding of a file: its bytes and its strong entity tag. */
export interface Representation {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

/** A file read once, whose encodings are each compressed on first use and then kept. */
export interface EncodedFile {
  /** Size and modification time when read: a file rewritten in place (a rebuild) is read again. */
  version: string;
  representation(encoding: ContentEncoding): Promise<Representation>;
}

// Compressed once per process, so the slowest, smallest settings are worth it.
function encode(bytes: Buffer, encoding: ContentEncoding): Promise<Buffer> {
  if (encoding === 'br')
    return brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
  if (encoding === 'gzip') return gzipped(bytes, { level: constants.Z_BEST_COMPRESSION });
  return Promise.resolve(bytes);
}

/**
 * Keeps `bytes` and, per encoding, the compressed body with its ETag: the
 * content's sha256 (base64url, 16 characters) and the encoding, so each
 * representation has a strong tag of its own (RFC 9110 §8.8.3).
 *
 * @example
 * const file = encodedFile(await readFile('dist/cdn/cartlift.js'), '1024:1733000000000')
 * const { body, etag } = await file.representation('br') // etag: "\"Xk3…-br\""
 */
export function encodedFile(bytes: Buffer, version: string): EncodedFile {
  const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 16);
  const made = new Map<ContentEncoding, Promise<Representation>>();
  return {
    version,
    representation(encoding) {
      let representation = made.get(encoding);
      if (!representation) {
        // Copied into an ArrayBuffer of its own: what a Response body takes, without the rest of a pooled Buffer.
        representation = encode(bytes, encoding).then((body) => ({ body: new Uint8Array(body), etag: `"${hash}-${encoding}"` }));
        made.set(encoding, representation);
      }
      return representation;
    },
  };
}
