import type { Server } from 'node:http';
import type { Socket } from 'node:net';

const REFUSAL =
  'HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\nRetry-After: 5\r\nConnection: close\r\nContent-Length: {length}\r\n\r\n{body}';

/** One client behind IPv4 and its IPv6-mapped form is one address. */
const addressOf = (socket: Socket) => (socket.remoteAddress ?? '').replace(/^::ffff:/, '');

/**
 * Caps the connections one client address may hold open on `server`: past
 * `max`, a new connection is answered 503 with Retry-After and closed, before
 * any of its request is read, so one address cannot hold every socket with
 * slow uploads. Returns the set of refused sockets, whose requests (if one
 * arrives before the close) the request listener must ignore.
 *
 * Behind a reverse proxy every connection comes from the proxy's address:
 * raise `max` or leave the cap off there (the proxy caps clients itself).
 *
 * @example
 * const refused = capConnectionsPerAddress(server, 50)
 * server.on('request', (req, res) => { if (!refused.has(req.socket)) listener(req, res) })
 */
export function capConnectionsPerAddress(server: Server, max: number): WeakSet<Socket> {
  const open = new Map<string, number>();
  const refused = new WeakSet<Socket>();
  // Prepended: counted (or refused) before Node's HTTP layer starts reading the socket.
  server.prependListener('connection', (socket: Socket) => {
    const address = addressOf(socket);
    const count = open.get(address) ?? 0;
    if (count >= max) {
      refused.add(socket);
      const body = JSON.stringify({
        error: { code: 'too_many_connections', message: `This address already holds ${max} open connections; close one or retry in a few seconds.` },
      });
      socket.on('error', () => {});
      socket.end(REFUSAL.replace('{length}', String(Buffer.byteLength(body))).replace('{body}', body));
      socket.destroySoon();
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
  return refused;
}
