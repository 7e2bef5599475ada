import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { scriptFiles } from './script-files.js';

// Big and repetitive enough that compression shows.
const LOADER = `(()=>{${'window.Cartlift=window.Cartlift||[];'.repeat(40)}})();\n`;
const BOOT = `import"./chunks/base-Ab12Cd34.js";${'export const a=1;'.repeat(40)}\n`;
const CHUNK = `export const base=${JSON.stringify('x'.repeat(2000))};\n`;

let root: string;
let dir: string;
let scripts: ReturnType<typeof scriptFiles>;
const get = (urlPath: string, headers: Record<string, string> = {}, method = 'GET') => scripts(new Request(`http://cdn.test${urlPath}`, { method, headers }));
const ok = async (urlPath: string, headers: Record<string, string> = {}, method = 'GET') => {
  const res = await get(urlPath, headers, method);
  expect(res, `${method} ${urlPath}`).not.toBeNull();
  return res!;
};

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'cartlift-scripts-'));
  dir = path.join(root, 'cdn');
  await mkdir(path.join(dir, 'chunks'), { recursive: true });
  await writeFile(path.join(dir, 'cartlift.js'), LOADER);
  await writeFile(path.join(dir, 'cartlift-boot.js'), BOOT);
  await writeFile(path.join(dir, 'chunks/base-Ab12Cd34.js'), CHUNK);
  await writeFile(path.join(dir, 'chunks/notes.txt'), 'not a script');
  await writeFile(path.join(dir, 'integrity.json'), '{}');
  await writeFile(path.join(dir, 'other.js'), 'not the build');
  await writeFile(path.join(root, 'secret.js'), 'outside the folder');
  scripts = scriptFiles({ dir });
});
afterAll(() => rm(root, { recursive: true, force: true }));
afterEach(() => {
  vi.useRealTimers();
});

