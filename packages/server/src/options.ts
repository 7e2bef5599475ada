import type { CartLinkOptions } from './cart-links.js';
import type { PromotionsConfig } from '@cartlift/discounts';
import type Stripe from 'stripe';
import type { Catalog, CatalogSource } from './catalog.js';
import type { AllowedOrigins } from './http/cross-origin.js';
import type { IdentifyCustomer } from './identify.js';
import type { ShippingOption } from './pricing.js';
import type { CouponLimits, RateLimitOptions } from './rate-limit.js';
import type { RequestLimits } from './requests.js';
import type { OnReviewInvitation } from './reviews/invitations.js';
import type { ResolvedReviewOptions, ReviewOptions } from './reviews/options.js';
import type { StripeOptions } from './stripe/client.js';
import type { StoreOptions } from './store/open-store.js';
import type { Store } from './store/types.js';

export interface CartliftHandlerOptions {
  /** Where the routes live. Default `/api/cartlift`. */
  basePath?: string;
  /**
   * Shops on other origins whose pages may call the shopper API (`/config`,
   * `/quote`, `/checkout`, `/checkout/complete`, `/reviews` and its submission,
   * photo, vote, invitation and reminder routes, `/events`), such as
   * ["https://shop.example"], or "*". Default: the server's own origin only.
   * The console's routes never allow another origin.
   */
  allowedOrigins?: string[] | '*';
  /** ISO 4217 code every price is in, such as "USD". */
  currency: string;
  /** Products: a list, `{ products }` (a JSON file's contents), a `getProducts(skus)` callback, or a ready Catalog. */
  catalog: CatalogSource | Catalog;
  /** The promotions config (validated with `parsePromotionsConfig`). Default: none. */
  promotions?: PromotionsConfig | unknown;
  /**
   * Promotions managed in the store, as the console publishes them: `promotions`
   * becomes version 1 on the first start, then the latest published version is
   * in force, in every process within a second of its publish. Default false:
   * `promotions` is in force as given.
   */
  managePromotions?: boolean;
  /** The shop's IANA time zone, such as "Asia/Shanghai": the console computes promotion statuses in it. Default "UTC". */
  timeZone?: string;
  stripe: StripeOptions;
  /** A Store, options to open one, or nothing for PGlite under `./.cartlift` (PostgreSQL when DATABASE_URL is set). */
  store?: Store | StoreOptions;
  /** Shipping choices; the first is the default. Default: none (no shipping line). */
  shippingOptions?: ShippingOption[];
  /**
   * Request limits: maxQuantity (999, as the browser cart), maxLines (100), maxCodes (5), bodyBytes (64 KiB), webhookBodyBytes (1 MiB),
   * webhookConcurrency (8: webhook bodies read at once per process; one more is answered 503 with Retry-After, its body unread).
   */
  limits?: Partial<RequestLimits & { bodyBytes: number; webhookBodyBytes: number; webhookConcurrency: number }>;
  /** Limits on failed coupon codes (guessing), or false to turn them off. */
  rateLimit?: RateLimitOptions | false;
  /**
   * How long a payment attempt that waits for the shopper (3-D Secure, the
   * Alipay page, the WeChat Pay QR code) holds its limited promotions and
   * first-order offer. Past it, the next checkout that needs them cancels the
   * unpaid intent and takes them. Default 15 minutes.
   */
  reservationTtlMs?: number;
  /**
   * How many proxies you control stand in front of the server (as Express's
   * `trust proxy`): the client IP is the right-most X-Forwarded-For address
   * they did not add, and X-Forwarded-Proto is read from the outermost. `true`
   * means 1. Default false (0): the socket's address.
   *
   * @example
   * trustProxy: 2 // a CDN in front of a load balancer in front of the server
   */
  trustProxy?: number | boolean;
  /** Create (or reuse) a Stripe Customer per email and attach it to the intent. Default true. */
  stripeCustomers?: boolean;
  /** Override the payment method types per currency (see docs/server.md for the default table). */
  paymentMethodTypes?: (currency: string) => string[];
  /** Cart links: an HMAC secret to verify signed links, and whether unsigned ones are refused. */
  cartLinks?: CartLinkOptions;
  /** Sales channel passed to the engine (promotions can target channels). Default "web". */
  channel?: string;
  /**
   * Who the shopper is, from your own session: segment tags for promotions'
   * `conditions.segments`, and their Stripe Customer (attached to the intent;
   * its paid orders end first purchase whatever email is typed). Called by
   * `POST /quote` and `POST /checkout`; return null for guests. A hook that
   * throws or returns anything else is logged and answered with a 500.
   *
   * @example
   * identifyCustomer: async (request, { email }) => {
   *   const user = await sessions.fromCookie(request.headers.get('cookie'))
   *   if (!user) return null // a guest: first purchase by email alone
   *   return { segments: user.isVip ? ['vip'] : [], stripeCustomerId: user.stripeCustomerId }
   * }
   */
  identifyCustomer?: IdentifyCustomer;
  /** The analytics collector (`POST /events`) and the funnel (`GET /funnel`, `/funnel/report`). */
  analytics?: AnalyticsOptions;
  /** The marketer console's accounts and sessions (see docs/console.md). */
  admin?: AdminOptions;
  /** Reviews shoppers write: invitation links, unverified reviews, moderation, attributes, photos (see docs/reviews.md). */
  reviews?: ReviewOptions;
  /**
   * Your mailer for review links: called once per paid order with one signed,
   * single-use link per product line (valid 180 days), and again when the
   * shopper asks "review later" on the thank-you screen. Not awaited by the
   * webhook; a hook that throws is logged, the links stay listed in the console.
   *
   * @example
   * onReviewInvitation: async (order, links) => {
   *   if (order.email) await mailer.send(order.email, 'How was your tea?', links.map((l) => `${l.productName}: ${l.url}`).join('\n'))
   * }
   */
  onReviewInvitation?: OnReviewInvitation;
  /** Clock, for tests. */
  now?: () => number;
  /** Where unexpected errors go (and, with `debug`, expected noise such as aborted uploads). Default console, without debug. */
  logger?: Logger;
}

