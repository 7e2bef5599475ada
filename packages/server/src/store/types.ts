import type { PromotionsConfig } from '@cartlift/discounts';
import type { Rating, Review, ReviewPage, ReviewQuery, ReviewStatus } from '@cartlift/reviews';
/**
 * The final answer of a payment attempt that did not end in an order, kept so
 * a retried request (same checkout id) gets the same answer.
 */
export interface CheckoutOutcome {
  status: 'failed' | 'canceled' | 'flagged';
  code: string;
  message: string;
  /** Stripe's decline code, when a card was declined. */
  declineCode?: string;
}

/** A succeeded payment that differs from what the server priced: never an order. */
export interface PaymentFlag {
  paymentIntentId: string;
  checkoutId: string | null;
  expectedAmount: number | null;
  expectedCurrency: string | null;
  receivedAmount: number;
  receivedCurrency: string;
  reason: string;
  createdAt: number;
}

/** A promotion hold that may be freed: its checkout and how far its attempt got. */
export interface StaleHold {
  checkoutId: string;
  paymentIntentId: string | null;
  pendingCreate: Record<string, unknown> | null;
}

/**
 * A checkout row: one payment attempt per client checkout id, holding at
 * most one PaymentIntent, created and confirmed by the server.
 */
export interface CheckoutRecord {
  checkoutId: string;
  paymentIntentId: string | null;
  clientSecret: string | null;
  /** Parameters sent (or about to be sent) to create the intent; replayed after a crash. */
  pendingCreate: Record<string, unknown> | null;
  status: 'open' | 'succeeded' | 'failed' | 'canceled' | 'flagged';
  amount: number | null;
  currency: string | null;
  email: string | null;
  emailNormalized: string | null;
  stripeCustomerId: string | null;
  lines: unknown;
  quote: unknown;
  /** Promotions the latest quote applied (what the shopper pays with). */
  promotionIds: string[];
  /** Why the attempt ended without an order (failed, canceled, flagged). */
  outcome: CheckoutOutcome | null;
  /** The browser cart's id, when the checkout request named it: joins the order to the shopper's funnel events. */
  cartId: string | null;
  /** The analytics plugin's anonymous id, when the checkout request named it. */
  anonymousId: string | null;
}

export interface OrderRecord {
  paymentIntentId: string;
  checkoutId: string | null;
  amount: number;
  currency: string;
  email: string | null;
  emailNormalized: string | null;
  stripeCustomerId: string | null;
  lines: unknown;
  promotions: string[];
  createdAt: number;
  /** Copied from the checkout when the order is recorded. */
  cartId: string | null;
  anonymousId: string | null;
}

/** A promotion to reserve, with the limits the config gives it. */
export interface PromotionClaim {
  id: string;
  /** Total redemptions allowed across all customers. */
  limit?: number | undefined;
  /** Redemptions allowed per customer (needs a customer key). */
  perCustomerLimit?: number | undefined;
  /** Counts per-customer use under this key instead of the reservation's `customerKey`. */
  customerKey?: string | undefined;
  /** Total discount money the promotion may give, minor units (`limits.budget`). */
  budget?: number | undefined;
  /** The discount this promotion gives in this checkout's cart, minor units: held against `budget`. */
  amount?: number | undefined;
}

export interface PromotionUsage {
  used: number;
  usedByCustomer: number;
  /** The discount (minor units) the counted redemptions hold or gave: what a budget has spent. */
  discount: number;
}

/** What a promotion has given in paid orders, for the console. */
export interface PromotionStats {
  /** Paid orders that used it. */
  redemptions: number;
  /** Discount those orders got from it, minor units of the promotion's currency. */
  discountGiven: number;
}

/** Facts about the Stripe PaymentIntent a webhook event carries. */
export interface PaymentFacts {
  eventId: string;
  eventType: string;
  paymentIntentId: string;
  amount: number;
  currency: string;
  stripeCustomerId: string | null;
  now: number;
}

