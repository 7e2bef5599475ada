import type { IncomingMessage, ServerResponse, Server } from 'node:http';
import { urlOrNull } from './url.js';

export interface HandlerContext {
  /** The connecting client's address, used for rate limits. */
  clientIp?: string;
}
export type FetchHandler = (request: Request, context?: HandlerContext) => Promise<Response>;

/**
 * Adapts a fetch handler to Node's `http`, and to Express/Connect middleware:
 * requests outside the handler's base path go to `fallback`, else to `next`,
 * else get a 404. The body is streamed, never buffered here, so the
 * handler's size limit holds.
 *
 * @example
 * http.createServer(toNodeListener(createCartliftHandler(options))).listen(8787)
 * app.use(toNodeListener(handler)) // Express: before any body parser
 */
export function toNodeListener(handler: FetchHandler & { basePath?: string }, fallback?: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>) {
  const outside = (req: IncomingMessage) => {
    if (handler.basePath === undefined) return false;
    const path = (req.url ?? '/').split('?')[0]!;
    return path !== handler.basePath && !path.startsWith(`${handler.basePath}/`);
  };
  return async (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): Promise<void> => {
    try {
      if (outside(req) && (fallback || next)) {
        // Awaited, so a failing fallback is answered here instead of rejecting unhandled (which ends the process).
        if (fallback) await fallback(req, res);
        else next!();
        return;
      }
      const url = requestUrl(req);
      if (!url) {
        const message = `The request line and Host header must form a URL, as in "Host: shop.example"; received ${JSON.stringify(String(req.headers.host ?? '').slice(0, 100))}.`;
        res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: { code: 'invalid_request', message, field: 'host' } }));
        return;
      }
      const request = await toRequest(req, url);
      const response = await handler(request, { clientIp: req.socket.remoteAddress ?? '' });
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

// Loaded on first use so that importing this package on an edge runtime never touches node:stream.
let readable: Promise<typeof import('node:stream').Readable> | undefined;
const nodeReadable = () => {
  readable ??= import('node:stream').then((m) => m.Readable);
  return readable;
};

/** The request's URL, or null when a client sent a Host (or path) no URL can hold. */
const requestUrl = (req: IncomingMessage) => urlOrNull(req.url ?? '/', `http://${req.headers.host || 'localhost'}`);

async function toRequest(req: IncomingMessage, url: URL): Promise<Request> {
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
    body: hasBody ? ((await nodeReadable()).toWeb(req) as ReadableStream<Uint8Array>) : null,
    // Required by Node's fetch for streamed request bodies.
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit);
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
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
  fallback?: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
}

/**
 * Starts a Node HTTP server for the handler; resolves once listening.
 *
 * @example
 * const { url, close } = await serve(handler, { port: 8787 })
 */
export async function serve(
  handler: FetchHandler & { basePath?: string },
  options: ServeOptions = {},
): Promise<{ server: Server; url: string; port: number; close(): Promise<void> }> {
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
