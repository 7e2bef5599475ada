import type { IncomingMessage, ServerResponse, Server } from 'node:http';
import { capConnectionsPerAddress } from './connection-cap.js';
import { requestUrlFrom } from './url.js';

/** Methods fetch's Request refuses to hold (it throws): answered 405 here, before one is built. */
const UNREPRESENTABLE_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);
const FETCH_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';

function answerError(res: ServerResponse, status: number, error: { code: string; message: string; field?: string }, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify({ error }));
}

export interface HandlerContext {
  /** The connecting client's address, used for rate limits. */
  clientIp?: string;
}
export type FetchHandler = (request: Request, context?: HandlerContext) => Promise<Response>;
/** A fetch handler that may decline a request with null (as `scriptFiles()` does for paths it does not serve). */
export type PassingFetchHandler = (request: Request, context?: HandlerContext) => Promise<Response | null>;

/**
 * Adapts a fetch handler to Node's `http`, and to Express/Connect middleware:
 * requests outside the handler's base path, or that it answers null, go to
 * `fallback`, else to `next`, else get a 404. The body is streamed, never
 * buffered here, so the handler's size limit holds.
 *
 * @example
 * http.createServer(toNodeListener(createCartliftHandler(options))).listen(8787)
 * app.use(toNodeListener(handler)) // Express: before any body parser
 * app.use(toNodeListener(scriptFiles())) // null for other paths: Express goes on
 */
export function toNodeListener(
  handler: PassingFetchHandler & { basePath?: string },
  fallback?: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
) {
  const outside = (req: IncomingMessage) => {
    if (handler.basePath === undefined) return false;
    const path = (req.url ?? '/').split('?')[0]!;
    return path !== handler.basePath && !path.startsWith(`${handler.basePath}/`);
  };
  return async (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): Promise<void> => {
    // Awaited, so a failing fallback is answered here instead of rejecting unhandled (which ends the process).
    const passOn = async () => {
      if (fallback) await fallback(req, res);
      else if (next) next();
      else answerError(res, 404, { code: 'not_found', message: `Nothing is served at ${(req.url ?? '/').split('?')[0]!.slice(0, 200)}.` });
    };
    try {
      if (outside(req) && (fallback || next)) {
        await passOn();
        return;
      }
      const method = (req.method ?? 'GET').toUpperCase();
      if (UNREPRESENTABLE_METHODS.has(method)) {
        const message = `${method} is not supported here; use one of ${FETCH_METHODS}.`;
        answerError(res, 405, { code: 'method_not_allowed', message }, { allow: FETCH_METHODS, ...closeIfUnread(req) });
        return;
      }
      const url = requestUrlFrom(req.url ?? '/', req.headers.host);
      if (!url) {
        const message = `The request line and Host header must form a URL, as in "Host: shop.example" (no credentials, path or query); received ${JSON.stringify(String(req.headers.host ?? '').slice(0, 100))}.`;
        answerError(res, 400, { code: 'invalid_request', message, field: 'host' }, closeIfUnread(req));
        return;
      }
      const request = await toRequest(req, url);
      const response = await handler(request, { clientIp: req.socket.remoteAddress ?? '' });
      if (response) await writeResponse(req, res, response);
      else await passOn();
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

/**
 * An answer given before the request body was all received (413, 415, a
 * refused webhook) ends the connection: the unread rest of the body would
 * otherwise be parsed as the next request on a keep-alive socket.
 */
const closeIfUnread = (req: IncomingMessage): Record<string, string> => (req.complete ? {} : { connection: 'close' });

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

async function writeResponse(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  // The client hung up (an aborted upload, a timeout): nobody is left to answer.
  if (res.destroyed || res.socket?.destroyed) {
    await response.body?.cancel().catch(() => {});
    return;
  }
  const headers: Record<string, string | string[]> = closeIfUnread(req);
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
    if (res.destroyed) {
      await reader.cancel().catch(() => {});
      return;
    }
    // 'close' too: a socket destroyed mid-answer never drains.
    if (!res.write(value))
      await new Promise((resolve) => {
        res.once('drain', resolve);
        res.once('close', resolve);
      });
  }
  res.end();
}

export interface ServeOptions {
  port?: number;
  host?: string;
  /** Called for requests the handler has no route for (static files in the CLI). */
  fallback?: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
  /** Time a client has to send a whole request, headers and body; past it Node answers 408 and closes. Default 30000 (Node's own: 300000); 0 turns it off. */
  requestTimeoutMs?: number;
  /** Time a client has to send the request headers. Default 10000, and never more than `requestTimeoutMs`. */
  headersTimeoutMs?: number;
  /**
   * Connections one client address may hold open; more are answered 503 and
   * closed before being read. Default 50; false turns the cap off (behind a
   * reverse proxy every client shares the proxy's address).
   */
  maxConnectionsPerAddress?: number | false;
}

/** The numbers `serve` uses when `ServeOptions` does not say. */
export const SERVE_DEFAULTS = { requestTimeoutMs: 30_000, headersTimeoutMs: 10_000, maxConnectionsPerAddress: 50 } as const;

/**
 * Starts a Node HTTP server for the handler; resolves once listening. Slow
 * requests time out (`requestTimeoutMs`, 30 s) and one address holds at most
 * `maxConnectionsPerAddress` (50) connections.
 *
 * @example
 * const { url, close } = await serve(handler, { port: 8787 })
 * await serve(handler, { port: 8787, requestTimeoutMs: 60_000, maxConnectionsPerAddress: false }) // behind a proxy
 */
export async function serve(
  handler: FetchHandler & { basePath?: string },
  options: ServeOptions = {},
): Promise<{ server: Server; url: string; port: number; close(): Promise<void> }> {
  const { createServer } = await import('node:http');
  const requestTimeout = options.requestTimeoutMs ?? SERVE_DEFAULTS.requestTimeoutMs;
  const headersWanted = options.headersTimeoutMs ?? SERVE_DEFAULTS.headersTimeoutMs;
  // Node refuses a headers timeout longer than the request's (0 turns the request timeout off).
  const headersTimeout = requestTimeout > 0 ? Math.min(headersWanted, requestTimeout) : headersWanted;
  const listener = toNodeListener(handler, options.fallback);
  let refused: WeakSet<object> | undefined;
  const server = createServer(
    {
      requestTimeout,
      headersTimeout,
      // Node looks for timed-out requests this often (default 30 s, which would stretch a short timeout).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor((headersTimeout || requestTimeout || 4000) / 4))),
    },
    (req, res) => {
      // A refused connection is closing already; a request parsed on it before the close is not served.
      if (refused?.has(req.socket)) return;
      void listener(req, res);
    },
  );
  const cap = options.maxConnectionsPerAddress ?? SERVE_DEFAULTS.maxConnectionsPerAddress;
  if (cap !== false) refused = capConnectionsPerAddress(server, cap);
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