/** One validated analytics event, as stored. */
export interface AnalyticsEventRecord {
  /** Lower-case UUID: the dedupe key. */
  eventId: string;
  name: string;
  /** The client's time, epoch milliseconds. */
  time: number;
  cartId: string;
  anonymousId: string | null;
  currency: string;
  /** Minor units of `currency`. */
  value: number;
  transactionId: string | null;
  experiments: Record<string, string> | null;
  /** The whole event as received (extras included). */
  payload: unknown;
  /** `payload` as JSON, when the caller made it already (the collector, to measure it): stored as is, not made again. */
  payloadJson?: string;
}

/** Shoppers per furthest funnel step reached, per UTC day and/or experiment variant. */
export interface FunnelRow {
  /** Days since 1970-01-01 (UTC) when grouped by day. */
  day: number | null;
  variant: string | null;
  /** 1-based index into the steps asked for; 0 when the shopper sent no step event. */
  furthest: number;
  shoppers: number;
}

/** Shoppers per furthest funnel step reached, split by whether they used a reviews filter in the range. */
export interface ReviewFilterRow {
  /** The shopper sent at least one `review_filter_applied` in the range. */
  filtered: boolean;
  /** 1-based index into the steps asked for; 0 when the shopper sent no step event. */
  furthest: number;
  shoppers: number;
}

/** Shoppers per furthest funnel step reached, split by whether they opened a product in AR (`ar_launched`) in the range. */
export interface ArUseRow {
  /** The shopper sent at least one `ar_launched` in the range. */
  launchedAr: boolean;
  /** 1-based index into the steps asked for; 0 when the shopper sent no step event. */
  furthest: number;
  shoppers: number;
}

/** `ar_launched` events in a range for one mode (`quick_look`, `scene_viewer`, `qr`), and the shoppers who sent them. */
export interface ArLaunchCount {
  mode: string;
  launches: number;
  shoppers: number;
}

export interface FunnelRowsQuery {
  from: number;
  to: number;
  steps: readonly string[];
  byDay: boolean;
  /** Group by this experiment's variant (shoppers outside it are left out). */
  experiment?: string | undefined;
}

/** Paid orders and their amounts per currency, per UTC day of the order or per experiment variant of its shopper. */
export interface OrderTotalsRow {
  /** Days since 1970-01-01 (UTC) of the orders' created_at when grouped by day. */
  day: number | null;
  /** The shopper's variant of the experiment asked for; null outside it (or when none was asked). */
  variant: string | null;
  currency: string;
  orders: number;
  /** Sum of the orders' amounts, minor units of `currency`. */
  revenue: number;
  /** Orders whose shopper (anonymous id or cart id) also sent a browser `begin_checkout`. */
  collected: number;
}

export interface OrderTotalsQuery {
  from: number;
  to: number;
  byDay: boolean;
  /** Also group by the variant of this experiment that the order's shopper (anonymous id) was in. */
  experiment?: string | undefined;
}

/** One key's fixed rate-limit window. */
export interface RateWindow {
  key: string;
  start: number;
  count: number;
}

/** Where a batch of single-use codes stands: being written in the background, done, or given up with a sentence. */
export type CodeBatchStatus = 'generating' | 'ready' | 'failed';

/** One batch of single-use codes for a promotion (the console's JSON shape, exactly). */
export interface CodeBatch {
  id: string;
  promotionId: string;
  /** How many codes were asked for. */
  count: number;
  /** How many are stored so far: the progress. */
  generated: number;
  prefix: string;
  /** Random characters after the prefix. */
  length: number;
  status: CodeBatchStatus;
  /** Why it failed, as a sentence; null otherwise. */
  error: string | null;
  createdAt: number;
  /** The console user's email. */
  createdBy: string | null;
}

/** A single-use code's life: unused, held by one open checkout, redeemed by one order. */
export type CodeStatus = 'unused' | 'held' | 'redeemed';

/** One single-use code as stored. */
export interface SingleUseCode {
  code: string;
  promotionId: string;
  batchId: string;
  status: CodeStatus;
  /** The checkout holding (or that redeemed) it. */
  checkoutId: string | null;
  /** The order (its payment intent id) that redeemed it. */
  order: string | null;
  updatedAt: number;
}

