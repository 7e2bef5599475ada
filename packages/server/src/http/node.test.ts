import { createServer, request as httpRequest } from 'node:http';
import { expect, test } from 'vitest';
import { errorResponse, json } from './errors.js';
import { readBody } from './body.js';
import { serve, toNodeListener } from './node.js';

const echo = Object.assign(
  async (request: Request, context?: { clientIp?: string }) => {
    try {
      const text = await readBody(request, { limit: 1024, json: true });
      return json({ path: new URL(request.url).pathname, length: text.length, ip: context?.clientIp });
    } catch (error) {
      const e = error as { status: number; code: string; message: string };
      return errorResponse(e.status, e.code, e.message);
    }
  },
  { basePath: '/api/cartlift' },
);

test('serve() streams bodies to the handler and passes the client IP', async () => {
  const server = await serve(echo, { port: 0 });
  try {
    const res = await fetch(`${server.url}/api/cartlift/quote`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(await res.json()).toEqual({ path: '/api/cartlift/quote', length: 7, ip: '127.0.0.1' });
  } finally {
    await server.close();
  }
});

test('an oversized chunked upload is refused with 413 before it ends', async () => {
  const server = await serve(echo, { port: 0 });
  try {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        `${server.url}/api/cartlift/quote`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (res) => {
          resolve(res.statusCode ?? 0);
          res.resume();
          req.destroy();
        },
      );
      req.on('error', () => {});
      // Keep sending until the server answers; it must answer long before this loop ends.
      let sent = 0;
      const pump = () => {
        while (sent < 64 * 1024 * 1024 && req.write('x'.repeat(4096))) sent += 4096;
        if (sent < 64 * 1024 * 1024) req.once('drain', pump);
        else reject(new Error('the whole 64 MiB was accepted'));
      };
      pump();
    });
    expect(status).toBe(413);
  } finally {
    await server.close();
  }
});

test('as middleware, requests outside the base path go to next()', async () => {
  const listener = toNodeListener(echo);
  const server = createServer((req, res) => {
    void listener(req, res, () => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('next');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  try {
    expect(await (await fetch(`http://127.0.0.1:${port}/shop`)).text()).toBe('next');
    expect((await fetch(`http://127.0.0.1:${port}/api/cartlift/x`, { method: 'POST', headers: { 'content-type': 'text/html' }, body: 'x' })).status).toBe(415);
  } finally {
    server.close();
  }
});

test('a handler that answers null passes the request on: to the fallback, else next(), else a 404 sentence', async () => {
  const passing = async (request: Request) => (new URL(request.url).pathname === '/mine' ? new Response('mine') : null);
  const fallback = toNodeListener(passing, (_req, res) => void res.end('fallback'));
  const alone = toNodeListener(passing);
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/fallback')) void fallback(req, res);
    else if (req.url?.startsWith('/next')) void alone(req, res, () => void res.end('next'));
    else void alone(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  try {
    expect(await (await fetch(`${base}/mine`)).text()).toBe('mine');
    expect(await (await fetch(`${base}/fallback/x`)).text()).toBe('fallback');
    expect(await (await fetch(`${base}/next/x`)).text()).toBe('next');
    const missing = await fetch(`${base}/other?q=1`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'not_found', message: 'Nothing is served at /other.' } });
  } finally {
    server.close();
  }
});

test('a Host header no URL can hold is a 400 naming the host, not a 500', async () => {
  const server = await serve(echo, { port: 0 });
  try {
    const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${server.url}/api/cartlift/quote`, { method: 'GET', headers: { host: 'a:99999' } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error).toEqual({
      code: 'invalid_request',
      field: 'host',
      message: 'The request line and Host header must form a URL, as in "Host: shop.example" (no credentials, path or query); received "a:99999".',
    });
  } finally {
    await server.close();
  }
});
