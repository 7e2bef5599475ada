import { livePromotions } from './promotions/live-promotions.js';
import { CartliftError, assertCurrency, describeValue } from '@cartlift/core';
import { DEFAULT_LIMITS, MAX_CODES } from '@cartlift/core/contract';
import type { PromotionsConfig } from '@cartlift/discounts';
import { parsePromotionsConfig } from '@cartlift/discounts/schema';
import { type Catalog, createCatalog } from './catalog.js';
import { byteBudget } from './analytics/byte-budget.js';
import { retentionDays, storedBytesPerDay } from './analytics/collector-options.js';
import { reportTokenLimiter } from './analytics/token-throttle.js';
import { startAnalyticsPruning } from './analytics/retention.js';
import { auditRoutes } from './admin/audit-routes.js';
import { catalogRoutes } from './admin/catalog-route.js';
import { consoleRoutes } from './admin/console-routes.js';
import { funnelRoutes } from './admin/funnel-routes.js';
import { orderRoutes } from './admin/order-routes.js';
import { reviewModerationRoutes } from './admin/review-routes.js';
import { promotionRoutes } from './admin/promotion-routes.js';
import { codeRoutes } from './admin/code-routes.js';
import { adminRoutes } from './admin/routes.js';
import { userRoutes } from './admin/user-routes.js';
import { DEFAULT_SESSION_TTL_MS } from './admin/sessions.js';
import { UPLOAD_ABORTED } from './http/body.js';
import { crossOriginRoutes, parseAllowedOrigins, unionOfOrigins } from './http/cross-origin.js';
import { HttpError, toErrorResponse } from './http/errors.js';
import type { FetchHandler } from './http/node.js';
import type { CartliftHandlerOptions, HandlerContext } from './options.js';
import type { IdentifyCustomer } from './identify.js';
import { paymentMethodTypes } from './payment-methods.js';
import { couponLimits, createRateLimiter, storeRateLimiter } from './rate-limit.js';
import { createRouter, type Route } from './router.js';
import { checkoutRoute, completeRoute } from './routes/checkout.js';
import { eventsRoute, eventsStatsRoute } from './routes/events.js';
import { funnelRoute } from './routes/funnel.js';
import { reportRoute, reportStylesRoute } from './routes/report.js';
import { configRoute } from './routes/config.js';
import { quoteRoute } from './routes/quote.js';
import { reviewsRoute } from './routes/reviews.js';
import { helpfulRoute } from './routes/review-helpful.js';
import { invitationRoute, remindRoute } from './routes/review-invitations.js';
import { photoRoute, uploadPhotoRoute } from './routes/review-photos.js';
import { submitReviewRoute } from './routes/review-submit.js';
import { reviewInvitationRoutes } from './admin/review-invitation-routes.js';
import type { OnReviewInvitation } from './reviews/invitations.js';
import { reviewOptions } from './reviews/options.js';
import { reviewsRenderRoute } from './routes/reviews-render.js';
import { webhookRoute } from './routes/webhook.js';
import { createStripeClient } from './stripe/client.js';
import { openStore } from './store/open-store.js';
import { type StoreOpener, storeOpener } from './store/store-opener.js';
import type { Store } from './store/types.js';
import { env } from './env.js';
import { trustedHops } from './trust-proxy.js';

export interface CartliftHandler extends FetchHandler {
  /** The opened (and migrated) store. */
  store(): Promise<Store>;
  /** Closes the store (when the handler opened it). */
  close(): Promise<void>;
  readonly basePath: string;
}

const DAY_MS = 86_400_000;

/** Anything a route threw, as its answer: an upload the client abandoned noted at debug level only (routine), the rest as `toErrorResponse` says. */
function errorAnswer(ctx: HandlerContext) {
  return (error: unknown, request: Request): Response => {
    if (error instanceof HttpError && error.code === UPLOAD_ABORTED) {
      ctx.logger.debug?.(`[cartlift] ${request.method} ${new URL(request.url).pathname}: ${error.message}`);
    }
    return toErrorResponse(error, ctx.logger.error);
  };
}
const isCatalog = (value: unknown): value is Catalog => typeof (value as Catalog)?.lookup === 'function';
const isStore = (value: unknown): value is Store => typeof (value as Store)?.reservePromotions === 'function';