describe('scriptFiles', () => {
  test('answers with CORS, CORP, the JavaScript type, nosniff and Vary on every file', async () => {
    for (const urlPath of ['/cartlift.js', '/cartlift-boot.js', '/chunks/base-Ab12Cd34.js']) {
      const res = await ok(urlPath);
      expect(res.status).toBe(200);
      expect(
        Object.fromEntries(
          ['access-control-allow-origin', 'cross-origin-resource-policy', 'content-type', 'x-content-type-options', 'vary'].map((name) => [
            name,
            res.headers.get(name),
          ]),
        ),
      ).toEqual({
        'access-control-allow-origin': '*',
        'cross-origin-resource-policy': 'cross-origin',
        'content-type': 'text/javascript; charset=utf-8',
        'x-content-type-options': 'nosniff',
        vary: 'Accept-Encoding',
      });
    }
  });

  test('sends br, gzip or identity as Accept-Encoding asks, each decompressing to the file with its own length', async () => {
    const cases: [string | undefined, string | null, (body: Buffer) => Buffer][] = [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip, deflate', 'gzip', gunzipSync],
      ['br;q=0, gzip;q=0.5', 'gzip', gunzipSync],
      ['br;q=0, gzip;q=0', null, (body) => body],
      [undefined, null, (body) => body],
    ];
    for (const [accept, encoding, decode] of cases) {
      const res = await ok('/cartlift.js', accept === undefined ? {} : { 'accept-encoding': accept });
      const body = Buffer.from(await res.arrayBuffer());
      expect(res.headers.get('content-encoding'), String(accept)).toBe(encoding);
      expect(res.headers.get('content-length')).toBe(String(body.length));
      expect(decode(body).toString('utf8')).toBe(LOADER);
      if (encoding) expect(body.length).toBeLessThan(LOADER.length / 4);
    }
  });

  test('keeps hashed chunks for good and the two entry files five minutes, each representation with its own ETag', async () => {
    expect((await ok('/chunks/base-Ab12Cd34.js')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const tags = new Set<string>();
    for (const urlPath of ['/cartlift.js', '/cartlift-boot.js']) {
      for (const accept of ['br', 'gzip', 'identity']) {
        const res = await ok(urlPath, { 'accept-encoding': accept });
        expect(res.headers.get('cache-control')).toBe('public, max-age=300');
        expect(res.headers.get('etag')).toMatch(new RegExp(`^"[\\w-]{16}-${accept}"$`));
        tags.add(res.headers.get('etag')!);
      }
    }
    expect(tags.size).toBe(6);
  });

  test('answers 304 to a matching If-None-Match (in a list, or weak), 200 to a stale one', async () => {
    const etag = (await ok('/cartlift-boot.js', { 'accept-encoding': 'br' })).headers.get('etag')!;
    for (const ifNoneMatch of [etag, `"stale-br", W/${etag}`, '*']) {
      const res = await ok('/cartlift-boot.js', { 'accept-encoding': 'br', 'if-none-match': ifNoneMatch });
      expect(res.status, ifNoneMatch).toBe(304);
      expect(res.body).toBeNull();
      expect(res.headers.get('etag')).toBe(etag);
      expect(res.headers.get('cache-control')).toBe('public, max-age=300');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
    }
    expect((await ok('/cartlift-boot.js', { 'accept-encoding': 'br', 'if-none-match': '"stale-br"' })).status).toBe(200);
    // The gzip representation is another one: the br tag does not match it.
    expect((await ok('/cartlift-boot.js', { 'accept-encoding': 'gzip', 'if-none-match': etag })).status).toBe(200);
  });

  test('answers HEAD with the headers of GET and no body', async () => {
    const get = await ok('/cartlift.js', { 'accept-encoding': 'br' });
    const head = await ok('/cartlift.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect(Object.fromEntries(head.headers)).toEqual(Object.fromEntries(get.headers));
  });

  test('answers other methods 405 with Allow: GET, HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const res = await ok('/cartlift.js', {}, method);
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(await res.text()).toBe(`${method} is not supported for the script files; use GET or HEAD.`);
    }
  });

  test('answers null for any other path, and for files of the folder that are not the build', async () => {
    for (const urlPath of [
      '/',
      '/index.html',
      '/api/cartlift/config',
      '/integrity.json',
      '/other.js',
      '/chunks/notes.txt',
      '/chunks/missing-Zz99Yy88.js',
      '/cartlift.js/x',
    ])
      expect(await get(urlPath), urlPath).toBeNull();
  });

  test('never reaches outside its folder: dot segments, encoded ones, encoded slashes, NUL', async () => {
    for (const urlPath of [
      '/../secret.js',
      '/chunks/../../secret.js',
      '/chunks/%2e%2e/%2e%2e/secret.js',
      '/chunks/..%2f..%2fsecret.js',
      '/chunks/%2e%2e%2f%2e%2e%2fsecret.js',
      '/chunks/..%5c..%5csecret.js',
      '/chunks/base-Ab12Cd34.js%00.js',
      '/cartlift.js%00',
    ])
      expect(await get(urlPath), urlPath).toBeNull();
  });

  test('follows a rebuild: a rewritten entry file, a new chunk, a chunk gone', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const before = (await ok('/cartlift-boot.js')).headers.get('etag');
    await writeFile(path.join(dir, 'cartlift-boot.js'), `${BOOT}export const b=2;\n`);
    const after = await ok('/cartlift-boot.js');
    expect(await after.text()).toBe(`${BOOT}export const b=2;\n`);
    expect(after.headers.get('etag')).not.toBe(before);

    await writeFile(path.join(dir, 'chunks/checkout-Qq11Ww22.js'), CHUNK);
    vi.setSystemTime(Date.now() + 1000);
    expect((await ok('/chunks/checkout-Qq11Ww22.js')).status).toBe(200);

    await unlink(path.join(dir, 'chunks/base-Ab12Cd34.js'));
    expect(await get('/chunks/base-Ab12Cd34.js')).toBeNull();
  });
});

test('finds the installed cartlift package by default', () => {
  expect(() => scriptFiles()).not.toThrow();
});
