import type Stripe from 'stripe';
import { serverPurchaseEvent } from '../analytics/server-purchase.js';
import { invitationsOption, mailReviewInvitations } from '../reviews/invitations.js';
import { readBody } from '../http/body.js';
import { HttpError, json } from '../http/errors.js';
import { createSlots } from '../http/slots.js';
import type { HandlerContext } from '../options.js';
import { parseWebhookEvent, type WebhookEvent } from '../stripe/webhook-event.js';

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
      if (error instanceof SyntaxError)
        throw new HttpError(
          400,
          'invalid_event',
          `The webhook body must be a Stripe event in JSON; it does not parse (${error.message.replace(/[.\s]*$/, '')}).`,
          'body',
        );
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

/** Cancels an intent unless it is already past cancelling (paid, or canceled). */
async function cancelQuietly(ctx: HandlerContext, intentId: string): Promise<void> {
  try {
    await ctx.stripe.paymentIntents.cancel(intentId);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'payment_intent_unexpected_state') throw error;
  }
}

/**
 * `POST /webhooks/stripe`: handles each verified event id once.
 * succeeded → order + committed redemptions (ends first purchase) + the
 * order's `purchase` analytics event, or a flagged payment when amount or currency differ from the server's price;
 * payment_failed → the intent canceled; canceled → holds released.
 */
export function webhookRoute(ctx: HandlerContext) {
  // Bodies read (and verified) at once: each can be webhookBodyBytes, so a flood of posts is bounded in memory.
  const bodies = createSlots(ctx.limits.webhookConcurrency);
  return async (request: Request): Promise<Response> => {
    // Checked before the body is read: an unsigned post costs no memory.
    const signature = request.headers.get('stripe-signature');
    if (!signature)
      throw new HttpError(400, 'missing_signature', 'The Stripe-Signature header is required on webhook requests; received none.', 'stripe-signature');
    const release = bodies.take();
    // Stripe retries a 503 later on its own schedule; Retry-After is for other senders.
    if (!release)
      throw new HttpError(
        503,
        'webhooks_busy',
        `The server is already reading ${ctx.limits.webhookConcurrency} webhook bodies; retry in a second.`,
        undefined,
        { 'retry-after': '1' },
      );
    let event: WebhookEvent;
    try {
      const payload = await readBody(request, { limit: ctx.limits.webhookBodyBytes, json: false });
      event = await verify(ctx, payload, signature);
    } finally {
      release();
    }
    const store = await ctx.store();
    const now = ctx.now();
    if (event.type === 'payment_intent.succeeded' && event.intent) {
      const result = await store.recordPaymentSucceeded(
        {
          eventId: event.id,
          eventType: event.type,
          paymentIntentId: event.intent.id,
          amount: event.intent.amount,
          currency: event.intent.currency,
          stripeCustomerId: event.intent.customer,
          now,
        },
        { purchaseEvent: serverPurchaseEvent, ...(await invitationsOption(ctx, store)) },
      );
      // Not awaited: the mailer's time is not Stripe's; it logs its own failures.
      if (result.order) void mailReviewInvitations(ctx, store, result.order);
      if (result.flag) {
        const { flag } = result;
        ctx.logger.error(
          `[cartlift] payment ${flag.paymentIntentId} flagged, not recorded as an order: the server priced checkout ${flag.checkoutId} at ${flag.expectedAmount} ${flag.expectedCurrency}, Stripe reports ${flag.receivedAmount} ${flag.receivedCurrency}.`,
          flag,
        );
      }
      return json({ received: true, duplicate: result.duplicate, order: result.order?.paymentIntentId ?? null, flagged: Boolean(result.flag) });
    }
    if ((event.type === 'payment_intent.payment_failed' || event.type === 'payment_intent.canceled') && event.intent) {
      const canceled = event.type === 'payment_intent.canceled';
      const failure = event.intent.failure;
      const outcome = failure ? { status: 'failed' as const, ...failure } : undefined;
      const result = await store.recordPaymentEnded({
        eventId: event.id,
        eventType: event.type,
        paymentIntentId: event.intent.id,
        canceled,
        now,
        ...(outcome ? { outcome } : {}),
      });
      // A failed intent could still be paid with another method at its discounted
      // amount: cancel it. Its payment_intent.canceled event then releases the holds.
      if (!canceled && !result.duplicate && result.checkoutId) await cancelQuietly(ctx, event.intent.id);
      return json({ received: true, duplicate: result.duplicate });
    }
    const fresh = await store.recordEventOnce(event.id, event.type, now);
    return json({ received: true, duplicate: !fresh });
  };
}
