import type Stripe from 'stripe';
import { serverPurchaseEvent } from '../analytics/server-purchase';
import { readBody } from '../http/body';
import { HttpError, json } from '../http/errors';
import type { HandlerContext } from '../options';
import { parseWebhookEvent, type WebhookEvent } from '../stripe/webhook-event';

/** Verifies the signature against each configured secret (several during a rotation). */
async function verify(ctx: HandlerContext, payload: string, signature: string): Promise<WebhookEvent> {
  let lastError: unknown;
  for (const secret of ctx.webhookSecrets) {
    let event: Stripe.Event;
    try {
      // Checks the timestamp tolerance (300 s) and compares signatures in constant time.
      event = await ctx.stripe.webhooks.constructEventAsync(payload, signature, secret);
    } catch (error) {
      // The signature matched but the body is no JSON: no other secret will make it one.
      if (error instanceof SyntaxError) throw new HttpError(400, 'invalid_event', `The webhook body must be a Stripe event in JSON; it does not parse (${error.message.replace(/[.\s]*$/, '')}).`, 'body');
      lastError = error;
      continue;
    }
    return parseWebhookEvent(event);
  }
  // Stripe's first sentence says what failed (no match, timestamp outside the tolerance, bad header).
  const first = lastError instanceof Error ? (lastError.message.trim().split(/\n|(?<=\.)\s/)[0] ?? '') : 'no webhook secret is configured';
  const detail = first.replace(/[.\s]*$/, '');
  throw new HttpError(400, 'invalid_signature', `The Stripe-Signature header does not verify: ${detail}.`, 'stripe-signature');
}

/**
 * `POST /webhooks/stripe`: handles each verified event id once.
 * succeeded → order + committed redemptions (ends first purchase) + the
 * order's `purchase` analytics event;
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
    if (event.type === 'payment_intent.succeeded' && event.intent) {
      const result = await store.recordPaymentSucceeded({
        eventId: event.id,
        eventType: event.type,
        paymentIntentId: event.intent.id,
        amount: event.intent.amount,
        currency: event.intent.currency,
        stripeCustomerId: event.intent.customer,
        now,
      }, { purchaseEvent: serverPurchaseEvent });
      return json({ received: true, duplicate: result.duplicate, order: result.order?.paymentIntentId ?? null });
    }
    if ((event.type === 'payment_intent.payment_failed' || event.type === 'payment_intent.canceled') && event.intent) {
      const result = await store.recordPaymentEnded({
        eventId: event.id,
        eventType: event.type,
        paymentIntentId: event.intent.id,
        canceled: event.type === 'payment_intent.canceled',
        now,
      });
      return json({ received: true, duplicate: result.duplicate });
    }
    const fresh = await store.recordEventOnce(event.id, event.type, now);
    return json({ received: true, duplicate: !fresh });
  };
}
