import type Stripe from 'stripe';
import { readBody } from '../http/body';
import { HttpError, json } from '../http/errors';
import type { HandlerContext } from '../options';

/** Verifies the signature against each configured secret (several during a rotation). */
async function verify(ctx: HandlerContext, payload: string, signature: string): Promise<Stripe.Event> {
  let lastError: unknown;
  for (const secret of ctx.webhookSecrets) {
    try {
      // Checks the timestamp tolerance (300 s) and compares signatures in constant time.
      return await ctx.stripe.webhooks.constructEventAsync(payload, signature, secret);
    } catch (error) {
      lastError = error;
    }
  }
  // Stripe's first sentence says what failed (no match, timestamp outside the tolerance, bad header).
  const first = lastError instanceof Error ? (lastError.message.trim().split(/\n|(?<=\.)\s/)[0] ?? '') : 'no webhook secret is configured';
  const detail = first.replace(/[.\s]*$/, '');
  throw new HttpError(400, 'invalid_signature', `The Stripe-Signature header does not verify: ${detail}.`, 'stripe-signature');
}

/**
 * `POST /webhooks/stripe`: handles each verified event id once.
 * succeeded → order + committed redemptions (ends first purchase);
 * payment_failed / canceled → reservations released.
 */
export function webhookRoute(ctx: HandlerContext) {
  return async (request: Request): Promise<Response> => {
    const payload = await readBody(request, { limit: ctx.limits.webhookBodyBytes, json: false });
    const signature = request.headers.get('stripe-signature');
    if (!signature) throw new HttpError(400, 'missing_signature', 'The Stripe-Signature header is required on webhook requests; received none.', 'stripe-signature');
    const event = await verify(ctx, payload, signature);
    const store = await ctx.store();
    const now = ctx.now();
    if (event.type === 'payment_intent.succeeded') {
      const intent = event.data.object as Stripe.PaymentIntent;
      const customer = typeof intent.customer === 'string' ? intent.customer : (intent.customer?.id ?? null);
      const result = await store.recordPaymentSucceeded({
        eventId: event.id,
        eventType: event.type,
        paymentIntentId: intent.id,
        amount: intent.amount_received || intent.amount,
        currency: intent.currency,
        stripeCustomerId: customer,
        now,
      });
      return json({ received: true, duplicate: result.duplicate, order: result.order?.paymentIntentId ?? null });
    }
    if (event.type === 'payment_intent.payment_failed' || event.type === 'payment_intent.canceled') {
      const intent = event.data.object as Stripe.PaymentIntent;
      const result = await store.recordPaymentEnded({
        eventId: event.id,
        eventType: event.type,
        paymentIntentId: intent.id,
        canceled: event.type === 'payment_intent.canceled',
        now,
      });
      return json({ received: true, duplicate: result.duplicate });
    }
    const fresh = await store.recordEventOnce(event.id, event.type, now);
    return json({ received: true, duplicate: !fresh });
  };
}
