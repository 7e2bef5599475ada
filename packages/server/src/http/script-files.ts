import { createRequire } from 'node:module';
import path from 'node:path';
import { chooseEncoding } from './accept-encoding.js';
import { noneMatchHits } from './etag.js';
import { ENTRY_FILES, scriptListing } from './script-listing.js';

export interface ScriptFilesOptions {
  /** The folder holding `cartlift.js`, `cartlift-boot.js` and `chunks/`. Default: the installed `cartlift` package's `dist/cdn`. */
  dir?: string;
}

/** Answers a request for one of the script files, or null for any other path (the caller's next handler takes it). */
export type ScriptFilesHandler = (request: Request) => Promise<Response | null>;

// The paths the script build can hold; the listing decides which exist.
const SCRIPT_PATH = /^\/(?:cartlift\.js|cartlift-boot\.js|chunks\/[^/]+\.js)$/;
const ALLOW = 'GET, HEAD';
// Chunk names change with their content, so a cached chunk is never wrong; entry names stay, so they are rechecked.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const ENTRY = 'public, max-age=300';

/** Headers of every answer: any shop's page may import the files, as JavaScript only, per encoding. */
const COMMON = {
  'access-control-allow-origin': '*',
  'cross-origin-resource-policy': 'cross-origin',
  'content-type': 'text/javascript; charset=utf-8',
  'x-content-type-options': 'nosniff',
  vary: 'Accept-Encoding',
};

/**
 * Whether `pathname` is one the script files may answer (`/cartlift.js`,
 * `/cartlift-boot.js`, `/chunks/*.js`), whether or not the build has it.
 *
 * @example
 * isScriptPath('/chunks/base-Ab12Cd34.js') // true
 * isScriptPath('/index.html') // false
 */
export function isScriptPath(pathname: string): boolean {
  return SCRIPT_PATH.test(pathname);
}

function cartliftBuild(): string {
  const require = createRequire(import.meta.url);
  try {
    return path.join(path.dirname(require.resolve('cartlift/package.json')), 'dist/cdn');
  } catch (error) {
    throw new Error('scriptFiles() could not find the cartlift package, which holds the script build; install cartlift or pass { dir }.', {
      cause: error,
    });
  }
}

const methodNotAllowed = (method: string) =>
  new Response(`${method} is not supported for the script files; use GET or HEAD.`, {
    status: 405,
    headers: { ...COMMON, 'content-type': 'text/plain; charset=utf-8', allow: ALLOW },
  });

/**
 * Serves the script-tag build (`cartlift.js`, `cartlift-boot.js`,
 * `chunks/*.js`) to pages on any origin: CORS and CORP headers, br or gzip by
 * `Accept-Encoding` (compressed once, kept in memory), hashed chunks cached
 * for good, the two entry files for five minutes with an ETag. Any other path
 * answers null, so the caller's next handler takes it.
 *
 * @example
 * // Express, before the shop's own routes:
 * app.use(toNodeListener(scriptFiles()))
 * // The CLI (cli/start.ts) tries it before the --static folders:
 * serve(handler, { fallback: publicFiles(scriptFiles(), ['examples/script-tag']) })
 * // Any fetch-style server:
 * const scripts = scriptFiles({ dir: 'packages/cartlift/dist/cdn' })
 * export default { fetch: async (request) => (await scripts(request)) ?? shop(request) }
 */
export function scriptFiles(options: ScriptFilesOptions = {}): ScriptFilesHandler {
  const dir = options.dir === undefined ? cartliftBuild() : path.resolve(options.dir);
  const files = scriptListing(dir);
  return async (request) => {
    const pathname = new URL(request.url).pathname;
    if (!isScriptPath(pathname)) return null;
    const file = await files.find(pathname);
    if (!file) return null;
    if (request.method !== 'GET' && request.method !== 'HEAD') return methodNotAllowed(request.method);
    const encoding = chooseEncoding(request.headers.get('accept-encoding'));
    const { body, etag } = await file.representation(encoding);
    const entry = (ENTRY_FILES as readonly string[]).includes(pathname.slice(1));
    const headers = new Headers({ ...COMMON, 'cache-control': entry ? ENTRY : IMMUTABLE, etag });
    if (noneMatchHits(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
    if (encoding !== 'identity') headers.set('content-encoding', encoding);
    headers.set('content-length', String(body.byteLength));
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
