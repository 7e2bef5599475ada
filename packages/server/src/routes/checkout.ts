import type { EvaluateResult } from '@cartlift/discounts';
import { acquireLease } from '../checkout/lease';
import { ensureStripeCustomer } from '../checkout/customer';
import { ensureIntent } from '../checkout/intent';
import { priceAndReserve } from '../checkout/reserve';
import { parseJson, readBody } from '../http/body';
import { HttpError, json } from '../http/errors';
import type { HandlerContext as RequestContext } from '../http/node';
import { parseWith } from '../http/validation';
import type { HandlerContext } from '../options';
import { normalizeEmail } from '../email';
import { customerFacts, pricingContext } from '../pricing';
import type { RateLimiter } from '../rate-limit';
import { type CustomerIdentity, identify } from '../identify';
import { type CheckoutBody, checkoutBody } from '../requests';
import { clientIp, settleCouponAttempts, takeCouponAttempts } from './client';
import { createKeyedMutex } from './keyed-mutex';

const LEASE_MS = 30_000;
const LEASE_WAIT_MS = 25_000;

/** Stripe's shipping details from the body: the given name, else the contact's, else the email (Stripe requires a name). */
function shippingFor(body: { shipping?: { name?: string; address?: Record<string, string> }; contact: { email: string; name?: string } }) {
  const address = body.shipping?.address;
  return address ? { name: body.shipping?.name ?? body.contact.name ?? body.contact.email, address } : null;
}

/**
 * `POST /checkout`: one PaymentIntent per checkout id, its amount the
 * server's quote total, its promotions reserved until `reservationTtlMs`.
 */
export function checkoutRoute(ctx: HandlerContext, limiter: RateLimiter) {
  const schema = checkoutBody(ctx.limits);
  const mutex = createKeyedMutex();
  return async (request: Request, context?: RequestContext): Promise<Response> => {
    const body = parseWith(schema, parseJson(await readBody(request, { limit: ctx.limits.bodyBytes, json: true })));
    const ip = clientIp(ctx, request, context);
    const ticket = await takeCouponAttempts(ctx, limiter, body.codes, ip, normalizeEmail(body.contact.email));
    let notApplied: EvaluateResult['notApplied'] | null = null;
    try {
      return await checkout(body, await identify(ctx.identifyCustomer, request, body.contact.email), (priced) => (notApplied = priced));
    } finally {
      await settleCouponAttempts(limiter, ticket, notApplied);
    }
  };

  async function checkout(body: CheckoutBody, identity: CustomerIdentity | null, judged: (notApplied: EvaluateResult['notApplied']) => void): Promise<Response> {
    const store = await ctx.store();
    return mutex.run(body.checkoutId, async () => {
      let released = false;
      const { token, record } = await acquireLease(store, body.checkoutId, { now: ctx.now, leaseMs: LEASE_MS, waitMs: LEASE_WAIT_MS });
      try {
        if (record.status === 'succeeded') {
          throw new HttpError(409, 'checkout_completed', `Checkout ${body.checkoutId} has already been paid; start a new checkout to buy more.`, 'checkoutId');
        }
        if (record.status === 'canceled') {
          throw new HttpError(409, 'checkout_canceled', `Checkout ${body.checkoutId} was canceled; start a new checkout with a new checkoutId.`, 'checkoutId');
        }
        const facts = await customerFacts(store, body.contact.email, identity);
        const now = ctx.now();
        if (ctx.stripeCustomers && facts.emailNormalized) {
          facts.stripeCustomerId = await ensureStripeCustomer(ctx.stripe, store, facts.emailNormalized, body.contact, now, facts.stripeCustomerId);
        }
        const isNew = !record.paymentIntentId;
        const quote = await priceAndReserve(pricingContext(ctx, store), body, facts, {
          checkoutId: body.checkoutId,
          now,
          expiresAt: now + ctx.reservationTtlMs,
        });
        judged(quote.notApplied);
        let intent;
        try {
          intent = await ensureIntent(
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
              shipping: shippingFor(body),
            },
            now,
          );
        } catch (error) {
          // No intent, no hold: a checkout that never got one must not keep promotions.
          if (isNew) await store.releaseReservations(body.checkoutId, ctx.now());
          throw error;
        }
        await store.updateCheckout(
          body.checkoutId,
          token,
          {
            pendingCreate: null,
            paymentIntentId: intent.id,
            email: body.contact.email,
            emailNormalized: facts.emailNormalized,
            stripeCustomerId: facts.stripeCustomerId,
            amount: intent.amount,
            currency: intent.currency,
            clientSecret: intent.clientSecret,
            lines: quote.lines,
            quote,
            promotionIds: quote.applied.map((applied) => applied.promotionId),
          },
          ctx.now(),
          { release: true },
        );
        released = true;
        return json({ clientSecret: intent.clientSecret, paymentIntentId: intent.id, amount: intent.amount, currency: intent.currency, quote });
      } finally {
        if (!released) await store.releaseCheckout(body.checkoutId, token);
      }
    });
  }
}
