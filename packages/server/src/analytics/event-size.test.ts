import fc from 'fast-check';
import { expect, test } from 'vitest';
import { MAX_EVENT_BYTES, storedEvent, tooLarge, utf8Length } from './event-size.js';

const encoder = new TextEncoder();

test('utf8Length counts what TextEncoder would write, for any string (lone surrogates become U+FFFD)', () => {
  expect(utf8Length('{"name":"龙井"}')).toBe(17);
  expect(utf8Length('🍵')).toBe(4);
  expect(utf8Length('\ud83c')).toBe(3);
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => utf8Length(text) === encoder.encode(text).length));
});

test('an event is measured as stored, and refused past the cap with a sentence naming it', () => {
  const event = { event_id: 'e1', name: 'view_item', items: [{ item_name: '西湖龙井' }] };
  expect(storedEvent(event)).toEqual({ json: JSON.stringify(event), bytes: encoder.encode(JSON.stringify(event)).length });
  expect(tooLarge(event, 0)).toBeNull();
  const huge = { event_id: 'e2', padding: 'x'.repeat(MAX_EVENT_BYTES) };
  expect(tooLarge(huge, 3)).toMatchObject({ event_id: 'e2', code: 'event_too_large', status: 413, field: 'events[3]' });
});
