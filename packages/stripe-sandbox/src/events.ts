import type { OperationContext } from './context.js';
import { notFound } from './errors.js';
import type { FormObject } from './form.js';
import { randomId } from './ids.js';
import { matchesCreated, paginate, type StripeList } from './lists.js';
import { assertKnown, readString, readStringArray } from './params.js';
import { remember, snapshot, type SandboxState } from './state.js';
import type { StripeEvent } from './types.js';

/**
 * Builds and stores an event holding a snapshot of `object` (later changes
 * to the object do not alter the event, as on Stripe).
 *
 * @example
 * recordEvent(state, { type: 'payment_intent.succeeded', object: intent, now, apiVersion, request: null, pendingWebhooks: 1 })
 */
export function recordEvent(
  state: SandboxState,
  input: {
    type: string;
    object: unknown;
    previousAttributes?: Record<string, unknown>;
    now: number;
    apiVersion: string;
    request: StripeEvent['request'] | null;
    pendingWebhooks: number;
  },
): StripeEvent {
  const event: StripeEvent = {
    id: randomId('evt'),
    object: 'event',
    api_version: input.apiVersion,
    created: input.now,
    data: { object: snapshot(input.object), ...(input.previousAttributes ? { previous_attributes: snapshot(input.previousAttributes) } : {}) },
    livemode: false,
    pending_webhooks: input.pendingWebhooks,
    request: input.request ?? { id: null, idempotency_key: null },
    type: input.type,
  };
  state.events.set(event.id, event);
  remember(state, event.id);
  return event;
}

/**
 * GET /v1/events/:id.
 *
 * @example
 * retrieveEvent(ctx, 'evt_123').type
 */
export function retrieveEvent(ctx: OperationContext, id: string): StripeEvent {
  const event = ctx.state.events.get(id);
  if (!event) throw notFound('event', id);
  return event;
}

/**
 * GET /v1/events with `type` (wildcards like `payment_intent.*`), `types[]` and `created`.
 *
 * @example
 * listEvents(ctx, { type: 'payment_intent.*' }).data
 */
export function listEvents(ctx: OperationContext, params: FormObject): StripeList<StripeEvent> {
  assertKnown(params, ['type', 'types', 'limit', 'starting_after', 'ending_before', 'created', 'delivery_success', 'expand']);
  const type = readString(params, 'type');
  const types = readStringArray(params, 'types');
  const matches = [...ctx.state.events.values()].filter(
    (e) => (type === undefined || typeMatches(type, e.type)) && (types === undefined || types.includes(e.type)) && matchesCreated(params, e.created),
  );
  return paginate(ctx.state, matches, params, '/v1/events');
}

function typeMatches(pattern: string, type: string): boolean {
  return pattern.endsWith('.*') ? type.startsWith(pattern.slice(0, -1)) : pattern === type;
}
