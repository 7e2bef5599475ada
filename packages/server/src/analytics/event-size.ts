import type { InvalidEvent } from './event-schema.js';

/**
 * The most one event may weigh, as JSON. The plugin's events are a few hundred
 * bytes (a 40-line cart with long names stays under 8 KB); a cap this size keeps
 * a flood from writing the ~115 KB of disk a 60 KB event used to cost.
 */
export const MAX_EVENT_BYTES = 8 * 1024;

const encoder = new TextEncoder();

/**
 * The size of an event as its JSON in UTF-8, what the collector stores.
 *
 * @example
 * eventBytes({ name: 'view_item' }) // 20
 */
export function eventBytes(raw: unknown): number {
  return encoder.encode(JSON.stringify(raw) ?? '').length;
}

/**
 * The reply entry for an event over `MAX_EVENT_BYTES`, or null when it fits:
 * refused on its own (status 413) while the rest of its batch is stored.
 *
 * @example
 * tooLarge({ event_id: 'e1', padding: 'x'.repeat(9000) }, 2) // { code: 'event_too_large', status: 413, field: 'events[2]', … }
 */
export function tooLarge(raw: unknown, index: number, bytes = eventBytes(raw)): InvalidEvent | null {
  if (bytes <= MAX_EVENT_BYTES) return null;
  const id = (raw as { event_id?: unknown } | null)?.event_id;
  const field = `events[${index}]`;
  return {
    event_id: typeof id === 'string' ? id.slice(0, 100) || null : null,
    code: 'event_too_large',
    status: 413,
    field,
    message: `${field} must be at most ${MAX_EVENT_BYTES} bytes (${MAX_EVENT_BYTES / 1024} KB) of JSON; received ${bytes} bytes.`,
  };
}
