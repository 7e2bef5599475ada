/**
 * Shared set-up for the server's tests: the same suite runs on PGlite and,
 * when CARTLIFT_TEST_DATABASE_URL is set, on PostgreSQL; Stripe is the
 * offline sandbox reached through the real `stripe` client.
 */
import Stripe from 'stripe';
import { afterAll, beforeAll } from 'vitest';
import { startStripeSandbox, type StripeSandbox } from '@cartlift/stripe-sandbox';
import { createCartliftHandler, type CartliftHandler } from '../src/handler.js';
import { serve } from '../src/http/node.js';
import type { CartliftHandlerOptions } from '../src/options.js';
import type { PromotionsConfig } from '@cartlift/discounts';
import { createCatalog, type Product } from '../src/catalog.js';
import type { PricingContext } from '../src/pricing.js';
import { openStore, type StoreOptions } from '../src/store/open-store.js';
import type { Store } from '../src/store/types.js';
import { openPGlite } from '../src/store/pglite.js';
import { openPostgres } from '../src/store/postgres.js';
import type { SqlDatabase } from '../src/store/sql.js';

export interface StoreVariant {
  name: 'pglite' | 'postgres';
  open(): Promise<Store>;
}

const pgUrl = process.env.CARTLIFT_TEST_DATABASE_URL;
if (pgUrl && !/^postgres(ql)?:\/\//.test(pgUrl)) {
  // pg would read anything else as a host name ("getaddrinfo ENOTFOUND base").
  throw new Error(`CARTLIFT_TEST_DATABASE_URL must be one postgres:// URL; received ${JSON.stringify(pgUrl.slice(0, 80))}.`);
}
let noticePrinted = false;

/** PGlite always; PostgreSQL when CARTLIFT_TEST_DATABASE_URL is set (each call gets a fresh schema). */
export function storeVariants(): StoreVariant[] {
  const variants: StoreVariant[] = [{ name: 'pglite', open: () => openStore({ kind: 'pglite', memory: true }) }];
  if (pgUrl) {
    variants.push({ name: 'postgres', open: () => openPostgresStore() });
  } else if (!noticePrinted) {
    noticePrinted = true;
    console.warn('[cartlift] PostgreSQL variant of the server suite SKIPPED: set CARTLIFT_TEST_DATABASE_URL (test/pg/ensure-postgres.sh prints one).');
  }
  return variants;
}

/** A bare database (not a Store) per variant, for tests that apply migrations or read plans by hand. */
export interface DatabaseVariant {
  name: string;
  open(): Promise<SqlDatabase>;
}

/**
 * The variants as bare databases, PostgreSQL in a schema of its own; close
 * them with `closeDatabase`, which drops that schema.
 *
 * @example
 * describe.each(databaseVariants())('migrate on $name', ({ open }) => { … })
 */
export function databaseVariants(): DatabaseVariant[] {
  return [
    { name: 'pglite', open: () => openPGlite({ memory: true }) },
    ...(pgUrl ? [{ name: 'postgres', open: () => openPostgres({ connectionString: pgUrl, schema: newSchemaName(), max: 2 }) }] : []),
  ];
}

/** Closes a database from `databaseVariants`, dropping its PostgreSQL schema first. */
export async function closeDatabase(db: SqlDatabase | undefined): Promise<void> {
  if (db?.kind === 'postgres') await db.exec("DO $$ BEGIN EXECUTE format('DROP SCHEMA %I CASCADE', current_schema()); END $$");
  await db?.close();
}

/**
 * A PostgreSQL store in a schema of its own (so parallel test files never
 * meet); closing it drops the schema unless `keep` is set.
 */
export async function openPostgresStore(schema = newSchemaName(), { keep = false } = {}): Promise<Store> {
  const store = await openStore(postgresOptions(schema));
  const close = store.close;
  return Object.assign(store, {
    async close() {
      await close();
      if (keep) return;
      const pg = await import('pg');
      const client = new pg.default.Client({ connectionString: pgUrl! });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => client.end());
    },
  });
}

