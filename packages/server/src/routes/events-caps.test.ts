import { describe, expect, test } from 'vitest';
import { storeVariants, useStore } from '../../test/harness.js';
import { analyticsHandler, postEvents, send as sendRaw, wireEvent } from '../../test/analytics-harness.js';
import type { CartliftHandler } from '../handler.js';

const DAY = 86_400_000;
// Its own address: the byte counter is in the store, which the tests share.
const ADDRESS = '192.0.2.50';
const send = (handler: CartliftHandler, events: unknown[], ip: string) =>
  sendRaw(handler, 'POST', '/events', { body: JSON.stringify({ events }), headers: { 'content-type': 'text/plain' }, ip });

describe.each(storeVariants())('POST /events caps on $name', ({ open }) => {
  const store = useStore(open);

  test('an event over 8 KB is refused on its own with a 413 entry naming its size and the cap; the rest of the batch is stored', async () => {
    const handler = analyticsHandler(store);
    const before = await store.countAnalyticsEvents();
    const huge = wireEvent('view_item', { padding: 'x'.repeat(60_000) });
    const good = wireEvent('add_to_cart');
    const reply = await postEvents(handler, [good, huge]);
    expect(reply.status).toBe(200);
    expect(reply.body.accepted).toBe(1);
    expect(reply.body.invalid).toEqual([
      {
        event_id: huge.event_id,
        code: 'event_too_large',
        status: 413,
        field: 'events[1]',
        message: expect.stringMatching(/^events\[1\] must be at most 8192 bytes \(8 KB\) of JSON; received 60\d{3} bytes\.$/),
      },
    ]);
    expect(await store.countAnalyticsEvents()).toBe(before + 1);
  });

  test('an address over storedBytesPerDay gets 429 with Retry-After until its day is over; other addresses pass', async () => {
    let now = Date.parse('2030-02-01T00:00:00Z');
    const handler = analyticsHandler(store, { storedBytesPerDay: 2000 }, () => now);
    const size = new TextEncoder().encode(JSON.stringify(wireEvent('view_item'))).length;
    const fits = Math.floor(2000 / size);
    const first = await send(
      handler,
      Array.from({ length: fits }, () => wireEvent('view_item')),
      ADDRESS,
    );
    expect(first.status).toBe(200);
    expect(first.body.accepted).toBe(fits);
    const over = await send(handler, [wireEvent('view_item')], ADDRESS);
    expect(over.status).toBe(429);
    expect(over.body.error).toMatchObject({ code: 'too_many_event_bytes', field: 'events' });
    expect(over.body.error.message).toMatch(/more than 2000 bytes of events in a day/);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(86_000);
    const other = await send(handler, [wireEvent('view_item')], '198.51.100.9');
    expect(other.status).toBe(200);
    now += DAY;
    expect((await send(handler, [wireEvent('view_item')], ADDRESS)).status).toBe(200);
  });
});
