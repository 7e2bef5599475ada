import { readFile } from 'node:fs/promises';
import { HttpError } from '../http/errors.js';
import type { HandlerContext } from '../options.js';
import type { Route, RouteHandler } from '../router.js';
import { findSession } from './sessions.js';

/**
 * The console's page policy: its own script and stylesheet only, requests
 * only to this server, never framed. No inline script or style anywhere.
 */
const PAGE_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': PAGE_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

const ASSETS = {
  'console.js': 'text/javascript; charset=utf-8',
  'console.css': 'text/css; charset=utf-8',
} as const;
type AssetName = keyof typeof ASSETS;

/**
 * Where the built console lives: `dist/console/` beside the bundled server
 * (its files sit in `dist/` or `dist/chunks/`), or the built copy when the
 * server runs from source under vitest.
 */
const ASSET_DIRS = ['./console/', '../console/', '../../dist/console/'];

// A built file never changes while the server runs: read once, on first request, not per request.
const assetCache = new Map<AssetName, Promise<string | null>>();

async function findAsset(name: AssetName): Promise<string | null> {
  for (const dir of ASSET_DIRS) {
    try {
      return await readFile(new URL(`${dir}${name}`, import.meta.url), 'utf8');
    } catch {
      // Not in this folder: try the next.
    }
  }
  return null;
}

/** The built asset, or null when the console was not built (not kept, so a later build is found). */
async function readAsset(name: AssetName): Promise<string | null> {
  let found = assetCache.get(name);
  if (!found) {
    found = findAsset(name);
    assetCache.set(name, found);
  }
  const body = await found;
  if (body === null) assetCache.delete(name);
  return body;
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The one page: the app mounts in <main>; it reads the API's base path from the body's data attribute. */
function shell(basePath: string): string {
  const base = escapeAttribute(basePath);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>Cartlift console</title>
<link rel="stylesheet" href="${base}/admin/console.css">
<script type="module" src="${base}/admin/console.js"></script>
</head>
<body data-base-path="${base}">
<div id="console"><p>Loading the Cartlift console…</p><noscript>The console needs JavaScript.</noscript></div>
</body>
</html>`;
}

/** The console page: signed-in users get it, anyone else is sent to the sign-in page. */
const consolePage =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    if (!(await findSession(ctx, request))) {
      return new Response(null, { status: 303, headers: { location: `${ctx.basePath}/admin/login`, 'cache-control': 'no-store' } });
    }
    return new Response(shell(ctx.basePath), { status: 200, headers: PAGE_HEADERS });
  };

/** The sign-in page: the same app, which shows its sign-in form when there is no session. */
const signInPage =
  (ctx: HandlerContext): RouteHandler =>
  async () =>
    new Response(shell(ctx.basePath), { status: 200, headers: PAGE_HEADERS });

const asset =
  (name: AssetName): RouteHandler =>
  async () => {
    const body = await readAsset(name);
    if (body === null) {
      throw new HttpError(503, 'console_not_built', `The console's ${name} is missing from @cartlift/server's dist/console; run npm run build.`);
    }
    // Not hashed, so revalidated: a new server version must reach open consoles.
    return new Response(body, { status: 200, headers: { 'content-type': ASSETS[name], 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' } });
  };

/**
 * The console's pages and assets under `{basePath}/admin`: the app page
 * (303 to the sign-in page without a session), the sign-in page, and the
 * built script and stylesheet, all under a strict Content-Security-Policy.
 *
 * @example
 * const routes = [...consoleRoutes(ctx)] // GET /admin, /admin/login, /admin/console.js, /admin/console.css
 */
export function consoleRoutes(ctx: HandlerContext): Route[] {
  return [
    { method: 'GET', path: '/admin', handler: consolePage(ctx) },
    { method: 'GET', path: '/admin/login', handler: signInPage(ctx) },
    { method: 'GET', path: '/admin/console.js', handler: asset('console.js') },
    { method: 'GET', path: '/admin/console.css', handler: asset('console.css') },
  ];
}