export function newSchemaName(): string {
  return `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

/** Options for a PostgreSQL store in the given schema. */
export function postgresOptions(schema = newSchemaName()): StoreOptions {
  // Small pools: every test file (and each simulated process) opens its own, under max_connections.
  return { kind: 'postgres', connectionString: pgUrl!, schema, max: 5 };
}

export const CATALOG: Product[] = [
  { sku: 'TEA-LJ-100', name: { en: 'West Lake Longjing tea 100 g', 'zh-CN': '西湖龙井 100克' }, price: 2400, currency: 'USD', tags: ['tea'] },
  { sku: 'CUP-CELADON', name: { en: 'Celadon tea cup', 'zh-CN': '青瓷茶杯' }, price: 1800, currency: 'USD', tags: ['teaware'] },
  {
    sku: 'POT-YIXING',
    name: { en: 'Yixing clay teapot', 'zh-CN': '宜兴紫砂壶' },
    price: 8900,
    currency: 'USD',
    tags: ['teaware'],
    addOns: [{ sku: 'ADDON-WARRANTY-1Y', kind: 'warranty', price: 900, name: { en: '1-year warranty', 'zh-CN': '一年保修' } }],
  },
];

const COMBINES = { product: true, order: true, shipping: true };

export const PROMOTIONS = {
  version: 1,
  promotions: [
    {
      id: 'first-order',
      name: 'First order $5 off',
      currency: 'USD',
      rule: { type: 'amount_off', amount: 500 },
      conditions: { firstPurchase: true },
      combinesWith: COMBINES,
    },
    { id: 'welcome10', name: 'WELCOME10', code: 'WELCOME10', rule: { type: 'percent_off', percent: 10 }, combinesWith: COMBINES },
    {
      id: 'limited100',
      name: 'LIMITED',
      code: 'LIMITED',
      currency: 'USD',
      rule: { type: 'amount_off', amount: 100 },
      limits: { total: 100 },
      combinesWith: COMBINES,
    },
    {
      id: 'once-each',
      name: 'ONCE',
      code: 'ONCE',
      currency: 'USD',
      rule: { type: 'amount_off', amount: 200 },
      limits: { perCustomer: 1 },
      combinesWith: COMBINES,
    },
  ],
};

/**
 * 满X减Y as a marketer adds it: `amount` off orders over `over` (minor units),
 * labelled in both languages, combining with everything else.
 */
export function orderDiscount(id: string, amount: number, over: number) {
  const dollars = (minor: number) => minor / 100;
  return {
    id,
    name: { en: `$${dollars(amount)} off orders over $${dollars(over)}`, 'zh-CN': `满${dollars(over)}减${dollars(amount)}` },
    currency: 'USD',
    rule: { type: 'amount_off' as const, amount, appliesTo: 'order' as const },
    conditions: { minSubtotal: over },
    combinesWith: { product: true, order: true, shipping: true },
  };
}

/** The harness's PROMOTIONS plus `added`, as a draft or a published version would hold them. */
export function promotionsWith(...added: ReturnType<typeof orderDiscount>[]): PromotionsConfig {
  return { version: 1, promotions: [...(PROMOTIONS as PromotionsConfig).promotions, ...added] };
}

/** Pricing inputs over the harness's catalog and promotions, for the console's pure parts. */
export function harnessPricing(store: Store): PricingContext {
  return { currency: 'USD', catalog: createCatalog(CATALOG), promotions: PROMOTIONS as PromotionsConfig, shippingOptions: [], store, channel: 'web' };
}

export interface Harness {
  handler: CartliftHandler;
  sandbox: StripeSandbox;
  stripe: Stripe;
  store: Store;
  /** http://127.0.0.1:port/api/cartlift */
  api: string;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  /** Confirms an intent with a test card and waits for the webhook to be handled. */
  pay(paymentIntentId: string, paymentMethod?: string): Promise<void>;
  /**
   * Pays as a shopper's browser does: a ConfirmationToken for the test method
   * (`pm_card_visa`, `pm_card_chargeDeclined`, `alipay`, `wechat_pay`…), then
   * `POST /checkout` with the total `/quote` shows this shopper (or `expectedTotal`).
   */
  checkout(body: CheckoutRequest, options?: CheckoutOptions): Promise<{ status: number; body: any; headers: Headers }>;
  /** A ConfirmationToken id for a test payment method, made the way the test helper makes them. */
  confirmationToken(paymentMethod?: string, returnUrl?: string): Promise<string>;
  close(): Promise<void>;
}

/** A `/checkout` body without the payment fields the harness adds. */
export interface CheckoutRequest {
  checkoutId: string;
  lines: Array<{ sku: string; quantity: number; variant?: string }>;
  contact: { email: string; name?: string; phone?: string };
  codes?: string[];
  shipping?: Record<string, unknown>;
  [extra: string]: unknown;
}

export interface CheckoutOptions {
  paymentMethod?: string;
  /** What the shopper was shown; default: what `/quote` answers for this cart and email now. */
  expectedTotal?: number;
  headers?: Record<string, string>;
}

const REDIRECT_TYPES = new Set(['alipay', 'wechat_pay']);

/** The handler's `stripe` option for a sandbox: its keys, its webhook secret, its loopback address. */
export function sandboxStripe(sandbox: StripeSandbox): CartliftHandlerOptions['stripe'] {
  return {
    secretKey: sandbox.secretKey,
    publishableKey: sandbox.publishableKey,
    webhookSecret: sandbox.webhookSecret,
    api: { host: '127.0.0.1', port: sandbox.port, protocol: 'http' },
  };
}

/**
 * A handler on a real loopback port, the sandbox delivering signed webhooks
 * to it, and the real `stripe` client pointed at the sandbox.
 */
export async function startHarness(store: Store, overrides: Partial<CartliftHandlerOptions> = {}, shared?: { sandbox: StripeSandbox }): Promise<Harness> {
  const sandbox = shared?.sandbox ?? (await startStripeSandbox({ port: 0 }));
  const handler = createCartliftHandler({
    currency: 'USD',
    catalog: CATALOG,
    promotions: PROMOTIONS,
    stripe: sandboxStripe(sandbox),
    store,
    logger: { error: (message, detail) => console.error(message, detail) },
    ...overrides,
  });
  const server = await serve(handler, { port: 0 });
  const api = `${server.url}${handler.basePath}`;
  sandbox.addWebhookEndpoint(`${api}/webhooks/stripe`);
  const stripe = new Stripe(sandbox.secretKey, { host: '127.0.0.1', port: sandbox.port, protocol: 'http', telemetry: false });
  const harness: Harness = {
    handler,
    sandbox,
    stripe,
    store,
    api,
    async call(method, path, body, headers = {}) {
      const response = await handler(
        // A loopback caller names this machine, as curl or a browser on it does.
        new Request(`http://${/^(127\.|::1$)/.test(headers['x-test-ip'] ?? '') ? '127.0.0.1:8787' : 'cartlift.test'}${handler.basePath}${path}`, {
          method,
          headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
          ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
        }),
        { clientIp: headers['x-test-ip'] ?? '203.0.113.7' },
      );
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, body: parsed, headers: response.headers };
    },
    async confirmationToken(paymentMethod = 'pm_card_visa', returnUrl = 'https://shop.example/checkout') {
      const params = REDIRECT_TYPES.has(paymentMethod)
        ? { payment_method_data: { type: paymentMethod }, return_url: returnUrl }
        : { payment_method: paymentMethod, return_url: returnUrl };
      return (await stripe.testHelpers.confirmationTokens.create(params as never)).id;
    },
    async checkout(body, { paymentMethod = 'pm_card_visa', expectedTotal, headers = {} } = {}) {
      let total = expectedTotal;
      if (total === undefined) {
        const quote = await harness.call(
          'POST',
          '/quote',
          {
            lines: body.lines,
            codes: body.codes ?? [],
            contact: { email: body.contact.email },
            ...(body.shipping ? { shipping: { optionId: body.shipping.optionId } } : {}),
          },
          headers,
        );
        if (quote.status !== 200) return quote;
        total = quote.body.total as number;
      }
      return harness.call('POST', '/checkout', { ...body, confirmationToken: await harness.confirmationToken(paymentMethod), expectedTotal: total }, headers);
    },
    async pay(paymentIntentId, paymentMethod = 'pm_card_visa') {
      await stripe.paymentIntents.confirm(paymentIntentId, { payment_method: paymentMethod });
      await sandbox.webhooksIdle();
    },
    async close() {
      await server.close();
      if (!shared) await sandbox.close();
    },
  };
  return harness;
}

