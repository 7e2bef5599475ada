import type { CheckoutResponse } from '@cartlift/core/contract';
import type Stripe from 'stripe';
import { serverPurchaseEvent } from '../analytics/server-purchase.js';
import { invitationsOption, mailReviewInvitations } from '../reviews/invitations.js';
import { HttpError } from '../http/errors.js';
import type { HandlerContext } from '../options.js';
import type { CheckoutOutcome, CheckoutRecord, Store } from '../store/types.js';
import { replayCreate, stripeFailure } from './intent.js';
import { orderSummary } from './order-summary.js';

/** Where a payment attempt stands, as `/checkout` answers it: the contract's CheckoutResponse. */
export type AttemptAnswer = CheckoutResponse;

/** The error a finished attempt answers with, every time it is asked again. */
export function outcomeError(checkoutId: string, outcome: CheckoutOutcome | null): HttpError {
  if (outcome?.status === 'failed') {
    return new HttpError(
      402,
      outcome.code,
      outcome.message,
      'confirmationToken',
      {},
      { ...(outcome.declineCode ? { declineCode: outcome.declineCode } : {}), checkoutId },
    );
  }
  if (outcome?.status === 'flagged') return new HttpError(409, outcome.code, outcome.message, 'checkoutId');
  return new HttpError(
    409,
    'checkout_canceled',
    `Checkout ${checkoutId} was canceled${outcome ? ` (${outcome.message.replace(/\.$/, '')})` : ''}; start a new checkout with a new checkoutId.`,
    'checkoutId',
  );
}

/** The failure Stripe recorded on an intent that went back to `requires_payment_method`. */
function failureOf(intent: Stripe.PaymentIntent): CheckoutOutcome {
  const error = intent.last_payment_error;
  return {
    status: 'failed',
    code: error?.code ?? 'payment_failed',
    message: error?.message ?? 'The payment did not go through.',
    ...(error?.decline_code ? { declineCode: error.decline_code } : {}),
  };
}

/**
 * Cancels an unpaid intent so it can never be paid, then releases the
 * attempt's holds: a hold is freed only once Stripe has said the money can't
 * come. If the intent was paid meanwhile, answers with the order instead.
 */
async function cancelAndRelease(
  ctx: HandlerContext,
  store: Store,
  record: CheckoutRecord,
  token: string,
  intentId: string | null,
  outcome: CheckoutOutcome,
): Promise<AttemptAnswer> {
  if (intentId) {
    let intent: Stripe.PaymentIntent;
    try {
      intent = await ctx.stripe.paymentIntents.cancel(intentId);
    } catch (error) {
      // Already canceled, or paid a moment ago: look at it rather than guess.
      intent = await ctx.stripe.paymentIntents.retrieve(intentId).catch(stripeFailure);
      if (intent.status === 'succeeded' || intent.status === 'processing') return settled(ctx, store, record, intent);
      if (intent.status !== 'canceled') stripeFailure(error);
    }
  }
  await store.releaseReservations(record.checkoutId, ctx.now());
  await store.updateCheckout(
    record.checkoutId,
    token,
    { status: outcome.status === 'failed' ? 'failed' : 'canceled', outcome, ...(intentId ? { paymentIntentId: intentId } : {}) },
    ctx.now(),
  );
  throw outcomeError(record.checkoutId, outcome);
}

