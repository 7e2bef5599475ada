import type { ByteBudget } from '../analytics/byte-budget.js';
import { requireReportAccess } from '../analytics/access.js';
import { checkEvent, type InvalidEvent, type WireEvent } from '../analytics/event-schema.js';
import { storedEvent, tooLarge } from '../analytics/event-size.js';
import { parseJson, readBody } from '../http/body.js';
import { HttpError, json, toErrorResponse } from '../http/errors.js';
import type { HandlerContext as RequestContext } from '../http/node.js';
import type { HandlerContext } from '../options.js';
import type { RateLimiter } from '../rate-limit.js';
import type { AnalyticsEventRecord } from '../store/types.js';
import { clientIp } from './client.js';

/** The wire format's limit (docs/analytics.md): the plugin's beacons stay under 60 KB. */
export const EVENTS_BODY_BYTES = 64 * 1024;

function toRecord(event: WireEvent, payloadJson: string): AnalyticsEventRecord {
  return {
    eventId: event.event_id.toLowerCase(),
    name: event.name,
    time: event.time,
    cartId: event.cart_id,
    anonymousId: event.anonymous_id?.toLowerCase() ?? null,
    currency: event.currency,
    value: event.value,
    transactionId: event.transaction_id ?? null,
    experiments: event.experiments ?? null,
    payload: event,
    payloadJson,
  };
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** Refuses a client over its events-per-minute before the body is read; the plugin honours Retry-After. */
async function checkRate(ctx: HandlerContext, limiter: RateLimiter, key: string): Promise<void> {
  const limit = ctx.analytics.eventsPerMinute;
  if (limit === false) return;
  const wait = await limiter.retryAfter([{ key, limit }], ctx.now());
  if (wait > 0) {
    ctx.analytics.counters.throttled++;
    throw new HttpError(429, 'too_many_events', `This client sent more than ${limit} events in a minute; resend them in ${wait} seconds.`, 'events', {
      'retry-after': String(wait),
    });
  }
}

/** The collector's two limiters: events per minute in this process, stored bytes per day in the store. */
export interface EventLimiters {
  perMinute: RateLimiter;
  bytesPerDay: ByteBudget;
}

/**
 * Counts the bytes about to be stored against the address's day, or refuses
 * the batch with 429: the cap is what bounds the disk one address can fill.
 * Returns what to give back for the events that turn out to be duplicates.
 */
async function takeBytes(ctx: HandlerContext, budget: ByteBudget, key: string, bytes: number) {
  const limit = ctx.analytics.storedBytesPerDay;
  if (limit === false || bytes === 0) return null;
  const wait = await budget.take(key, limit, bytes, ctx.now());
  if (wait > 0) {
    ctx.analytics.counters.throttled++;
    throw new HttpError(
      429,
      'too_many_event_bytes',
      `This client stored more than ${limit} bytes of events in a day (this batch adds ${bytes}); resend them in ${wait} seconds.`,
      'events',
      { 'retry-after': String(wait) },
    );
  }
  return (unused: number) => budget.giveBack(key, unused);
}

async function accept(ctx: HandlerContext, request: Request, limiters: EventLimiters, address: string) {
  const rateKey = `events:${address}`;
  const limiter = limiters.perMinute;
  await checkRate(ctx, limiter, rateKey);
  const body = parseJson(await readBody(request, { limit: EVENTS_BODY_BYTES, json: false }));
  const events = (body as { events?: unknown } | null)?.events;
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !Array.isArray(events)) {
    throw new HttpError(
      400,
      'invalid_request',
      `events must be an array of events, as in {"events":[…]}; received ${Array.isArray(body) || typeof body !== 'object' || body === null ? `a body that is ${describe(body)}` : describe(events)}.`,
      'events',
    );
  }
  if (ctx.analytics.eventsPerMinute !== false) await limiter.hit([rateKey], ctx.now(), events.length);
  const invalid: InvalidEvent[] = [];
  const records = new Map<string, AnalyticsEventRecord>();
  let repeated = 0;
  const sizes = new Map<string, number>();
  for (const [index, raw] of events.entries()) {
    const checked = checkEvent(raw, index);
    if (!checked.ok) {
      invalid.push(checked.invalid);
      continue;
    }
    // Measured as stored, and the JSON kept for the insert: one JSON.stringify per event.
    const { json, bytes } = storedEvent(checked.event);
    const large = tooLarge(raw, index, bytes);
    if (large) {
      invalid.push(large);
      continue;
    }
    const record = toRecord(checked.event, json);
    if (records.has(record.eventId)) repeated++;
    else {
      records.set(record.eventId, record);
      sizes.set(record.eventId, bytes);
    }
  }
  const sum = (ids: Iterable<string>) => [...ids].reduce((n, id) => n + (sizes.get(id) ?? 0), 0);
  const giveBack = await takeBytes(ctx, limiters.bytesPerDay, `event-bytes:${address}`, sum(sizes.keys()));
  let stored: string[];
  try {
    stored = await (await ctx.store()).recordAnalyticsEvents([...records.values()], ctx.now());
  } catch (error) {
    giveBack?.(sum(sizes.keys()));
    throw error;
  }
  // Duplicates were not written, so they do not count against the day.
  const kept = new Set(stored);
  const unused = sum([...sizes.keys()].filter((id) => !kept.has(id)));
  if (unused > 0) giveBack?.(unused);
  const result = { accepted: stored.length, duplicates: records.size - stored.length + repeated, invalid };
  const counters = ctx.analytics.counters;
  counters.batches++;
  counters.accepted += result.accepted;
  counters.duplicates += result.duplicates;
  counters.invalid += invalid.length;
  return result;
}

/**
 * `POST /events`: the analytics collector. Reads the body as JSON whatever its
 * content type (sendBeacon sends text/plain), stores each valid event once by
 * `event_id`, and reports invalid events one by one without failing the batch
 * (an event over 8 KB as `event_too_large` with status 413). Over the stored
 * bytes per address per day, the whole batch is refused with 429.
 *
 * @example
 * { method: 'POST', path: '/events', handler: eventsRoute(ctx, { perMinute: createRateLimiter(60_000), bytesPerDay: byteBudget(storeRateLimiter(ctx.store, 86_400_000), 86_400_000) }) }
 */
export function eventsRoute(ctx: HandlerContext, limiters: EventLimiters) {
  // CORS (error replies included, so a plugin on another origin can read the status) is added
  // around this route by crossOriginRoutes in handler.ts.
  return async (request: Request, context?: RequestContext): Promise<Response> => {
    try {
      return json(await accept(ctx, request, limiters, clientIp(ctx, request, context)));
    } catch (error) {
      const response = toErrorResponse(error, ctx.logger.error);
      if (response.status < 500) ctx.analytics.counters.refused++;
      return response;
    }
  };
}

/**
 * `GET /events/stats`: this process's counters since it started, and the
 * number of events stored (all processes). Behind the report token.
 */
export function eventsStatsRoute(ctx: HandlerContext, tokenLimiter: RateLimiter) {
  return async (request: Request, context?: RequestContext): Promise<Response> => {
    await requireReportAccess(ctx, request, context, tokenLimiter, 'Bearer');
    const stored = await (await ctx.store()).countAnalyticsEvents();
    return json({ ...ctx.analytics.counters, since: new Date(ctx.analytics.counters.since).toISOString(), stored });
  };
}
