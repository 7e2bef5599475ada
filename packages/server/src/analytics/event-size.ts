import type { InvalidEvent } from './event-schema.js';

/**
 * The most one event may weigh, as JSON. The plugin's events are a few hundred
 * bytes (a 40-line cart with long names stays under 8 KB); a cap this size keeps
 * a flood from writing the ~115 KB of disk a 60 KB event used to cost.
 */
export const MAX_EVENT_BYTES = 8 * 1024;

const NOT_ASCII = /[\u0080-\uffff]/;

/**
 * The UTF-8 size of a string, counted without encoding it (the collector
 * measures every event it stores; an encoded copy would be garbage at once).
 *
 * @example
 * utf8Length('{"name":"龙井"}') // 17
 */
export function utf8Length(text: string): number {
  // Most events are ASCII: one native scan, and the length is the byte count.
  if (!NOT_ASCII.test(text)) return text.length;
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    // Two UTF-16 units of a surrogate pair are 4 bytes; a lone surrogate is encoded as U+FFFD (3).
    if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2;
      i++;
    } else bytes += code < 0x800 ? 1 : 2;
  }
  return bytes;
}

/**
 * An event as the collector stores it: its JSON, and that JSON's UTF-8 size.
 *
 * @example
 * storedEvent({ name: 'view_item' }) // { json: '{"name":"view_item"}', bytes: 20 }
 */
export function storedEvent(event: unknown): { json: string; bytes: number } {
  const json = JSON.stringify(event) ?? '';
  return { json, bytes: utf8Length(json) };
}

/**
 * The reply entry for an event over `MAX_EVENT_BYTES`, or null when it fits:
 * refused on its own (status 413) while the rest of its batch is stored.
 *
 * @example
 * tooLarge({ event_id: 'e1', padding: 'x'.repeat(9000) }, 2) // { code: 'event_too_large', status: 413, field: 'events[2]', … }
 */
export function tooLarge(raw: unknown, index: number, bytes = storedEvent(raw).bytes): InvalidEvent | null {
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
