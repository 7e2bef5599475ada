import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { useHarness } from '../../test/harness.js';
import { openStore } from '../store/open-store.js';
import { readBody } from './body.js';
import { errorResponse, json } from './errors.js';
import { serve, type ServeOptions } from './node.js';

const echo = Object.assign(
  async (request: Request) => {
    try {
      const text = await readBody(request, { limit: 1024, json: true });
      return json({ length: text.length });
    } catch (error) {
      const e = error as { status: number; code: string; message: string };
      return errorResponse(e.status ?? 500, e.code, e.message);
    }
  },
  { basePath: '/api/cartlift' },
);

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function start(options: ServeOptions = {}, handler = echo) {
  const server = await serve(handler, { port: 0, ...options });
  servers.push(server);
  return server;
}

/** A raw connection that records everything the server sends and how the connection ended. */
function rawConnection(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  const state = { text: '', ended: false, error: null as NodeJS.ErrnoException | null, socket };
  socket.on('data', (chunk) => (state.text += chunk.toString('latin1')));
  socket.on('end', () => (state.ended = true));
  socket.on('close', () => (state.ended = true));
  socket.on('error', (error) => (state.error = error));
  return state;
}

const responses = (text: string) => text.match(/HTTP\/1\.1 \d{3}/g) ?? [];

describe('early answers on a keep-alive connection', () => {
  test('a 415 before a large body is read closes the connection cleanly instead of resetting the next request', async () => {
    const server = await start();
    const conn = rawConnection(server.port);
    const body = 'x'.repeat(256 * 1024);
    conn.socket.write(
      `POST /api/cartlift/quote HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/html\r\nContent-Length: ${body.length}\r\n\r\n${body}` +
        'GET /api/cartlift/next HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
    );
    await expect.poll(() => conn.ended || responses(conn.text).length === 2, { timeout: 5000 }).toBe(true);
    expect(responses(conn.text)[0]).toBe('HTTP/1.1 415');
    expect(conn.error).toBeNull();
    // Either the body was drained and the next request answered, or the first answer said the connection ends.
    if (responses(conn.text).length < 2) expect(conn.text.toLowerCase()).toContain('connection: close');
    conn.socket.destroy();
  });

  test('a 413 by Content-Length says Connection: close and ends the connection without waiting for the body', async () => {
    const server = await start();
    const conn = rawConnection(server.port);
    conn.socket.write(`POST /api/cartlift/quote HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${1024 * 1024}\r\n\r\n{"a":`);
    await expect.poll(() => conn.ended, { timeout: 5000 }).toBe(true);
    expect(responses(conn.text)).toEqual(['HTTP/1.1 413']);
    expect(conn.text.toLowerCase()).toContain('connection: close');
  });
});

describe('requests fetch cannot represent', () => {
  test('TRACE is a 405 with Allow, not a 500', async () => {
    const server = await start();
    const conn = rawConnection(server.port);
    conn.socket.write('TRACE /api/cartlift/quote HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    await expect.poll(() => conn.ended, { timeout: 5000 }).toBe(true);
    expect(responses(conn.text)).toEqual(['HTTP/1.1 405']);
    expect(conn.text.toLowerCase()).toMatch(/\r\nallow: get, head, post/);
    expect(conn.text).toContain('"code":"method_not_allowed"');
  });

  test('a Host header with credentials is a 400 naming the host, not a 500', async () => {
    const server = await start();
    const conn = rawConnection(server.port);
    conn.socket.write('GET /api/cartlift/quote HTTP/1.1\r\nHost: user:pass@shop.example\r\nConnection: close\r\n\r\n');
    await expect.poll(() => conn.ended, { timeout: 5000 }).toBe(true);
    expect(responses(conn.text)).toEqual(['HTTP/1.1 400']);
    expect(conn.text).toContain('"field":"host"');
  });
});

describe('slow and numerous connections', () => {
  test('a body slower than requestTimeoutMs is answered 408 and its connection closed', async () => {
    const server = await start({ requestTimeoutMs: 200 });
    const conn = rawConnection(server.port);
    conn.socket.write('POST /api/cartlift/quote HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a"');
    await expect.poll(() => conn.ended, { timeout: 5000 }).toBe(true);
    expect(responses(conn.text)).toEqual(['HTTP/1.1 408']);
  });

  test('connections past maxConnectionsPerAddress are refused with 503; a freed one makes room', async () => {
    const server = await start({ maxConnectionsPerAddress: 2 });
    const open = [rawConnection(server.port), rawConnection(server.port)];
    await Promise.all(open.map((conn) => new Promise((resolve) => conn.socket.once('connect', resolve))));
    const extra = rawConnection(server.port);
    await expect.poll(() => extra.ended, { timeout: 5000 }).toBe(true);
    expect(responses(extra.text)).toEqual(['HTTP/1.1 503']);
    expect(extra.text.toLowerCase()).toContain('retry-after:');
    // The two held connections still work.
    open[0]!.socket.write('GET /api/cartlift/x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await expect.poll(() => responses(open[0]!.text).length, { timeout: 5000 }).toBe(1);
    open[1]!.socket.destroy();
    await expect.poll(() => open[1]!.ended).toBe(true);
    // Freed: a new connection is served (the server counts the close asynchronously, so poll).
    await expect
      .poll(
        async () => {
          const res = await fetch(`${server.url}/api/cartlift/x`, { headers: { connection: 'close' } }).catch(() => null);
          return res?.status;
        },
        { timeout: 5000 },
      )
      .toBe(415); // the echo handler's answer to a GET: served, not refused
    open[0]!.socket.destroy();
  });
});

describe('aborted uploads', () => {
  const logged = { error: [] as string[], debug: [] as string[] };
  const h = useHarness(() => openStore({ kind: 'pglite', memory: true }), {
    logger: { error: (message) => void logged.error.push(message), debug: (message) => void logged.debug.push(message) },
  });

  test('an upload the client abandons is logged once at debug level, not as an unexpected error', async () => {
    const server = await start({}, h.handler);
    const conn = rawConnection(server.port);
    conn.socket.write('POST /api/cartlift/quote HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"lines":');
    // Let the handler start reading the body, then hang up mid-upload.
    await new Promise((resolve) => setTimeout(resolve, 100));
    conn.socket.destroy();
    await expect.poll(() => logged.debug.length, { timeout: 5000 }).toBe(1);
    expect(logged.debug[0]).toMatch(/upload/i);
    expect(logged.error).toEqual([]);
  });
});
