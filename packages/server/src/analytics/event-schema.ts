import { ADD_TO_CART_SOURCES, AR_LAUNCH_MODES, FUNNEL_EVENTS, isCurrency, REVIEW_FILTER_NAMES } from '@cartlift/core';
import { z } from 'zod';
import { fieldPath } from '../http/validation.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const minor = (what: string) => z.number({ error: `must be ${what}` }).refine((n) => Number.isSafeInteger(n) && n >= 0, `must be ${what}`);
const text = (max: number, what = 'a string') =>
  z
    .string({ error: `must be ${what} of 1 to ${max} characters` })
    .min(1, `must be ${what} of 1 to ${max} characters`)
    .max(max, `must be ${what} of 1 to ${max} characters`);
const optionalText = (max: number) =>
  z
    .string({ error: `must be a string of at most ${max} characters` })
    .max(max, `must be a string of at most ${max} characters`)
    .optional();

const item = z.looseObject(
  {
    item_id: text(200),
    item_name: optionalText(500),
    item_variant: optionalText(200),
    price: minor('a whole number of minor units, 0 or more').optional(),
    quantity: minor('a whole number, 0 or more'),
  },
  { error: 'must be a GA4 item object { item_id, quantity, price? }' },
);

/** The params of `review_filter_applied` (the contract's), checked when the event's name is that. */
const reviewFilterParams = z.looseObject({
  product: text(200, 'a product SKU'),
  filter: z.enum(REVIEW_FILTER_NAMES, { error: `must be one of ${REVIEW_FILTER_NAMES.join(', ')}` }),
  filter_value: z.string({ error: 'must be a string of at most 200 characters ("" for clear)' }).max(200, 'must be a string of at most 200 characters'),
  total: minor('a whole number of matching reviews, 0 or more'),
});

/** The params of `ar_launched` (the contract's): the product and how it was shown. */
const arLaunchedParams = z.looseObject({
  sku: text(200, 'a product SKU'),
  mode: z.enum(AR_LAUNCH_MODES, { error: `must be one of ${AR_LAUNCH_MODES.join(', ')}` }),
});

/** `add_to_cart` may say where the add came from. */
const addToCartParams = z.looseObject({
  source: z.enum(ADD_TO_CART_SOURCES, { error: `must be one of ${ADD_TO_CART_SOURCES.join(', ')} when present` }).optional(),
});

/** Each event's own params, checked when the event has that name. */
const PARAMS: Partial<Record<(typeof FUNNEL_EVENTS)[number], z.ZodType>> = {
  review_filter_applied: reviewFilterParams,
  ar_launched: arLaunchedParams,
  add_to_cart: addToCartParams,
};

/** One event as `@cartlift/analytics` sends it (docs/analytics.md, wire format). Extras pass through. */
export const wireEvent = z
  .looseObject(
    {
      event_id: z.string({ error: 'must be a UUID' }).regex(UUID, 'must be a UUID'),
      name: z.enum(FUNNEL_EVENTS, { error: `must be one of ${FUNNEL_EVENTS.join(', ')}` }),
      // Milliseconds since 1970, up to the year 2286.
      time: z
        .number({ error: 'must be a time in milliseconds since 1970' })
        .refine((n) => Number.isSafeInteger(n) && n >= 0 && n < 1e13, 'must be a time in milliseconds since 1970'),
      cart_id: text(200),
      currency: z.string({ error: 'must be an ISO 4217 currency code such as "USD"' }).refine(isCurrency, 'must be an ISO 4217 currency code such as "USD"'),
      value: minor('a whole number of minor units, 0 or more'),
      items: z.array(item, { error: 'must be an array of GA4 items' }).max(200, 'must hold at most 200 items'),
      transaction_id: optionalText(200),
      anonymous_id: z.string({ error: 'must be a UUID' }).regex(UUID, 'must be a UUID').optional(),
      experiments: z
        .record(text(100, 'an experiment key'), text(100, 'a variant name'), { error: 'must be an object of experiment keys to variant names' })
        .refine((map) => Object.keys(map).length <= 50, 'must hold at most 50 experiments')
        .optional(),
    },
    { error: 'must be an event object' },
  )
  .superRefine((event, ctx) => {
    if (event.name === 'purchase' && !event.transaction_id) {
      ctx.addIssue({ code: 'custom', path: ['transaction_id'], message: 'must be the order id (a non-empty string) on a purchase' });
    }
    const params = PARAMS[event.name]?.safeParse(event);
    for (const issue of params && !params.success ? params.error.issues : []) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });

export type WireEvent = z.infer<typeof wireEvent>;

/** One refused event in the collector's reply; the rest of its batch is still stored. */
export interface InvalidEvent {
  event_id: string | null;
  /** `invalid_event`: a field is wrong; `event_too_large`: over the size cap (event-size.ts). */
  code: 'invalid_event' | 'event_too_large';
  /** 413 on an event over the size cap, so a client can tell it apart without reading the code. */
  status?: 413;
  message: string;
  field: string;
}

const MAX_DEPTH = 16;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const badText = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s);

/**
 * Whether an event is free of what `unstorable` looks for, without building a
 * path per value: every event the plugin sends takes only this pass. The
 * recursion stops at MAX_DEPTH, so no nesting can exhaust the stack.
 */
function storable(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return !badText(value);
  if (!value || typeof value !== 'object') return true;
  if (depth >= MAX_DEPTH) return false;
  for (const key in value) {
    if (badText(key) || !storable((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

/**
 * Where an event holds text PostgreSQL cannot store (NUL, lone surrogates) or
 * nesting deeper than 16 levels; walked without recursion.
 */
function unstorable(root: unknown): { path: PropertyKey[]; problem: string } | null {
  if (storable(root, 0)) return null;
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: root, path: [] }];
  const bad = badText;
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (bad(value)) return { path, problem: 'must be text without NUL characters or unpaired surrogates' };
    } else if (value && typeof value === 'object') {
      if (path.length >= MAX_DEPTH) return { path, problem: `must be nested at most ${MAX_DEPTH} levels deep` };
      for (const [key, child] of Object.entries(value)) {
        const at = [...path, Array.isArray(value) ? Number(key) : key];
        if (bad(key)) return { path: at, problem: 'must have a name without NUL characters or unpaired surrogates' };
        stack.push({ value: child, path: at });
      }
    }
  }
  return null;
}

function received(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value).replace(/\\u0000/g, '\\0');
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function at(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/**
 * Checks the `index`-th event of a batch: the event, or why it is refused as a
 * sentence naming the field (`events[2].items[0].price must be …; received -1.`).
 *
 * @example
 * checkEvent({ name: 'purchase', … }, 0) // { ok: false, invalid: { field: 'events[0].transaction_id', … } }
 */
export function checkEvent(raw: unknown, index: number): { ok: true; event: WireEvent } | { ok: false; invalid: InvalidEvent } {
  const eventId =
    raw && typeof raw === 'object' && typeof (raw as { event_id?: unknown }).event_id === 'string'
      ? (raw as { event_id: string }).event_id.slice(0, 100) || null
      : null;
  const fail = (path: readonly PropertyKey[], expected: string) => {
    const field = fieldPath(['events', index, ...path]);
    const invalid: InvalidEvent = { event_id: eventId, code: 'invalid_event', message: `${field} ${expected}; received ${received(at(raw, path))}.`, field };
    return { ok: false as const, invalid };
  };
  const result = wireEvent.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return fail(issue.path, issue.message.replace(/\.$/, ''));
  }
  const problem = unstorable(raw);
  if (problem) return fail(problem.path, problem.problem);
  return { ok: true, event: result.data };
}
