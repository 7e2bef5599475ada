/**
 * A loopback TCP proxy a test can cut and restore, to play "the database went
 * down" without touching the shared PostgreSQL server other tests use.
 */
import { createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  /** The port clients connect to (stable across `cut` and `restore`). */
  readonly port: number;
  /** Drops every open connection and refuses new ones, as a stopped server does. */
  cut(): Promise<void>;
  /** Accepts and forwards connections again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Forwards 127.0.0.1:<port> to `targetHost:targetPort`.
 *
 * @example
 * const proxy = await startTcpProxy(5432)
 * await proxy.cut() // connections reset, new ones refused
 * await proxy.restore()
 */
export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server = createServer((client) => {
        const upstream = new (client.constructor as typeof Socket)();
        track(client);
        track(upstream);
        upstream.connect(targetPort, targetHost);
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server!.address() as { port: number }).port));
    });
  const stop = async () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    const closing = server;
    server = undefined;
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };
  const port = await listen(0);
  return {
    port,
    cut: stop,
    async restore() {
      if (!server) await listen(port);
    },
    close: stop,
  };
}
