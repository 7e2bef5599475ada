import type { EvaluateResult } from '@cartlift/discounts';
import { acquireLease } from '../checkout/lease.js';
import { ensureStripeCustomer } from '../checkout/customer.js';
import { createConfirmedIntent, isRefusal, stripeFailure } from '../checkout/intent.js';
import { reapStaleHolds } from '../checkout/reap.js';
import { priceAndReserve } from '../checkout/reserve.js';
import { type AttemptAnswer, settleAttempt } from '../checkout/settle.js';
import { parseJson, readBody } from '../http/body.js';
import { HttpError, json } from '../http/errors.js';
import type { HandlerContext as RequestContext } from '../http/node.js';
import { parseWith } from '../http/validation.js';
import type { HandlerContext } from '../options.js';
import { normalizeEmail } from '../email.js';
import { type CustomerFacts, customerFacts, limitedPromotionIds, pricingContext } from '../pricing.js';
import type { RateLimiter } from '../rate-limit.js';
import { type CustomerIdentity, identify } from '../identify.js';
import { type CheckoutBody, checkoutBody, completeBody } from '../requests.js';
import type { CheckoutRecord, Store } from '../store/types.js';
import { clientIp, settleCouponAttempts, takeCouponAttempts } from './client.js';
import { createKeyedMutex } from './keyed-mutex.js';

const LEASE_MS = 30_000;
const LEASE_WAIT_MS = 25_000;

/** Stripe's shipping details from the body: the given name, else the contact's, else the email (Stripe requires a name). */
function shippingFor(body: { shipping?: { name?: string; address?: Record<string, string> }; contact: { email: string; name?: string } }) {
  const address = body.shipping?.address;
  return address ? { name: body.shipping?.name ?? body.contact.name ?? body.contact.email, address } : null;
}

/** Nothing is charged when the price at payment is not the one the shopper confirmed: 409 with the new quote. */
function priceChanged(expected: number, quote: EvaluateResult): HttpError {
  return new HttpError(
    409,
    'price_changed',
    `The total is now ${quote.total} (minor units of ${quote.currency}), not the ${expected} the shopper was shown; nothing was charged. Show the new total and confirm again.`,
    'expectedTotal',
    {},
    { quote },
  );
}

/** Counts a new payment attempt against the client's address: 429 with Retry-After past `checkoutsPerIp`. */
async function takeAttempt(ctx: HandlerContext, limiter: RateLimiter, ip: string): Promise<void> {
  if (!ctx.rateLimit) return;
  const { wait } = await limiter.take([{ key: `checkout-ip:${ip}`, limit: ctx.rateLimit.checkoutsPerIp }], ctx.now(), 1);
  if (wait > 0) {
    throw new HttpError(429, 'too_many_checkouts', `Too many payment attempts from this address; wait ${wait} seconds before trying again.`, undefined, {
      'retry-after': String(wait),
    });
  }
}

/**
 * `POST /checkout`: one payment attempt per checkout id, decided by the
 * server at the moment of payment. In one lease it re-prices the cart for
 * this shopper, takes the limited promotions and first-order status
 * atomically, refuses (409 `price_changed`, nothing charged) when the total
 * is not the `expectedTotal` the shopper confirmed, then creates and
 * confirms the PaymentIntent with the shopper's ConfirmationToken. A retried
 * request with the same checkout id gets the attempt's answer again.
 */