function eventsPerMinute(limit: unknown): number | false {
  if (limit === undefined) return 3000;
  if (limit === false || (Number.isSafeInteger(limit) && (limit as number) > 0)) return limit as number | false;
  throw new CartliftError(
    'invalid_option',
    `analytics.eventsPerMinute must be a positive whole number or false; received ${describeValue(limit)}.`,
    'analytics.eventsPerMinute',
  );
}

function webhookConcurrency(value: unknown): number {
  if (value === undefined) return 8;
  if (Number.isSafeInteger(value) && (value as number) > 0) return value as number;
  throw new CartliftError(
    'invalid_option',
    `limits.webhookConcurrency must be a positive whole number (webhook bodies read at once); received ${describeValue(value)}.`,
    'limits.webhookConcurrency',
  );
}

function reportToken(token: string | undefined): string | null {
  if (token === undefined || token === '') return null;
  if (typeof token !== 'string' || token.length < 16) {
    throw new CartliftError(
      'invalid_option',
      `analytics.reportToken must be a secret of at least 16 characters (for example from "openssl rand -hex 24"); received ${typeof token === 'string' ? `${token.length} characters` : typeof token}.`,
      'analytics.reportToken',
    );
  }
  return token;
}

function identifyHook(hook: unknown): IdentifyCustomer | undefined {
  if (hook === undefined || typeof hook === 'function') return hook as IdentifyCustomer | undefined;
  throw new CartliftError(
    'invalid_option',
    `identifyCustomer must be a function (request, { email }) => ({ segments?, stripeCustomerId? }) | null; received ${typeof hook}.`,
    'identifyCustomer',
  );
}

function reviewInvitationHook(hook: unknown): OnReviewInvitation | undefined {
  if (hook === undefined || typeof hook === 'function') return hook as OnReviewInvitation | undefined;
  throw new CartliftError('invalid_option', `onReviewInvitation must be a function (order, links) => void; received ${typeof hook}.`, 'onReviewInvitation');
}

function sessionTtl(ttl: unknown): number {
  if (ttl === undefined) return DEFAULT_SESSION_TTL_MS;
  if (Number.isSafeInteger(ttl) && (ttl as number) >= 60_000) return ttl as number;
  throw new CartliftError(
    'invalid_option',
    `admin.sessionTtlMs must be a whole number of milliseconds, at least 60000 (one minute); received ${describeValue(ttl)}.`,
    'admin.sessionTtlMs',
  );
}

/** The shop's time zone, checked by Intl at start (a typo would otherwise fail every status on the console). */
function shopTimeZone(timeZone: unknown): string {
  if (timeZone === undefined) return 'UTC';
  try {
    return new Intl.DateTimeFormat('en', { timeZone: timeZone as string }).resolvedOptions().timeZone;
  } catch {
    throw new CartliftError('invalid_option', `timeZone must be an IANA time zone such as "Asia/Shanghai"; received ${describeValue(timeZone)}.`, 'timeZone');
  }
}

