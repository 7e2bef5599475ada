import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parsePromotionsConfig } from '@cartlift/discounts/schema';
import { scriptFiles } from '../http/script-files.js';
import { openStore } from '../store/open-store.js';
import { parseArgs } from './args.js';
import { loadConfigFile } from './config-file.js';
import { startFromArgs, type Running } from './start.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const config = path.join(root, 'examples/cartlift.config.json');

describe('parseArgs', () => {
  test('reads repeated --static and --port', () => {
    expect(parseArgs(['--config', 'c.json', '--port=9000', '--static', 'a', '--static', 'b', '--sandbox'])).toMatchObject({
      config: 'c.json',
      port: 9000,
      static: ['a', 'b'],
      sandbox: true,
    });
    expect(parseArgs(['--data-dir', '/tmp/x']).dataDir).toBe('/tmp/x');
    expect(() => parseArgs(['--data-dir'])).toThrow('--data-dir needs a value; received nothing.');
  });
  test('reads PORT, which --port overrides, and --strict-port', () => {
    expect(parseArgs([], { PORT: '4173' }).port).toBe(4173);
    expect(parseArgs(['--port', '9000', '--strict-port'], { PORT: '4173' })).toMatchObject({ port: 9000, strictPort: true });
    expect(() => parseArgs([], { PORT: 'abc' })).toThrow('PORT must be a whole number');
  });
  test('names the flag at fault', () => {
    expect(() => parseArgs(['--port', 'http'])).toThrow('--port must be a whole number from 0 to 65535; received "http".');
    expect(() => parseArgs(['--nope'])).toThrow('Unknown option "--nope"');
    expect(() => parseArgs(['--config'])).toThrow('--config needs a value');
  });
});

test("the demo config and catalog are valid; its promotions are managed in the console, in the shop's time zone", async () => {
  const { options } = await loadConfigFile(config);
  expect(options).toMatchObject({ managePromotions: true, timeZone: 'Asia/Shanghai' });
  expect(parsePromotionsConfig(options.promotions).promotions.map((p) => p.id)).toEqual([
    'first-order-5',
    'spend-more-save-more',
    'free-shipping-50',
    'welcome10',
  ]);
  const catalog = options.catalog as { lookup(skus: string[]): Promise<Map<string, unknown>> };
  expect([...(await catalog.lookup(['TEA-LJ-100', 'CUP-CELADON', 'POT-YIXING', 'SET-GIFT'])).keys()]).toHaveLength(4);
});

test('a --data-dir that is not a PGlite database stops the start with a sentence naming it, and is left as it was', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cartlift-cli-folder-'));
  try {
    await writeFile(path.join(dataDir, 'orders.csv'), 'not a database');
    await expect(startFromArgs(parseArgs(['--config', config, '--sandbox', '--port', '0', '--data-dir', dataDir]))).rejects.toThrow(
      `The embedded database folder ${dataDir} is not a PGlite database (PG_VERSION is missing); move it away or point --data-dir elsewhere — nothing was changed.`,
    );
    expect(await readdir(dataDir)).toEqual(['orders.csv']);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}, 60_000);

