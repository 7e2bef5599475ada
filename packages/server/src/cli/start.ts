import type { Server } from 'node:http';
import path from 'node:path';
import { createCartliftHandler, type CartliftHandler } from '../handler.js';
import { failAbandonedBatches } from '../promotions/code-batches.js';
import { serve } from '../http/node.js';
import type { CartliftHandlerOptions } from '../options.js';
import type { StripeOptions } from '../stripe/client.js';
import type { StripeSandbox } from '@cartlift/stripe-sandbox';
import type { CliArgs } from './args.js';
import { loadConfigFile } from './config-file.js';
import { type DemoOwner, ensureDemoOwner } from './demo-owner.js';
import { listedProducts, seedDemoReviews } from './demo-reviews.js';
import { type ScriptFilesHandler, scriptFiles } from '../http/script-files.js';
import { publicFiles } from './public-files.js';
import { env } from '../env.js';

export interface Running {
  url: string;
  apiUrl: string;
  /** The in-process Stripe sandbox, when one was started. */
  sandbox: StripeSandbox | undefined;
  handler: CartliftHandler;
  server: Server;
  /** With `--demo-owner` on a store that had no console account: the owner made now, and its only copy of the password. */
  demoOwner: DemoOwner | undefined;
  close(): Promise<void>;
}

/** Listens on `port`, or the next free port after it (up to 20 tries) when taken. */
async function listen(handler: CartliftHandler, args: CliArgs, fallback: ReturnType<typeof publicFiles>, behindProxy: boolean) {
  const first = args.port ?? 5173;
  for (let port = first; ; port++) {
    try {
      // Behind a proxy every client shares its address: a per-address cap would refuse real shoppers.
      return await serve(handler, { port, host: args.host, fallback, ...(behindProxy ? { maxConnectionsPerAddress: false as const } : {}) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' || args.strictPort || port === 0 || port - first >= 20) throw error;
    }
  }
}

/**
 * Starts the server the CLI describes: config file, the script build at `/`
 * (`scriptFiles()`), optional static dirs, the offline Stripe sandbox when
 * asked or when no STRIPE_SECRET_KEY is set, and with `--demo-owner` the
 * demo's first console owner (see `ensureDemoOwner`). `scripts` is the
 * installed cartlift package's build unless a test passes its own.
 *
 * @example
 * const running = await startFromArgs(parseArgs(['--config', 'examples/cartlift.config.json', '--sandbox']))
 */
export async function startFromArgs(
  args: CliArgs,
  overrides: Partial<CartliftHandlerOptions> = {},
  scripts: ScriptFilesHandler = scriptFiles(),
): Promise<Running> {
  const { file, options: fromFile } = await loadConfigFile(args.config);
  const options = args.dataDir ? { ...fromFile, store: { kind: 'pglite' as const, dataDir: path.resolve(args.dataDir) } } : fromFile;
  const useSandbox = args.sandbox || !env('STRIPE_SECRET_KEY');
  let sandbox: StripeSandbox | undefined;
  let stripe: StripeOptions;
  if (useSandbox) {
    const { startStripeSandbox } = await import('@cartlift/stripe-sandbox');
    // CARTLIFT_SANDBOX_SECRET_KEY fixes the one key the sandbox accepts (browser tests set it to check what reached "Stripe").
    const started = await startStripeSandbox({ port: 0, secretKey: env('CARTLIFT_SANDBOX_SECRET_KEY') || undefined });
    sandbox = started;
    stripe = {
      secretKey: started.secretKey,
      publishableKey: started.publishableKey,
      webhookSecret: started.webhookSecret,
      jsUrl: started.stripeJsUrl,
      api: { host: '127.0.0.1', port: started.port, protocol: 'http' },
    };
  } else {
    const publishableKey = env('STRIPE_PUBLISHABLE_KEY') ?? file.stripe?.publishableKey;
    if (!publishableKey)
      throw new Error('stripe.publishableKey in the config (or STRIPE_PUBLISHABLE_KEY) must be set to a "pk_test_..." key when STRIPE_SECRET_KEY is set.');
    stripe = { publishableKey };
    if (!env('STRIPE_WEBHOOK_SECRET')) {
      console.warn('cartlift-server: STRIPE_WEBHOOK_SECRET is not set, so every Stripe webhook will be refused and no order recorded; see docs/server.md.');
    }
  }
  const handlerOptions: CartliftHandlerOptions = { ...options, stripe, ...overrides };
  const handler = createCartliftHandler(handlerOptions);
  // The store is opened before listening: a folder that is not a database, or a database that is down, stops the start with its sentence.
  const store = await handler.store().catch(async (error: unknown) => {
    await sandbox?.close();
    throw error;
  });
  // Batches of single-use codes a stopped process was writing: failed with a sentence, not "generating" for ever.
  if (handlerOptions.managePromotions) await failAbandonedBatches(store, Date.now());
  // The script build is served at / by default, so a shop on any origin can load cartlift.js from here.
  const running = await listen(handler, args, publicFiles(scripts, args.static), handlerOptions.trustProxy === true);
  const apiUrl = `${running.url}${handler.basePath}`;
  if (sandbox) await sandbox.addWebhookEndpoint(`${apiUrl}/webhooks/stripe`);
  // Once listening: a start that fails before never makes an account whose password nobody saw.
  const demoOwner = args.demoOwner ? await ensureDemoOwner(store, args.demoOwner, handlerOptions.now?.() ?? Date.now()) : null;
  if (args.demoReviews) await seedDemoReviews(store, listedProducts(handlerOptions.catalog), handlerOptions.now?.() ?? Date.now());
  return {
    url: running.url,
    apiUrl,
    sandbox,
    handler,
    server: running.server,
    demoOwner: demoOwner ?? undefined,
    async close() {
      await running.close();
      await sandbox?.close();
      await handler.close();
    },
  };
}