export function checkoutRoute(ctx: HandlerContext, limiter: RateLimiter) {
  const schema = checkoutBody(ctx.limits);
  const mutex = createKeyedMutex();
  return async (request: Request, context?: RequestContext): Promise<Response> => {
    const body = parseWith(schema, parseJson(await readBody(request, { limit: ctx.limits.bodyBytes, json: true })));
    const ip = clientIp(ctx, request, context);
    const store = await ctx.store();
    const identity = await identify(ctx.identifyCustomer, request, body.contact.email);
    const answer = await mutex.run(body.checkoutId, () =>
      withLease(ctx, store, body.checkoutId, async (record, token) => {
        if (record.paymentIntentId || record.pendingCreate || record.status !== 'open') return settleAttempt(ctx, store, record, token, { expired: false });
        await takeAttempt(ctx, limiter, ip);
        const ticket = await takeCouponAttempts(ctx, limiter, body.codes, ip, normalizeEmail(body.contact.email), body.cartId ?? null);
        let notApplied: EvaluateResult['notApplied'] | null = null;
        try {
          return await attempt(store, record, token, body, identity, (priced) => (notApplied = priced));
        } finally {
          await settleCouponAttempts(limiter, ticket, notApplied);
        }
      }),
    );
    return json(answer);
  };

  async function attempt(
    store: Store,
    record: CheckoutRecord,
    token: string,
    body: CheckoutBody,
    identity: CustomerIdentity | null,
    judged: (notApplied: EvaluateResult['notApplied']) => void,
  ): Promise<AttemptAnswer & { quote: EvaluateResult }> {
    const facts = await customerFacts(store, body.contact.email, identity);
    await reapStaleHolds(ctx, store, limitedPromotionIds(ctx.promotions));
    const now = ctx.now();
    const quote = await priceAndReserve(pricingContext(ctx, store), body, facts, { checkoutId: body.checkoutId, now, expiresAt: now + ctx.reservationTtlMs });
    judged(quote.notApplied);
    if (quote.total !== body.expectedTotal) {
      await store.releaseReservations(body.checkoutId, ctx.now());
      throw priceChanged(body.expectedTotal, quote);
    }
    await rememberAttempt(store, record, token, body, facts, quote);
    return { ...(await confirm(store, record, token, body, facts, quote)), quote };
  }

  /** Saves what this attempt charges for, before any money can move: the webhook checks the payment against it. */
  async function rememberAttempt(store: Store, record: CheckoutRecord, token: string, body: CheckoutBody, facts: CustomerFacts, quote: EvaluateResult) {
    if (ctx.stripeCustomers && facts.emailNormalized) {
      facts.stripeCustomerId = await ensureStripeCustomer(ctx.stripe, store, facts.emailNormalized, ctx.now(), facts.stripeCustomerId);
    }
    await store.updateCheckout(
      record.checkoutId,
      token,
      {
        email: body.contact.email,
        emailNormalized: facts.emailNormalized,
        stripeCustomerId: facts.stripeCustomerId,
        amount: quote.total,
        currency: ctx.currency,
        lines: quote.lines,
        quote,
        promotionIds: quote.applied.map((applied) => applied.promotionId),
        // The order's server-side purchase joins this shopper's funnel by these.
        cartId: body.cartId ?? null,
        anonymousId: body.anonymousId ?? null,
      },
      ctx.now(),
    );
  }

  async function confirm(
    store: Store,
    record: CheckoutRecord,
    token: string,
    body: CheckoutBody,
    facts: CustomerFacts,
    quote: EvaluateResult,
  ): Promise<AttemptAnswer> {
    const created = await createConfirmedIntent(
      ctx.stripe,
      store,
      record,
      token,
      {
        checkoutId: body.checkoutId,
        amount: quote.total,
        currency: ctx.currency,
        customer: facts.stripeCustomerId,
        email: body.contact.email,
        paymentMethodTypes: ctx.paymentMethodTypes(ctx.currency),
        confirmationToken: body.confirmationToken,
        shipping: shippingFor(body),
      },
      ctx.now(),
    );
    if ('error' in created && !created.failedIntentId) {
      // Stripe didn't answer: the intent may exist. Keep the holds; a retry (or,
      // once they expire, the next shopper) settles the attempt by replaying the create.
      if (!isRefusal(created.error)) return stripeFailure(created.error);
      // Stripe refused and kept nothing: free the holds now and say why.
      await store.releaseReservations(body.checkoutId, ctx.now());
      return stripeFailure(created.error);
    }
    const intentId = 'intent' in created ? created.intent.id : created.failedIntentId!;
    await store.updateCheckout(
      record.checkoutId,
      token,
      { paymentIntentId: intentId, ...('intent' in created ? { clientSecret: created.intent.client_secret } : {}) },
      ctx.now(),
    );
    return settleAttempt(ctx, store, { ...record, paymentIntentId: intentId }, token, {
      expired: false,
      ...('intent' in created ? { known: created.intent } : {}),
    });
  }
}

/** Runs `work` holding the checkout's database lease, released afterwards. */
async function withLease<T>(ctx: HandlerContext, store: Store, checkoutId: string, work: (record: CheckoutRecord, token: string) => Promise<T>): Promise<T> {
  const { token, record } = await acquireLease(store, checkoutId, { now: ctx.now, leaseMs: LEASE_MS, waitMs: LEASE_WAIT_MS });
  try {
    return await work(record, token);
  } finally {
    await store.releaseCheckout(checkoutId, token);
  }
}

/**
 * `POST /checkout/complete`: after `stripe.handleNextAction` (3-D Secure,
 * WeChat Pay) or the return from Alipay, asks Stripe where the attempt
 * stands: the order when paid; a failed attempt is canceled, its holds
 * released, and its reason answered. `abandon` cancels an attempt still
 * waiting for the shopper (they closed the WeChat Pay QR code).
 */
export function completeRoute(ctx: HandlerContext) {
  const schema = completeBody();
  return async (request: Request): Promise<Response> => {
    const body = parseWith(schema, parseJson(await readBody(request, { limit: ctx.limits.bodyBytes, json: true })));
    const store = await ctx.store();
    const existing = await store.getCheckout(body.checkoutId);
    if (!existing)
      throw new HttpError(404, 'unknown_checkout', `checkoutId ${JSON.stringify(body.checkoutId)} names no payment attempt on this server.`, 'checkoutId');
    return json(await withLease(ctx, store, body.checkoutId, (record, token) => settleAttempt(ctx, store, record, token, { expired: body.abandon === true })));
  };
}
