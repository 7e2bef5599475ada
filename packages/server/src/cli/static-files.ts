import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { urlOrNull } from '../http/url.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.glb': 'model/gltf-binary',
  '.usdz': 'model/vnd.usdz+zip',
  '.txt': 'text/plain; charset=utf-8',
};

// 3D models: the phone's AR viewer (Quick Look, Scene Viewer) and other sites' viewers fetch them
// cross-origin, so they are served with the types the viewers expect and open CORS (docs/ar.md).
const CROSS_ORIGIN = new Set(['.glb', '.usdz']);

/** The file for `urlPath` inside `root`, or null (never a path outside root). */
async function find(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  const info = await stat(file).catch(() => null);
  if (info?.isFile()) return file;
  if (info?.isDirectory()) {
    const index = path.join(file, 'index.html');
    if ((await stat(index).catch(() => null))?.isFile()) return index;
  }
  return null;
}

/**
 * Serves files from the first directory that has them (GET/HEAD only), each
 * revalidated on every use so an edited page shows at once. The script build
 * is not among them: `scriptFiles()` serves it, with its own caching.
 *
 * @example
 * serve(handler, { fallback: staticFiles(['examples/script-tag']) })
 */
export function staticFiles(dirs: readonly string[]) {
  const roots = dirs.map((dir) => path.resolve(dir));
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const pathname = urlOrNull(req.url ?? '/', 'http://localhost')?.pathname ?? null;
    if (pathname !== null && (req.method === 'GET' || req.method === 'HEAD')) {
      for (const root of roots) {
        const file = await find(root, pathname);
        if (!file) continue;
        const ext = path.extname(file).toLowerCase();
        res.writeHead(200, {
          'content-type': TYPES[ext] ?? 'application/octet-stream',
          'cache-control': 'no-cache',
          ...(CROSS_ORIGIN.has(ext) ? { 'access-control-allow-origin': '*' } : {}),
        });
        if (req.method === 'HEAD') res.end();
        else createReadStream(file).pipe(res);
        return;
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`Not found: ${pathname ?? req.url}`);
  };
}
