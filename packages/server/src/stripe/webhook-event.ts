import { z } from 'zod';
import { parseWith } from '../http/validation.js';

// Stripe's ids and types are short ASCII; a NUL cannot be one of them, and
// PostgreSQL refuses NUL in text, so such an event is refused here, before anything is stored.
const text = (what: string) =>
  z
    .string({ error: `must be ${what}` })
    .min(1, { error: `must be ${what}` })
    .max(255, { error: 'must be at most 255 characters' })
    .refine((value) => !value.includes('\u0000'), { error: `must be ${what}, without a NUL character` });

/**
 * Free text Stripe relays (a bank's decline message) is only shown to the
 * shopper, while the event it rides on releases holds: a NUL in it is
 * replaced with U+FFFD so the event is stored and acknowledged, not refused
 * and retried by Stripe for days.
 */
const withoutNul = (value: string | undefined) => value?.replaceAll('\u0000', '\uFFFD');
const amount = z
  .number({ error: 'must be a whole number of minor units' })
  .int({ error: 'must be a whole number of minor units' })
  .min(0, { error: 'must not be negative' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'must be a safe whole number' });

const envelope = z.object(
  {
    id: text('the event id, such as "evt_1Nv…"'),
    type: text('the event type, such as "payment_intent.succeeded"'),
  },
  { error: 'must be a Stripe event object such as {"id": "evt_…", "type": "payment_intent.succeeded", "data": {"object": {…}}}' },
);

const paymentIntent = z.object(
  {
    id: text('the PaymentIntent id, such as "pi_3Nv…"'),
    amount,
    amount_received: amount.nullish(),
    currency: z
      .string({ error: 'must be a three-letter currency code such as "usd"' })
      .regex(/^[A-Za-z]{3}$/, { error: 'must be a three-letter currency code such as "usd"' }),
    customer: z
      .union([text('a Stripe Customer id'), z.object({ id: text('a Stripe Customer id') })], {
        error: 'must be a Stripe Customer id, an expanded Customer or null',
      })
      .nullish(),
    // Read leniently: only to tell the shopper why an attempt failed, never to decide money.
    last_payment_error: z.object({ code: z.string().optional(), message: z.string().optional(), decline_code: z.string().optional() }).nullish().catch(null),
  },
  { error: 'must be a PaymentIntent object such as {"id": "pi_…", "amount": 2400, "currency": "usd"}' },
);

const intentEvent = z.object({ data: z.object({ object: paymentIntent }, { error: 'must be an object holding the PaymentIntent as "object"' }) });

/** The parts of a PaymentIntent a webhook reads. */
export interface IntentFacts {
  id: string;
  amount: number;
  currency: string;
  customer: string | null;
  /** Why the last attempt failed, as Stripe recorded it (failed and canceled intents). */
  failure: { code: string; message: string; declineCode?: string } | null;
}

/** A verified event, checked before anything is stored: Stripe sends these shapes, anything else is refused with 400. */
export type WebhookEvent = { id: string; type: string; intent: IntentFacts | null };

const INTENT_EVENTS = new Set(['payment_intent.succeeded', 'payment_intent.payment_failed', 'payment_intent.canceled']);

/**
 * Checks a verified event's shape: every event needs an id and a type; the
 * PaymentIntent events Cartlift acts on need the intent's id, amount and
 * currency. A signed body of another shape gets a 400 naming the field.
 *
 * @example
 * parseWebhookEvent(JSON.parse(payload)) // { id: 'evt_…', type: 'payment_intent.succeeded', intent: { id: 'pi_…', … } }
 */
export function parseWebhookEvent(value: unknown): WebhookEvent {
  const { id, type } = parseWith(envelope, value);
  if (!INTENT_EVENTS.has(type)) return { id, type, intent: null };
  const object = parseWith(intentEvent, value).data.object;
  const customer = typeof object.customer === 'string' ? object.customer : (object.customer?.id ?? null);
  const error = object.last_payment_error;
  const failure = error?.code
    ? {
        code: withoutNul(error.code)!,
        message: withoutNul(error.message) ?? 'The payment did not go through.',
        ...(error.decline_code ? { declineCode: withoutNul(error.decline_code) } : {}),
      }
    : null;
  return { id, type, intent: { id: object.id, amount: object.amount_received || object.amount, currency: object.currency, customer, failure } };
}