/** Opens a store and a harness on it; the harness's `close()` closes both. */
export async function openHarness(open: () => Promise<Store>, overrides: Partial<CartliftHandlerOptions> = {}): Promise<Harness> {
  const store = await open();
  const harness = await startHarness(store, overrides).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  return {
    ...harness,
    async close() {
      await harness.close();
      await store.close();
    },
  };
}

/**
 * A harness for the enclosing `describe`: opened in `beforeAll`, closed in
 * `afterAll`. The returned object reads through to it, so tests use `h.call(...)`.
 */
export function useHarness(open: () => Promise<Store>, overrides: Partial<CartliftHandlerOptions> = {}): Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await openHarness(open, overrides);
  }, 60_000);
  afterAll(() => harness?.close());
  return new Proxy({} as Harness, {
    get(_, key) {
      if (!harness) throw new Error(`the harness is not open yet: read h.${String(key)} inside a test, not at describe time.`);
      return harness[key as keyof Harness];
    },
  });
}

/**
 * A store opened before a describe block's tests and closed after them; the
 * returned object reads through to it, so tests use `store.…` as they would the store.
 *
 * @example
 * describe.each(storeVariants())('on $name', ({ open }) => { const store = useStore(open); … })
 */
export function useStore(open: () => Promise<Store>): Store {
  let store: Store | undefined;
  beforeAll(async () => {
    store = await open();
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });
  return new Proxy({} as Store, {
    get(_, key) {
      if (!store) throw new Error(`the store is not open yet: read store.${String(key)} inside a test, not at describe time.`);
      const value = store[key as keyof Store];
      return typeof value === 'function' ? value.bind(store) : value;
    },
  });
}

let counter = 0;
/** A fresh checkout id / email per test, so tests share one database without meeting. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}