function resolveContext(options: CartliftHandlerOptions): HandlerContext {
  const basePath = (options.basePath ?? '/api/cartlift').replace(/\/+$/, '');
  if (basePath && !basePath.startsWith('/'))
    throw new CartliftError(
      'invalid_option',
      `basePath must start with "/", such as "/api/cartlift"; received ${describeValue(options.basePath)}.`,
      'basePath',
    );
  const currency = assertCurrency(options.currency, 'currency');
  const promotions: PromotionsConfig = options.promotions === undefined ? { version: 1, promotions: [] } : parsePromotionsConfig(options.promotions);
  const webhookSecret = options.stripe.webhookSecret ?? env('STRIPE_WEBHOOK_SECRET');
  const given = options.store;
  const allowedOrigins = parseAllowedOrigins(options.allowedOrigins);
  return {
    basePath,
    allowedOrigins,
    currency,
    catalog: isCatalog(options.catalog) ? options.catalog : createCatalog(options.catalog),
    promotions,
    promotionsVersion: 0,
    managePromotions: options.managePromotions === true,
    timeZone: shopTimeZone(options.timeZone),
    stripe: createStripeClient(options.stripe),
    stripeOptions: options.stripe,
    webhookSecrets: webhookSecret === undefined ? [] : Array.isArray(webhookSecret) ? webhookSecret : [webhookSecret],
    // A failed open is not kept: the next request (after a short backoff) tries again.
    store: isStore(given) ? () => Promise.resolve(given) : storeOpener(() => openStore(given)),
    shippingOptions: options.shippingOptions ?? [],
    limits: {
      // The browser cart's own bounds: one rule on both sides (core's DEFAULT_LIMITS).
      maxQuantity: options.limits?.maxQuantity ?? DEFAULT_LIMITS.maxQuantity,
      maxLines: options.limits?.maxLines ?? DEFAULT_LIMITS.maxLines,
      maxCodes: options.limits?.maxCodes ?? MAX_CODES,
      bodyBytes: options.limits?.bodyBytes ?? 64 * 1024,
      webhookBodyBytes: options.limits?.webhookBodyBytes ?? 1024 * 1024,
      webhookConcurrency: webhookConcurrency(options.limits?.webhookConcurrency),
    },
    rateLimit: options.rateLimit === false ? false : couponLimits(options.rateLimit),
    reservationTtlMs: options.reservationTtlMs ?? 15 * 60_000,
    trustProxy: trustedHops(options.trustProxy),
    stripeCustomers: options.stripeCustomers ?? true,
    paymentMethodTypes: options.paymentMethodTypes ?? paymentMethodTypes,
    channel: options.channel ?? 'web',
    identifyCustomer: identifyHook(options.identifyCustomer),
    analytics: {
      allowedOrigins: unionOfOrigins(allowedOrigins, parseAllowedOrigins(options.analytics?.allowedOrigins, 'analytics.allowedOrigins')),
      reportToken: reportToken(options.analytics?.reportToken ?? env('CARTLIFT_REPORT_TOKEN')),
      eventsPerMinute: eventsPerMinute(options.analytics?.eventsPerMinute),
      storedBytesPerDay: storedBytesPerDay(options.analytics?.storedBytesPerDay),
      retentionDays: retentionDays(options.analytics?.retentionDays),
      counters: { since: (options.now ?? Date.now)(), batches: 0, accepted: 0, duplicates: 0, invalid: 0, refused: 0, throttled: 0 },
    },
    cartLinks: options.cartLinks ?? {},
    admin: { sessionTtlMs: sessionTtl(options.admin?.sessionTtlMs) },
    reviews: reviewOptions(options.reviews),
    onReviewInvitation: reviewInvitationHook(options.onReviewInvitation),
    now: options.now ?? Date.now,
    logger: options.logger ?? { error: (message, detail) => console.error(message, detail) },
  };
}

/**
 * The Cartlift server as a standard fetch handler: `(Request) => Promise<Response>`.
 * Mount it in Node (`toNodeListener`/`serve`), Express, Hono, Next.js route
 * handlers or an edge runtime. Routes live under `basePath`.
 *
 * @example
 * const handler = createCartliftHandler({
 *   currency: 'USD',
 *   catalog: JSON.parse(await readFile('catalog.json', 'utf8')),
 *   promotions: JSON.parse(await readFile('promotions.json', 'utf8')),
 *   stripe: { publishableKey: 'pk_test_...', secretKey: process.env.STRIPE_SECRET_KEY, webhookSecret: process.env.STRIPE_WEBHOOK_SECRET },
 * })
 * // Next.js: export const POST = handler; export const GET = handler;
 */
