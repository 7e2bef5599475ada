// Serves the script-tag storefront and the built cartlift.js for `npm start`
// and the end-to-end tests. Port: --port N or PORT, default 5173; when taken,
// the next free one (unless --strict-port).
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const roots = [path.join(here, 'script-tag'), path.join(here, '..', 'packages', 'cartlift', 'dist', 'cdn')];
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json', '.map': 'application/json' };

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const wanted = Number(value('--port') ?? process.env.PORT ?? 5173);

async function find(urlPath) {
  const clean = path.posix.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.(\/|$))+/, '');
  const relative = clean.endsWith('/') ? `${clean}index.html` : clean;
  for (const root of roots) {
    const file = path.join(root, relative);
    if (!file.startsWith(root + path.sep)) continue;
    try {
      if ((await fs.stat(file)).isFile()) return file;
    } catch {}
  }
  return undefined;
}

const server = http.createServer(async (req, res) => {
  try {
    const file = await find(new URL(req.url ?? '/', 'http://x').pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(await fs.readFile(file));
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request');
  }
});

function listen(port, triesLeft) {
  server.once('error', (error) => {
    if (error.code === 'EADDRINUSE' && triesLeft > 0 && !flag('--strict-port')) listen(port + 1, triesLeft - 1);
    else {
      console.error(`Could not listen on port ${port}: ${error.message}`);
      process.exit(1);
    }
  });
  server.listen(port, 'localhost', () => console.log(`Cartlift demo storefront: http://localhost:${server.address().port}/`));
}
listen(wanted, 20);