export interface AdminOptions {
  /** How long a console sign-in lasts, in ms. Default 12 hours. */
  sessionTtlMs?: number;
}

export interface AnalyticsOptions {
  /** @deprecated Use the top-level `allowedOrigins`, which covers every shopper route; still read, for `/events` only. */
  allowedOrigins?: string[] | '*';
  /** Token that opens the funnel, its report and `/events/stats`. Default CARTLIFT_REPORT_TOKEN; without one, requests from this machine only. */
  reportToken?: string;
  /**
   * Events accepted per client IP per minute before `POST /events` answers
   * 429 with Retry-After (the plugin waits and resends, so nothing is lost),
   * or false for no limit. Default 3000: a shopper sends tens a minute, a
   * shared (NAT) address a few hundred.
   */
  eventsPerMinute?: number | false;
  /**
   * Bytes of events stored per client IP in a 24-hour window (counted from
   * its first stored event, in the store so every process shares it), or false for no cap. Over it, `POST /events`
   * answers 429 with Retry-After. Default 16 MiB: thousands of shoppers' worth.
   */
  storedBytesPerDay?: number | false;
  /**
   * Days an event is kept after it was received; older ones are deleted in the
   * background (hourly, in bounded batches). Default 400: a year compared with
   * the one before, plus a month.
   */
  retentionDays?: number;
}

/** Events counted by this process since it started. */
export interface AnalyticsCounters {
  since: number;
  batches: number;
  accepted: number;
  duplicates: number;
  invalid: number;
  /** Whole batches refused (not JSON, no events array, too large, origin not allowed, over the rate limit). */
  refused: number;
  /** Of those, batches refused by the per-client rate limit (resent later by the plugin). */
  throttled: number;
}

/** Everything a route needs, resolved once. */
export interface HandlerContext {
  basePath: string;
  currency: string;
  catalog: Catalog;
  /** The promotions in force: the configured ones, or with `managePromotions` the latest published version. */
  promotions: PromotionsConfig;
  /** The shop's IANA time zone: promotion times without their own are read in it. */
  timeZone: string;
  /** Promotions are published in the store (the `managePromotions` option): quoted carts are kept for replay. */
  managePromotions: boolean;
  /** The published version `promotions` is (0: the configured file, not from the store). */
  promotionsVersion: number;
  stripe: Stripe;
  stripeOptions: StripeOptions;
  webhookSecrets: string[];
  store: () => Promise<Store>;
  shippingOptions: ShippingOption[];
  limits: RequestLimits & { bodyBytes: number; webhookBodyBytes: number; webhookConcurrency: number };
  rateLimit: CouponLimits | false;
  reservationTtlMs: number;
  /** Proxies trusted in front of the server (0: none; the `trustProxy` option, `true` read as 1). */
  trustProxy: number;
  stripeCustomers: boolean;
  paymentMethodTypes: (currency: string) => string[];
  cartLinks: CartLinkOptions;
  channel: string;
  identifyCustomer: IdentifyCustomer | undefined;
  /** The `allowedOrigins` option, for every shopper route. */
  allowedOrigins: AllowedOrigins;
  analytics: {
    /** What `/events` allows: `allowedOrigins` and the older `analytics.allowedOrigins` together. */
    allowedOrigins: AllowedOrigins;
    reportToken: string | null;
    eventsPerMinute: number | false;
    storedBytesPerDay: number | false;
    retentionDays: number;
    counters: AnalyticsCounters;
  };
  admin: { sessionTtlMs: number };
  reviews: ResolvedReviewOptions;
  onReviewInvitation: OnReviewInvitation | undefined;
  now: () => number;
  logger: Logger;
}

/** Where the server writes: `error` for what needs a person, `debug` (optional) for what is expected but may help. */
export interface Logger {
  error(message: string, detail?: unknown): void;
  info?(message: string): void;
  debug?(message: string): void;
}
