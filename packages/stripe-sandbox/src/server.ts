import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStripeSandboxHandler, type StripeSandboxOptions } from './sandbox.js';

export interface StartStripeSandboxOptions extends StripeSandboxOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind (default 127.0.0.1: the sandbox is never for other machines). */
  host?: string;
}

/**
 * Starts the sandbox on its own HTTP server. Point the real `stripe` client at
 * it with `host`, `port` and `protocol: 'http'`, and load `stripeJsUrl` in the
 * browser instead of js.stripe.com. Keys are test-only stand-ins: never real secrets.
 * The API takes only `secretKey` (the one it was started with), and never from a browser.
 *
 * @example
 * import Stripe from 'stripe';
 * const sandbox = await startStripeSandbox({ webhooks: [{ url: 'http://127.0.0.1:3000/api/cartlift/webhooks/stripe' }] });
 * const stripe = new Stripe(sandbox.secretKey, { host: '127.0.0.1', port: sandbox.port, protocol: 'http' });
 * const intent = await stripe.paymentIntents.create({ amount: 1999, currency: 'usd' });
 * await sandbox.close();
 */
export async function startStripeSandbox(options: StartStripeSandboxOptions = {}) {
  const host = options.host ?? '127.0.0.1';
  const handler = createStripeSandboxHandler(options);
  const server = createServer(handler.handle);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!options.publicUrl) handler.setPublicUrl(url);
  return {
    ...handler,
    url,
    port,
    host,
    /** Script URL of the Stripe.js look-alike (defines `window.Stripe`). */
    stripeJsUrl: `${url}/v3/`,
    /** Options for `new Stripe(key, …)` that point the real client at this sandbox. */
    stripeClientOptions: { host, port, protocol: 'http' as const },
    /** Stops the server (open keep-alive connections included) and webhook delivery. */
    close(): Promise<void> {
      handler.stopWebhooks();
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

export type StripeSandbox = Awaited<ReturnType<typeof startStripeSandbox>>;