describe('cartlift-server with the sandbox, end to end over HTTP', () => {
  let running: Running;
  let blocker: ReturnType<typeof createServer>;
  let scriptsDir: string;
  beforeAll(async () => {
    // Take a port so the CLI has to move to the next one.
    blocker = createServer();
    const taken = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
    // A script build of its own: the unit tests run before `npm run build` makes the real one.
    scriptsDir = await mkdtemp(path.join(tmpdir(), 'cartlift-cli-cdn-'));
    await mkdir(path.join(scriptsDir, 'chunks'));
    await writeFile(path.join(scriptsDir, 'cartlift.js'), 'import(new URL("cartlift-boot.js",document.currentScript.src))');
    await writeFile(path.join(scriptsDir, 'cartlift-boot.js'), 'import"./chunks/base-Ab12Cd34.js"');
    await writeFile(path.join(scriptsDir, 'chunks/base-Ab12Cd34.js'), 'export{}');
    running = await startFromArgs(
      parseArgs(['--config', config, '--sandbox', '--port', String(taken), '--static', path.join(root, 'examples/script-tag')]),
      { store: await openStore({ kind: 'pglite', memory: true }) },
      scriptFiles({ dir: scriptsDir }),
    );
    expect(new URL(running.url).port).not.toBe(String(taken));
  }, 60_000);
  afterAll(async () => {
    await running?.close();
    await running?.handler.store().then((s) => s.close());
    blocker?.close();
    await rm(scriptsDir, { recursive: true, force: true });
  });

  test('serves the script build at / to pages on any origin, ahead of the static folders', async () => {
    const loader = await fetch(`${running.url}/cartlift.js`, { headers: { origin: 'https://shop.example' } });
    expect(loader.status).toBe(200);
    expect(loader.headers.get('access-control-allow-origin')).toBe('*');
    expect(loader.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const boot = await fetch(`${running.url}/cartlift-boot.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect([boot.status, boot.headers.get('content-encoding'), boot.headers.get('cache-control')]).toEqual([200, 'gzip', 'public, max-age=300']);
    expect(await boot.text()).toBe('import"./chunks/base-Ab12Cd34.js"');
    const chunk = await fetch(`${running.url}/chunks/base-Ab12Cd34.js`, { method: 'HEAD' });
    expect(chunk.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${running.url}/cartlift.js`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${running.url}/chunks/gone-Zz99Yy88.js`)).status).toBe(404);
    const page = await fetch(`${running.url}/store.js`);
    expect([page.status, page.headers.get('cache-control')]).toEqual([200, 'no-cache']);
  });

  test('request targets and Host headers that are no URL get 4xx, and the server lives on', async () => {
    const { request } = await import('node:http');
    const raw = (target: string, host?: string) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL(running.url);
        const req = request({ host: url.hostname, port: url.port, path: target, headers: host ? { host } : {} }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await raw('//a:99999')).toBe(404);
    expect(await raw('/api/cartlift//a:99999')).toBe(404);
    expect(await raw('/api/cartlift/config', 'a:99999')).toBe(400);
    expect(await raw('/', 'a:99999')).toBe(200);
    expect((await fetch(`${running.apiUrl}/config`)).status).toBe(200);
  });

  test('serves config, static files, quote, checkout, and records the order from the signed webhook', async () => {
    const cfg = await (await fetch(`${running.apiUrl}/config`)).json();
    expect(cfg.publishableKey).toMatch(/^pk_test_/);
    expect(cfg.stripeJsUrl).toBe(running.sandbox!.stripeJsUrl);
    expect(JSON.stringify(cfg)).not.toContain('WELCOME10"');
    const page = await fetch(`${running.url}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('data-cartlift-add="TEA-LJ-100"');
    expect((await fetch(`${running.url}/../../etc/passwd`)).status).toBe(404);

    const email = `cli-${Date.now()}@example.com`;
    const lines = [
      { sku: 'POT-YIXING', quantity: 1 },
      { sku: 'ADDON-WARRANTY-1Y', quantity: 1 },
    ];
    const quote = await (
      await fetch(`${running.apiUrl}/quote`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ lines, contact: { email } }),
      })
    ).json();
    // 9800 subtotal: $5 first order + $8 tier; free shipping over $50.
    expect(quote.total).toBe(9800 - 500 - 800);
    expect(quote.shippingTotal).toBe(0);

    const stripe = new Stripe(running.sandbox!.secretKey, { ...running.sandbox!.stripeClientOptions, telemetry: false });
    const token = await stripe.testHelpers.confirmationTokens.create({ payment_method: 'pm_card_visa' });
    const body = { checkoutId: `cli-${Date.now()}`, lines, contact: { email }, confirmationToken: token.id, expectedTotal: quote.total };
    const res = await fetch(`${running.apiUrl}/checkout`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const checkout = await res.json();
    expect(checkout).toMatchObject({ status: 'succeeded', amount: quote.total });
    await running.sandbox!.webhooksIdle();
    const store = await running.handler.store();
    const order = (await store.listOrders()).find((o) => o.paymentIntentId === checkout.paymentIntentId);
    expect(order?.amount).toBe(quote.total);
  });
});

test('the config file may allow shops on other origins (allowedOrigins; the older analytics.allowedOrigins still read), and the report token stays in the environment', async () => {
  const { mkdtemp, writeFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const dir = await mkdtemp(path.join(tmpdir(), 'cartlift-config-'));
  const file = path.join(dir, 'cartlift.config.json');
  const base = { currency: 'USD', catalog: [{ sku: 'A', name: 'A', price: 100, currency: 'USD' }] };
  await writeFile(file, JSON.stringify({ ...base, allowedOrigins: ['https://shop.example'] }));
  expect((await loadConfigFile(file)).options.allowedOrigins).toEqual(['https://shop.example']);
  await writeFile(file, JSON.stringify({ ...base, allowedOrigins: 'https://shop.example' }));
  await expect(loadConfigFile(file)).rejects.toThrow(/allowedOrigins/);
  await writeFile(file, JSON.stringify({ ...base, analytics: { allowedOrigins: ['https://shop.example'] } }));
  expect((await loadConfigFile(file)).options.analytics).toEqual({ allowedOrigins: ['https://shop.example'] });
  await writeFile(file, JSON.stringify({ ...base, analytics: { eventsPerMinute: 600 } }));
  expect((await loadConfigFile(file)).options.analytics).toEqual({ eventsPerMinute: 600 });
  await writeFile(file, JSON.stringify({ ...base, analytics: { storedBytesPerDay: 1_000_000, retentionDays: 90 } }));
  expect((await loadConfigFile(file)).options.analytics).toEqual({ storedBytesPerDay: 1_000_000, retentionDays: 90 });
  await writeFile(file, JSON.stringify({ ...base, analytics: { retentionDays: 0 } }));
  await expect(loadConfigFile(file)).rejects.toThrow(/analytics\.retentionDays/);
  await writeFile(file, JSON.stringify({ ...base, analytics: { eventsPerMinute: -1 } }));
  await expect(loadConfigFile(file)).rejects.toThrow(/analytics\.eventsPerMinute/);
  await writeFile(file, JSON.stringify({ ...base, analytics: { reportToken: 'in-the-file-0123456789' } }));
  await expect(loadConfigFile(file)).rejects.toThrow(/analytics/);
});
