import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteLength, chunkBodies } from './wire.js';

const event = (i: number, name = 'x') => ({ event_id: `id-${i}`, name, items: [] });

describe('chunkBodies', () => {
  it('keeps every beacon body under 64 KB, in order, losing nothing (multi-byte text included)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 3000 }), { maxLength: 120 }), (names) => {
        const events = names.map((n, i) => event(i, n));
        const { bodies, ids } = chunkBodies(events, 60_000);
        for (const body of bodies) expect(byteLength(body)).toBeLessThanOrEqual(60_000);
        expect(ids.flat()).toEqual(events.map((e) => e.event_id));
        expect(bodies.flatMap((b) => (JSON.parse(b) as { events: { event_id: string }[] }).events.map((e) => e.event_id))).toEqual(ids.flat());
      }),
    );
  });

  it('splits 1,000 events into several bodies below 64 KB', () => {
    const events = Array.from({ length: 1000 }, (_, i) => event(i, '加入购物车'.repeat(20)));
    const { bodies } = chunkBodies(events, 60_000);
    expect(bodies.length).toBeGreaterThan(2);
    expect(Math.max(...bodies.map(byteLength))).toBeLessThan(64 * 1024);
  });

  it('wraps under another field with a mapping (Segment batches)', () => {
    const { bodies } = chunkBodies([event(1)], 1000, 'batch', (e) => ({ messageId: e.event_id }));
    expect(bodies).toEqual(['{"batch":[{"messageId":"id-1"}]}']);
  });
});
