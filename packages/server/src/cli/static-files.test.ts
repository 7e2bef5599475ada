import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { staticFiles } from './static-files.js';

let dir: string;
let server: Server;
let base: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cartlift-static-'));
  await mkdir(path.join(dir, 'chunks'));
  await writeFile(path.join(dir, 'index.html'), '<h1>Shop</h1>');
  await writeFile(path.join(dir, 'chunks/app-BEqzTJmw.js'), 'export {}');
  await writeFile(path.join(dir, 'teapot.glb'), 'glTF');
  await writeFile(path.join(dir, 'teapot.usdz'), 'PK');
  server = createServer(staticFiles([dir]));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

it('revalidates every file on each use, hashed names too: the script build has its own caching in scriptFiles()', async () => {
  for (const [file, type] of [
    ['/', 'text/html; charset=utf-8'],
    ['/chunks/app-BEqzTJmw.js', 'text/javascript; charset=utf-8'],
  ]) {
    const res = await fetch(`${base}${file}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-type')).toBe(type);
  }
});

it('serves AR models with the types the phone viewers expect and open CORS, and only models cross-origin', async () => {
  for (const [file, type] of [
    ['/teapot.glb', 'model/gltf-binary'],
    ['/teapot.usdz', 'model/vnd.usdz+zip'],
  ]) {
    const res = await fetch(`${base}${file}`);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  }
  expect((await fetch(`${base}/`)).headers.get('access-control-allow-origin')).toBeNull();
});

it('answers 404 outside its folders and for other methods', async () => {
  expect((await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
  expect((await fetch(`${base}/index.html`, { method: 'POST' })).status).toBe(404);
});