/** A console role; each includes the ones after it: owner > marketer > viewer. */
export type AdminRole = 'owner' | 'marketer' | 'viewer';

/** A console account. */
export interface AdminUser {
  id: string;
  /** Normalised: trimmed, lower case. */
  email: string;
  role: AdminRole;
  /** `scrypt$N$r$p$saltB64$hashB64` (admin/password.ts); never the password. */
  passwordHash: string;
  createdAt: number;
  disabledAt: number | null;
}

/** A console session row. Its id is the SHA-256 (hex) of the cookie's token, never the token. */
export interface AdminSession {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

/** One line of the audit log: who did what to which subject, and its before/after. */
export interface AuditEntry {
  id: number;
  at: number;
  userId: string | null;
  action: string;
  subject: string;
  before: unknown;
  after: unknown;
}

export interface AuditQuery {
  action?: string | undefined;
  userId?: string | undefined;
  /** Only entries older than this id (the next page of a newest-first list). */
  beforeId?: number | undefined;
  /** At most this many (default 100, never more than 500). */
  limit?: number | undefined;
}

/**
 * Storage port. Every method is safe to call from many processes sharing one
 * PostgreSQL database: invariants live in SQL (unique keys, row locks,
 * conditional writes), never in process memory.
 */
export interface Store {
  readonly kind: 'pglite' | 'postgres';
  /** Applies pending migrations (idempotent, advisory-locked). */
  migrate(): Promise<number[]>;
  /** True when a paid order exists for this normalised email or Stripe customer. */
  hasPaidOrder(facts: { emailNormalized?: string | null; stripeCustomerId?: string | null }): Promise<boolean>;
  stripeCustomerFor(emailNormalized: string): Promise<string | null>;
  /** The remembered Stripe customer and whether a paid order exists for either, in one round trip. */
  customerLedger(emailNormalized: string): Promise<{ stripeCustomerId: string | null; paid: boolean }>;
  /** Records the mapping; returns the id that won when two processes raced. */
  rememberStripeCustomer(emailNormalized: string, stripeCustomerId: string, now: number): Promise<string>;
  /** Committed plus held (reserved, expired or not) redemptions and their discount, not counting `excludeCheckoutId`'s own. */
  promotionUsage(ids: string[], customerKey: string | null, now: number, excludeCheckoutId?: string): Promise<Record<string, PromotionUsage>>;
  /**
   * Takes the checkout's lease (creating the row), or returns null while
   * another request holds an unexpired one.
   */
  acquireCheckout(checkoutId: string, token: string, now: number, leaseMs: number): Promise<CheckoutRecord | null>;
  getCheckout(checkoutId: string): Promise<CheckoutRecord | null>;
  /** Writes fields of a checkout whose lease `token` holds; `release` also ends the lease. */
  updateCheckout(
    checkoutId: string,
    token: string,
    patch: Partial<Omit<CheckoutRecord, 'checkoutId'>>,
    now: number,
    options?: { release?: boolean },
  ): Promise<void>;
  releaseCheckout(checkoutId: string, token: string): Promise<void>;
  /**
   * Atomically reserves the limited promotions for this checkout until
   * `expiresAt` (a row lock per promotion with a total limit or a budget, an advisory lock per promotion and customer otherwise, in one fixed order), releasing this
   * checkout's other reservations. Promotions over a limit, or whose `amount` would take their
   * discount past `budget`, are returned in `denied`, unreserved; unlimited ones need no reservation and are skipped.
   * With `codes`: holds these single-use codes for the checkout in the same
   * transaction (a code is taken when unused or already this checkout's);
   * codes another checkout holds or an order redeemed come back in `deniedCodes`.
   * The checkout's other held codes go back to unused.
   */
  reservePromotions(input: {
    checkoutId: string;
    customerKey: string | null;
    promotions: PromotionClaim[];
    codes?: string[] | undefined;
    now: number;
    expiresAt: number;
  }): Promise<{ reserved: string[]; denied: string[]; deniedCodes: string[] }>;
  /** Releases this checkout's reservations that are not committed (and its held codes). */
  releaseReservations(checkoutId: string, now: number): Promise<number>;
  /** Redemptions and discount given per promotion id, from paid orders only (holds are left out). */
  promotionStats(): Promise<Record<string, PromotionStats>>;
  /**
   * Holds of these promotions (or of any, without ids), redemptions or
   * single-use codes, that expired at or before `now` and whose checkout no request holds: the attempts to settle
   * before their redemptions may be used again. At most `limit`, oldest first.
   */
  staleHolds(ids: string[] | null, now: number, limit: number): Promise<StaleHold[]>;
  /**
   * Handles `payment_intent.succeeded` once per event and once per intent.
   * When the amount and currency are what the server priced for the checkout:
   * an order, committed redemptions and, when `purchaseEvent` is given, the
   * analytics event it builds for the new order, all in one transaction.
   * Otherwise a flagged payment: no order, no redemption, the checkout's
   * holds released.
   */
  recordPaymentSucceeded(
    facts: PaymentFacts,
    options?: {
      purchaseEvent?: (order: OrderRecord) => Promise<AnalyticsEventRecord>;
      /** The order's review invitations, one per line, stored in its transaction (see `reviewInvitationsFor`). */
      reviewInvitations?: (order: OrderRecord) => Promise<NewReviewInvitation[]>;
    },
  ): Promise<{ duplicate: boolean; order: OrderRecord | null; flag?: PaymentFlag }>;
  listPaymentFlags(): Promise<PaymentFlag[]>;
  /**
   * Handles a failed or canceled intent once per event. Canceled: releases
   * its checkout's holds. Failed: nothing yet (the intent can still be paid
   * until it is canceled). Names the open checkout the intent belongs to.
   */
  recordPaymentEnded(
    facts: Omit<PaymentFacts, 'amount' | 'currency' | 'stripeCustomerId'> & { canceled: boolean; outcome?: CheckoutOutcome },
  ): Promise<{ duplicate: boolean; checkoutId: string | null }>;
  /** Marks any other event as seen; false when it was seen before. */
  recordEventOnce(eventId: string, eventType: string, now: number): Promise<boolean>;
  getOrder(paymentIntentId: string): Promise<OrderRecord | null>;
  listOrders(): Promise<OrderRecord[]>;
  /** The newest `limit` orders, newest first (the console's list). */
  recentOrders(options: { limit: number }): Promise<OrderRecord[]>;
  /** The newest `limit` flagged payments, newest first. */
  recentPaymentFlags(options: { limit: number }): Promise<PaymentFlag[]>;
  /** Stores events not seen before (insert-if-absent on event_id); returns the ids newly stored. */
  recordAnalyticsEvents(events: AnalyticsEventRecord[], now: number): Promise<string[]>;
  /** Shoppers by furthest step reached in [from, to) of the events' own time. */
  funnelRows(query: FunnelRowsQuery): Promise<FunnelRow[]>;
  /** The same shoppers as funnelRows (not grouped), split by whether they sent a `review_filter_applied` in [from, to). */
  reviewFilterRows(query: Pick<FunnelRowsQuery, 'from' | 'to' | 'steps'>): Promise<ReviewFilterRow[]>;
  /** The same shoppers as funnelRows (not grouped), split by whether they sent an `ar_launched` in [from, to). */
  arUseRows(query: Pick<FunnelRowsQuery, 'from' | 'to' | 'steps'>): Promise<ArUseRow[]>;
  /** `ar_launched` events in [from, to) per mode. */
  arLaunchCounts(query: Pick<FunnelRowsQuery, 'from' | 'to'>): Promise<ArLaunchCount[]>;
  countAnalyticsEvents(): Promise<number>;
  /** Deletes a batch of events received before `before`: at least `limit` while that many remain (at most twice it), in no set order; returns how many went. */
  pruneAnalyticsEvents(before: number, limit: number): Promise<number>;
  /** Paid orders created in [from, to) and their revenue per currency, from the ledger. */
  orderTotals(query: OrderTotalsQuery): Promise<OrderTotalsRow[]>;
  /** The rate-limit windows of these keys that started after `since`, by key. */
  rateWindows(keys: string[], since: number): Promise<RateWindow[]>;
  /**
   * Adds `weight` to each key's window atomically, starting a new window at
   * `now` where the old one started at or before `now - windowMs`; returns
   * each key's window as this hit left it (sorted by key).
   */
  hitRate(keys: string[], now: number, windowMs: number, weight: number): Promise<RateWindow[]>;
  /** Takes `weight` back from these windows (never below 0), unless a new window has started since. */
  unhitRate(windows: ReadonlyArray<Pick<RateWindow, 'key' | 'start'>>, weight: number): Promise<void>;
  /** Deletes windows that started at or before `before`. */
  sweepRateWindows(before: number): Promise<number>;
  /** Publishes `config` as the next version (numbers never repeat, across processes). */
  publishPromotions(input: { config: PromotionsConfig; now: number; by?: string | null; note?: string | null }): Promise<PromotionVersion>;
  /** Makes `config` version 1 when nothing was ever published; answers the latest version either way. */
  importPromotions(input: { config: PromotionsConfig; now: number }): Promise<PromotionVersion>;
  /** The latest version, or null when none is newer than `newerThan` (a cheap check for processes that have it). */
  latestPromotionVersion(options?: { newerThan?: number }): Promise<PromotionVersion | null>;
  promotionVersion(version: number): Promise<PromotionVersion | null>;
  /** The one working copy marketers edit, or null before the first save. */
  promotionDraft(): Promise<PromotionDraft | null>;
  /**
   * Saves the draft over revision `rev` (0 when there was none). Refused
   * (`saved: false`, with the draft as it is now) when someone saved since.
   */
  savePromotionDraft(input: {
    config: PromotionsConfig;
    rev: number;
    now: number;
    by?: string | null;
  }): Promise<{ saved: boolean; draft: PromotionDraft | null }>;
  /** Keeps a priced cart (no personal data) among the newest `keep`, for replaying drafts. */
  rememberQuotedCart(cart: Omit<QuotedCart, 'quotedAt'> & { now: number }, keep?: number): Promise<void>;
  /** The carts priced most recently, newest first. */
  recentQuotedCarts(options?: { limit?: number }): Promise<QuotedCart[]>;
  /** Newest first, without their configs. */
  listPromotionVersions(options?: { limit?: number }): Promise<Omit<PromotionVersion, 'config'>[]>;
  /** Creates a console account; null when the (normalised) email already has one. */
  createAdminUser(user: AdminUser): Promise<AdminUser | null>;
  findAdminUserByEmail(email: string): Promise<AdminUser | null>;
  /** Every console account, oldest first. */
  listAdminUsers(): Promise<AdminUser[]>;
  createAdminSession(session: AdminSession): Promise<void>;
  /** The session and its user when the session is unrevoked, unexpired at `now` and its user not disabled; else null. */
  findAdminSession(id: string, now: number): Promise<{ session: AdminSession; user: AdminUser } | null>;
  /** Revokes one session; false when it was already revoked or never existed. */
  revokeAdminSession(id: string, now: number): Promise<boolean>;
  /** Revokes every open session of a user (a password change, a removed account); returns how many. */
  revokeAdminSessionsOfUser(userId: string, now: number): Promise<number>;
  /**
   * Stamps `disabledAt` on an enabled account (its sessions stop being found at once); null when
   * it doesn't exist, is already disabled, or is the last enabled owner (checked in the same
   * statement, so two owners disabling each other at once leave one).
   */
  disableAdminUser(userId: string, now: number): Promise<AdminUser | null>;
  appendAuditEntry(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry>;
  /** Audit entries newest first, filtered by action and/or user, bounded by `limit`. */
  listAuditEntries(query?: AuditQuery): Promise<AuditEntry[]>;
  /** Starts a batch of single-use codes (status generating, nothing generated yet). */
  createCodeBatch(input: { promotionId: string; count: number; prefix: string; length: number; createdBy: string | null; now: number }): Promise<CodeBatch>;
  /**
   * Stores a slice of a batch's codes; a code that exists already (in any
   * batch) is skipped. Returns the batch's `generated` after the slice.
   */
  addCodes(input: { batchId: string; promotionId: string; codes: string[]; now: number }): Promise<number>;
  /** Ends a batch: ready, or failed with a sentence. */
  finishCodeBatch(input: { batchId: string; status: 'ready' | 'failed'; error?: string | null; now: number }): Promise<void>;
  /** Marks failed, with `error`, the batches still generating with no progress since `stalledBefore`; returns how many. */
  failStalledCodeBatches(input: { stalledBefore: number; error: string; now: number }): Promise<number>;
  codeBatch(id: string): Promise<CodeBatch | null>;
  /** A promotion's batches, newest first. */
  codeBatches(promotionId: string): Promise<CodeBatch[]>;
  /** A page of a batch's codes (by code), optionally of one status, with the batch's counts per status. */
  listCodes(query: { batchId: string; status?: CodeStatus | undefined; limit: number; offset: number }): Promise<{
    codes: SingleUseCode[];
    counts: Record<CodeStatus, number>;
  }>;
  /** The stored codes among these (normalised, upper case). */
  findCodes(codes: string[]): Promise<SingleUseCode[]>;
  /**
   * Stores a review as it is (any status): the demo's seed, tests, and later
   * submission and imports. Returns false when its id is taken.
   */
  addReview(review: Review): Promise<boolean>;
  /**
   * Stores many reviews at once, a thousand per statement (imports, the
   * seed, the benchmark); ids already taken are skipped. Returns how many were
   * added. Like `addReview`, refreshes the topics of products that gained
   * published reviews.
   */
  addReviews(reviews: readonly Review[]): Promise<number>;
  /**
   * Recomputes a product's topics from its published reviews and marks each
   * review with those it mentions; returns them. Call after a review of the
   * product is published, rejected or edited (addReview(s) already do).
   */
  refreshReviewTopics(sku: string): Promise<string[]>;
  /**
   * A page of a product's published reviews for a shopper's query: filtered,
   * sorted, after `query.cursor`, with the total and facet counts for the
   * current filters and the product's summary. Throws `InvalidReviewCursorError`
   * for a cursor it did not write for this sort.
   */
  reviewPage(query: ReviewQuery, now: number): Promise<ReviewPage>;
  /** The invitation whose token hashes to `tokenHash`, used or not, expired or not; null when none. */
  reviewInvitation(tokenHash: string): Promise<ReviewInvitation | null>;
  /** The invitations of one order, by line. */
  orderReviewInvitations(paymentIntentId: string): Promise<ReviewInvitation[]>;
  /** The order paid through this checkout (the id only the shopper's browser knows), or null. */
  orderOfCheckout(checkoutId: string): Promise<OrderRecord | null>;
  /** Invitations newest first, a page at a time, for the console (`nextCursor` is opaque). */
  listReviewInvitations(query: { limit: number; cursor?: string | undefined }): Promise<{ invitations: ReviewInvitation[]; nextCursor?: string }>;
  /**
   * Stores a shopper's review in one transaction: spends the invitation
   * (unused and unexpired at `now`, else nothing is stored and the answer is
   * `invitation_spent`) and attaches the photos (each must exist and be
   * unattached, else `photo_unavailable`), building its photos with `photoUrl`.
   */
  submitReview(
    review: Review,
    options: { invitationHash?: string | undefined; photoIds: readonly string[]; photoUrl: (id: string) => string; now: number },
  ): Promise<'stored' | 'invitation_spent' | 'photo_unavailable'>;
  /**
   * Counts a shopper's helpful (or not) vote on a published review once:
   * `counted` false when this shopper already voted. Null when no published review has that id.
   */
  voteHelpful(vote: {
    reviewId: string;
    shopper: string;
    helpful: boolean;
    now: number;
  }): Promise<{ counted: boolean; helpful: number; notHelpful: number } | null>;
  addReviewPhoto(photo: StoredReviewPhoto): Promise<void>;
  reviewPhoto(id: string): Promise<StoredReviewPhoto | null>;
  /** The named server secret, made with `make` by whichever process asks first and then the same for all. */
  serverSecret(name: string, make: () => string, now: number): Promise<string>;
  /** Reviews of any status for the console: the pending queue oldest first, any other list newest first. */
  moderationReviews(query: ModerationQuery): Promise<{ reviews: Review[]; nextCursor?: string }>;
  /** One review of any status and its moderation history, oldest change first; null when there is none. */
  reviewWithHistory(id: string): Promise<{ review: Review; history: ReviewHistoryEntry[] } | null>;
  /**
   * Sets a review's status (`reason` is kept only for `rejected`) and appends the change to its
   * history in the same statement; null when there is no such review.
   */
  moderateReview(change: { id: string; status: ReviewStatus; reason: string | null; actor: string; now: number }): Promise<Review | null>;
  /** Sets (or, with `body: null`, removes) the merchant's reply and appends it to the history; null when there is no such review. */
  replyToReview(change: { id: string; body: string | null; actor: string; now: number }): Promise<Review | null>;
  /**
   * Stores a review with its first history row (its status, `reason`, `actor`), in one
   * transaction: an import's (`actor: 'import'`). False, and nothing written, when the id is taken.
   */
  addReviewWithHistory(review: Review, entry: { at: number; reason?: string | null; actor: string }): Promise<boolean>;
  /** Per star, how many of the product's reviews (every product's without one) are published, rejected and pending. */
  reviewStarCounts(product?: string): Promise<ReviewStarCounts>;
  close(): Promise<void>;
}

/** What the console asks of `moderationReviews`. */
export interface ModerationQuery {
  status?: ReviewStatus | undefined;
  product?: string | undefined;
  rating?: readonly Rating[] | undefined;
  /** Words in the title, body or author name. */
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** One moderation change of a review: a status it moved to, or a reply set or removed. */
export interface ReviewHistoryEntry {
  at: number;
  status: ReviewStatus | 'replied' | 'reply_removed';
  /** The rejection reason, or where an import came from. */
  reason?: string;
  /** The console account's email, or `import`. */
  actor: string;
}

/** Per star, a product's reviews by status: what shows negatives are not being suppressed. */
export type ReviewStarCounts = Record<Rating, { published: number; rejected: number; pending: number }>;

/** A cart `/quote` priced: what it held and the facts it was priced with, never who asked. */
export interface QuotedCart {
  cart: { lines: { sku: string; variant?: string; quantity: number }[]; codes?: string[]; shipping?: { optionId?: string } };
  firstPurchase: boolean;
  segments: string[];
  quotedAt: number;
}

/** The promotions file being edited, not yet published. */
export interface PromotionDraft {
  config: PromotionsConfig;
  /** Counts saves: an edit is saved only over the revision it started from. */
  rev: number;
  updatedAt: number;
  updatedBy: string | null;
}

/** One published promotions file. */
export interface PromotionVersion {
  version: number;
  config: PromotionsConfig;
  publishedAt: number;
  /** Who published it (the console user's email); null for an import. */
  publishedBy: string | null;
  note: string | null;
}

/** One line of a paid order its buyer may review: a signed, single-use link's record (only the token's hash is kept). */
export interface ReviewInvitation {
  id: string;
  paymentIntentId: string;
  lineIndex: number;
  sku: string;
  variant?: string;
  productName: string;
  email: string | null;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  reviewId: string | null;
}

/** An invitation to store with its order. */
export interface NewReviewInvitation {
  id: string;
  tokenHash: string;
  lineIndex: number;
  sku: string;
  variant?: string;
  productName: string;
  expiresAt: number;
}

/** A re-encoded review photo: its bytes in the store, or the name of its file under `reviews.photoFolder`. */
export interface StoredReviewPhoto {
  id: string;
  bytes?: Uint8Array;
  file?: string;
  type: 'image/jpeg' | 'image/png' | 'image/webp';
  width: number;
  height: number;
  createdAt: number;
  reviewId?: string | null;
}
