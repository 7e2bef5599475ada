import type { IncomingMessage, ServerResponse, Server } from 'node:http';
import { Readable } from 'node:stream';

export interface HandlerContext {
  /** The connecting client's address, used for rate limits. */
  clientIp?: string;
}
export type FetchHandler = (request: Request, context?: HandlerContext) => Promise<Response>;

/**
 * Adapts a fetch handler to Node's `http` (and Express: `app.use(toNodeListener(handler))`).
 * The body is streamed, never buffered here, so the handler's size limit holds.
 *
 * @example
 * http.createServer(toNodeListener(createCartliftHandler(options))).listen(8787)
 */
export function toNodeListener(handler: FetchHandler, fallback?: (req: IncomingMessage, res: ServerResponse) => void) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const request = toRequest(req);
      const response = await handler(request, { clientIp: req.socket.remoteAddress ?? '' });
      if (response.status === 404 && fallback && response.headers.get('x-cartlift-route') === 'none') {
        fallback(req, res);
        return;
      }
      await writeResponse(res, response);
    } catch (error) {
      console.error('[cartlift] request failed in the Node adapter:', error);
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: { code: 'internal_error', message: 'The server could not complete this request.' } }));
      } else res.destroy();
    }
  };
}

function toRequest(req: IncomingMessage): Request {
  const host = req.headers.host ?? 'localhost';
  const url = new URL(req.url ?? '/', `http://${host}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(url, {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : null,
    // Required by Node's fetch for streamed request bodies.
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit);
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name === 'x-cartlift-route') return;
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!res.write(value)) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end();
}

export interface ServeOptions {
  port?: number;
  host?: string;
  /** Called for requests the handler has no route for (static files in the CLI). */
  fallback?: (req: IncomingMessage, res: ServerResponse) => void;
}

/**
 * Starts a Node HTTP server for the handler; resolves once listening.
 *
 * @example
 * const { url, close } = await serve(handler, { port: 8787 })
 */
export async function serve(handler: FetchHandler, options: ServeOptions = {}): Promise<{ server: Server; url: string; port: number; close(): Promise<void> }> {
  const { createServer } = await import('node:http');
  const server = createServer(toNodeListener(handler, options.fallback));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  return {
    server,
    port,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}