/** A paid (or paying) intent: the order recorded now, not only when the webhook comes. */
async function settled(ctx: HandlerContext, store: Store, record: CheckoutRecord, intent: Stripe.PaymentIntent): Promise<AttemptAnswer> {
  const base = { paymentIntentId: intent.id, amount: intent.amount, currency: intent.currency.toUpperCase() };
  if (intent.status === 'processing') return { status: 'processing', ...base, order: null };
  const customer = typeof intent.customer === 'string' ? intent.customer : (intent.customer?.id ?? null);
  const result = await store.recordPaymentSucceeded(
    {
      eventId: `cartlift-settle:${intent.id}`,
      eventType: 'payment_intent.succeeded',
      paymentIntentId: intent.id,
      amount: intent.amount,
      currency: intent.currency,
      stripeCustomerId: customer,
      now: ctx.now(),
    },
    { purchaseEvent: serverPurchaseEvent, ...(await invitationsOption(ctx, store)) },
  );
  // Not awaited: the shopper's thank-you screen does not wait for the mailer, which logs its own failures.
  if (result.order) void mailReviewInvitations(ctx, store, result.order);
  if (result.flag) ctx.logger.error(`[cartlift] payment ${intent.id} of checkout ${record.checkoutId} flagged: ${result.flag.reason}.`, result.flag);
  const order = result.order ?? (await store.getOrder(intent.id));
  if (!order) throw outcomeError(record.checkoutId, (await store.getCheckout(record.checkoutId))?.outcome ?? null);
  return { status: 'succeeded', ...base, order: await orderSummary(ctx.catalog, order) };
}

/**
 * Brings a payment attempt to where Stripe says it is: paid → the order;
 * waiting for the shopper (3-D Secure, Alipay, WeChat Pay) → the client
 * secret for `stripe.handleNextAction`, unless `expired`, when it is
 * canceled; failed → canceled at Stripe, holds released, the failure
 * answered (402). The caller holds the checkout's lease (`token`); `known`
 * is the intent as Stripe has just answered it, when the caller has it.
 *
 * @example
 * const answer = await settleAttempt(ctx, store, record, token, { expired: false })
 */
export async function settleAttempt(
  ctx: HandlerContext,
  store: Store,
  record: CheckoutRecord,
  token: string,
  { expired, known }: { expired: boolean; known?: Stripe.PaymentIntent },
): Promise<AttemptAnswer> {
  if (record.status !== 'open') {
    if (record.status === 'succeeded' && record.paymentIntentId) {
      const order = await store.getOrder(record.paymentIntentId);
      if (order)
        return {
          status: 'succeeded',
          paymentIntentId: order.paymentIntentId,
          amount: order.amount,
          currency: order.currency,
          order: await orderSummary(ctx.catalog, order),
        };
    }
    throw outcomeError(record.checkoutId, record.outcome);
  }
  const intentId = record.paymentIntentId ?? (await replayCreate(ctx.stripe, record));
  if (!intentId)
    return cancelAndRelease(ctx, store, record, token, null, { status: 'canceled', code: 'attempt_abandoned', message: 'The payment was never started.' });
  // The intent Stripe just answered a create with needs no second look.
  const intent = known?.id === intentId ? known : await ctx.stripe.paymentIntents.retrieve(intentId).catch(stripeFailure);
  if (!record.paymentIntentId)
    await store.updateCheckout(record.checkoutId, token, { paymentIntentId: intent.id, clientSecret: intent.client_secret }, ctx.now());
  switch (intent.status) {
    case 'succeeded':
    case 'processing':
      return settled(ctx, store, record, intent);
    case 'requires_action':
      if (!expired)
        return {
          status: 'requires_action',
          paymentIntentId: intent.id,
          clientSecret: intent.client_secret ?? '',
          amount: intent.amount,
          currency: intent.currency.toUpperCase(),
        };
      return cancelAndRelease(ctx, store, record, token, intent.id, {
        status: 'canceled',
        code: 'hold_expired',
        message: 'The payment was not completed in time.',
      });
    case 'canceled':
      // Canceled after its payment failed (the payment_failed webhook cancels it): the failure is the answer, every time.
      return cancelAndRelease(
        ctx,
        store,
        record,
        token,
        null,
        intent.last_payment_error?.code ? failureOf(intent) : { status: 'canceled', code: 'payment_canceled', message: 'The payment was canceled.' },
      );
    default:
      // requires_payment_method (declined, authentication failed) or a state we never leave an intent in.
      return cancelAndRelease(
        ctx,
        store,
        record,
        token,
        intent.id,
        intent.last_payment_error ? failureOf(intent) : { status: 'canceled', code: 'payment_incomplete', message: 'The payment was not completed.' },
      );
  }
}