export function createCartliftHandler(options: CartliftHandlerOptions, extraRoutes: readonly Route[] = []): CartliftHandler {
  const ctx = resolveContext(options);
  // Coupon guessing is counted in the database (shared by every process); the events flood guard per process.
  const limiter = storeRateLimiter(ctx.store, ctx.rateLimit ? ctx.rateLimit.windowMs : 60_000);
  // Wrong report tokens, counted per address in the store for the funnel, its report and the stats alike.
  const tokenLimiter = reportTokenLimiter(ctx.store);
  const answerError = errorAnswer(ctx);
  // Reviews, photos, votes and reminders per address per hour, counted in the store.
  const reviewLimiter = storeRateLimiter(ctx.store, 3_600_000);
  const routes: Route[] = [
    // The routes a shopper's browser calls: open to pages on allowedOrigins, with their preflights.
    ...crossOriginRoutes(
      [
        { method: 'GET', path: '/config', handler: configRoute(ctx) },
        { method: 'POST', path: '/quote', handler: quoteRoute(ctx, limiter) },
        { method: 'POST', path: '/checkout', handler: checkoutRoute(ctx, limiter) },
        { method: 'POST', path: '/checkout/complete', handler: completeRoute(ctx) },
        { method: 'GET', path: '/reviews', handler: reviewsRoute(ctx) },
        { method: 'POST', path: '/reviews', handler: submitReviewRoute(ctx, reviewLimiter) },
        { method: 'POST', path: '/reviews/photos', handler: uploadPhotoRoute(ctx, reviewLimiter) },
        { method: 'GET', path: '/reviews/photos/*', handler: photoRoute(ctx) },
        { method: 'POST', path: '/reviews/helpful', handler: helpfulRoute(ctx, reviewLimiter) },
        { method: 'GET', path: '/reviews/invitation', handler: invitationRoute(ctx) },
        { method: 'POST', path: '/reviews/remind', handler: remindRoute(ctx, reviewLimiter, storeRateLimiter(ctx.store, DAY_MS)) },
        { method: 'GET', path: '/reviews/render', handler: reviewsRenderRoute(ctx) },
      ],
      ctx.allowedOrigins,
      { answerError },
    ),
    ...crossOriginRoutes(
      [
        {
          method: 'POST',
          path: '/events',
          handler: eventsRoute(ctx, { perMinute: createRateLimiter(60_000), bytesPerDay: byteBudget(storeRateLimiter(ctx.store, DAY_MS), DAY_MS) }),
        },
      ],
      ctx.analytics.allowedOrigins,
      { answerError, onRefused: () => void ctx.analytics.counters.refused++ },
    ),
    { method: 'POST', path: '/webhooks/stripe', handler: webhookRoute(ctx) },
    { method: 'GET', path: '/events/stats', handler: eventsStatsRoute(ctx, tokenLimiter) },
    { method: 'GET', path: '/funnel', handler: funnelRoute(ctx, tokenLimiter) },
    { method: 'GET', path: '/funnel/report', handler: reportRoute(ctx, tokenLimiter) },
    { method: 'GET', path: '/funnel/report.css', handler: reportStylesRoute() },
    ...adminRoutes(ctx),
    ...promotionRoutes(ctx),
    ...codeRoutes(ctx),
    ...orderRoutes(ctx),
    ...funnelRoutes(ctx),
    ...auditRoutes(ctx),
    ...userRoutes(ctx),
    ...catalogRoutes(ctx),
    ...reviewInvitationRoutes(ctx),
    ...reviewModerationRoutes(ctx),
    ...consoleRoutes(ctx),
    ...extraRoutes,
  ];
  const route = createRouter(ctx.basePath, routes);
  const live = options.managePromotions ? livePromotions(ctx, ctx.promotions) : undefined;
  // Keeps the collector's table bounded: events past analytics.retentionDays go, hourly, in small batches.
  const stopPruning = startAnalyticsPruning({ store: ctx.store, now: ctx.now, retentionDays: ctx.analytics.retentionDays, logger: ctx.logger });
  const handler = async (request: Request, context?: Parameters<FetchHandler>[1]): Promise<Response> => {
    try {
      await live?.refresh();
      return await route(request, context);
    } catch (error) {
      return answerError(error, request);
    }
  };
  return Object.assign(handler, {
    store: ctx.store,
    basePath: ctx.basePath,
    async close() {
      stopPruning();
      if (isStore(options.store)) return;
      // Only a store that was opened (or is opening): closing never starts an open.
      const store = await (ctx.store as StoreOpener).current()?.catch(() => null);
      await store?.close();
    },
  });
}
