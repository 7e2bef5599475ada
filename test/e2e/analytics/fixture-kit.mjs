// Pieces both harness servers share: a replayable PRNG for fault injection
// and the static files the harness page loads.
import fs from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
};

/** A deterministic PRNG (mulberry32) so a failure pattern can be replayed. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function serveFile(res, file) {
  try {
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(await fs.readFile(file));
  } catch {
    res.writeHead(404).end();
  }
}

/**
 * Serves `files` ({ '/url': '/abs/path' }) and `dirs` ({ '/prefix/': '/abs/dir' });
 * returns false when the path is neither, so the caller can answer 404.
 */
export function staticFiles(files, dirs) {
  return (pathname, res) => {
    const file = files[pathname] || fileUnder(dirs, pathname);
    if (!file) return false;
    serveFile(res, file);
    return true;
  };
}

/** The file `pathname` names in one of `dirs` (URL prefix → directory), if any; `..` cannot climb out. */
function fileUnder(dirs, pathname) {
  for (const [prefix, dir] of Object.entries(dirs)) {
    if (!pathname.startsWith(prefix)) continue;
    const file = path.join(dir, path.posix.normalize(pathname.slice(prefix.length)).replace(/^(\.\.\/)+/, ''));
    if (file.startsWith(dir)) return file;
  }
  return undefined;
}

/**
 * Closes an http server now: keep-alive connections (a browser's, a fetch's) would hold it open.
 *
 * @example
 * await closeServer(server);
 */
export function closeServer(server) {
  server.closeAllConnections?.();
  return new Promise((resolve) => server.close(() => resolve()));
}
