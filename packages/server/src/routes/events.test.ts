import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CartliftHandler } from '../handler.js';
import type { Store } from '../store/types.js';
import { storeVariants } from '../../test/harness.js';
import { analyticsHandler, postEvents, send, wireEvent } from '../../test/analytics-harness.js';

describe.each(storeVariants())('POST /events on $name', ({ open }) => {
  let store: Store;
  let handler: CartliftHandler;
  beforeAll(async () => {
    store = await open();
    handler = analyticsHandler(store, { allowedOrigins: ['https://shop.example'] });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  test('stores a text/plain beacon batch once; a resend is all duplicates', async () => {
    const events = [wireEvent('view_item'), wireEvent('add_to_cart', { seq: 's1' }), wireEvent('purchase')];
    const first = await postEvents(handler, events);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ accepted: 3, duplicates: 0, invalid: [] });
    // Upper-case ids are the same UUIDs.
    const again = await postEvents(
      handler,
      events.map((e) => ({ ...e, event_id: String(e.event_id).toUpperCase() })),
      { 'content-type': 'application/json' },
    );
    expect(again.body).toEqual({ accepted: 0, duplicates: 3, invalid: [] });
  });

  test('50 concurrent posts of one batch store each event once', async () => {
    const before = await store.countAnalyticsEvents();
    const events = Array.from({ length: 5 }, () => wireEvent('add_to_cart'));
    const replies = await Promise.all(Array.from({ length: 50 }, () => postEvents(handler, events)));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(replies.reduce((n, r) => n + r.body.accepted, 0)).toBe(5);
    expect(replies.reduce((n, r) => n + r.body.duplicates, 0)).toBe(245);
    expect(await store.countAnalyticsEvents()).toBe(before + 5);
  });

  test('keeps one purchase per transaction_id, across batches and within one', async () => {
    const before = await store.countAnalyticsEvents();
    const first = wireEvent('purchase');
    const again = wireEvent('purchase', { transaction_id: first.transaction_id });
    expect((await postEvents(handler, [first])).body).toEqual({ accepted: 1, duplicates: 0, invalid: [] });
    expect((await postEvents(handler, [again])).body).toEqual({ accepted: 0, duplicates: 1, invalid: [] });
    const pair = [
      wireEvent('purchase', { transaction_id: 'pi_pair' }),
      wireEvent('purchase', { transaction_id: 'pi_pair' }),
      wireEvent('begin_checkout', { transaction_id: 'pi_pair' }),
    ];
    expect((await postEvents(handler, pair)).body).toEqual({ accepted: 2, duplicates: 1, invalid: [] });
    expect(await store.countAnalyticsEvents()).toBe(before + 3);
  });

  test('reports invalid events one by one and keeps the good ones', async () => {
    const good = wireEvent('begin_checkout');
    const reply = await postEvents(handler, [
      good,
      wireEvent('purchase', { transaction_id: undefined }),
      wireEvent('add_to_cart', { event_id: 'not-a-uuid' }),
      wireEvent('view_item', { value: 19.99 }),
      { ...good },
      42,
    ]);
    expect(reply.status).toBe(200);
    expect(reply.body.accepted).toBe(1);
    expect(reply.body.duplicates).toBe(1);
    expect(reply.body.invalid.map((i: { field: string }) => i.field)).toEqual([
      'events[1].transaction_id',
      'events[2].event_id',
      'events[3].value',
      'events[5]',
    ]);
    expect(reply.body.invalid[0]).toMatchObject({
      code: 'invalid_event',
      message: expect.stringMatching(/^events\[1\]\.transaction_id must be the order id .*; received nothing\.$/),
    });
    expect(reply.body.invalid[1].event_id).toBe('not-a-uuid');
    expect(reply.body.invalid[3].event_id).toBeNull();
  });

  test.each([
    ['not JSON', '{"events": [', 400, 'invalid_json', 'body'],
    ['an empty body', '', 400, 'invalid_json', 'body'],
    ['no events array', '{"batch":[]}', 400, 'invalid_request', 'events'],
    ['events as an object', '{"events":{}}', 400, 'invalid_request', 'events'],
    ['a JSON array', '[]', 400, 'invalid_request', 'events'],
    ['a body over 64 KiB', JSON.stringify({ events: [wireEvent('view_item', { pad: 'x'.repeat(70_000) })] }), 413, 'body_too_large', 'body'],
  ])('%s is a %i with a sentence', async (_name, body, status, code, field) => {
    const reply = await send(handler, 'POST', '/events', { body, headers: { 'content-type': 'text/plain;charset=UTF-8' } });
    expect(reply.status).toBe(status);
    expect(reply.body.error).toMatchObject({ code, field, message: expect.stringMatching(/\.$/) });
  });

  test('CORS: allowed origins get a preflight and can read replies; others are refused', async () => {
    const pre = await send(handler, 'OPTIONS', '/events', {
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    expect(pre.headers.get('access-control-allow-headers')).toContain('content-type');

    const post = await postEvents(handler, [wireEvent('view_item')], { 'content-type': 'text/plain', origin: 'https://shop.example' });
    expect(post.status).toBe(200);
    expect(post.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const bad = await send(handler, 'POST', '/events', { body: 'nope', headers: { origin: 'https://shop.example' } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('access-control-allow-origin')).toBe('https://shop.example');

    const otherPre = await send(handler, 'OPTIONS', '/events', { headers: { origin: 'https://evil.example' } });
    expect(otherPre.status).toBe(403);
    expect(otherPre.headers.get('access-control-allow-origin')).toBeNull();
    const other = await postEvents(handler, [wireEvent('view_item')], { 'content-type': 'text/plain', origin: 'https://evil.example' });
    expect(other.status).toBe(403);
    expect(other.body.error).toMatchObject({ code: 'origin_not_allowed', field: 'origin', message: expect.stringContaining('allowedOrigins option') });

    // Same origin needs no configuration (by host, or by the browser's own Sec-Fetch-Site).
    expect((await postEvents(handler, [wireEvent('view_item')], { 'content-type': 'text/plain', origin: 'https://shop.test' })).status).toBe(200);
    expect(
      (await postEvents(handler, [wireEvent('view_item')], { 'content-type': 'text/plain', origin: 'https://x.test', 'sec-fetch-site': 'same-origin' })).status,
    ).toBe(200);
  });

  test('a handler without allowedOrigins is same-origin only', async () => {
    const closed = analyticsHandler(store);
    expect((await send(closed, 'OPTIONS', '/events', { headers: { origin: 'https://shop.example' } })).status).toBe(403);
    expect(() => analyticsHandler(store, { allowedOrigins: ['https://shop.example/'] })).toThrow(
      /allowedOrigins must be "\*" or a list of origins .*received "https:\/\/shop.example\/"/,
    );
  });

  test('a client over eventsPerMinute gets 429 with Retry-After and CORS; other clients and the next minute pass', async () => {
    let now = Date.parse('2030-02-01T00:00:00Z');
    const limited = analyticsHandler(store, { eventsPerMinute: 30, allowedOrigins: ['https://shop.example'] }, () => now);
    const post = (ip: string) =>
      send(limited, 'POST', '/events', {
        body: JSON.stringify({ events: Array.from({ length: 20 }, () => wireEvent('view_item')) }),
        headers: { 'content-type': 'text/plain', origin: 'https://shop.example' },
        ip,
      });
    expect((await post('198.51.100.1')).status).toBe(200);
    // 20 of 30 used: the next batch is still admitted whole (a batch is never split).
    expect((await post('198.51.100.1')).status).toBe(200);
    const refused = await post('198.51.100.1');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(refused.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(refused.body.error).toMatchObject({
      code: 'too_many_events',
      field: 'events',
      message: 'This client sent more than 30 events in a minute; resend them in 60 seconds.',
    });
    expect((await post('198.51.100.2')).status).toBe(200);
    now += 30_000;
    expect((await post('198.51.100.1')).headers.get('retry-after')).toBe('30');
    now += 30_000;
    expect((await post('198.51.100.1')).status).toBe(200);
    const stats = await send(limited, 'GET', '/events/stats', { ip: '127.0.0.1' });
    expect(stats.body).toMatchObject({ batches: 4, accepted: 80, refused: 2, throttled: 2 });
    expect(() => analyticsHandler(store, { eventsPerMinute: 0 })).toThrow('analytics.eventsPerMinute must be a positive whole number or false; received 0.');
  });

  test('GET /events/stats counts this process and the stored total, behind the token rule', async () => {
    const denied = await send(handler, 'GET', '/events/stats');
    expect(denied.status).toBe(403);
    const stats = await send(handler, 'GET', '/events/stats', { ip: '127.0.0.1' });
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({
      accepted: expect.any(Number),
      duplicates: expect.any(Number),
      invalid: expect.any(Number),
      refused: expect.any(Number),
      throttled: expect.any(Number),
      stored: await store.countAnalyticsEvents(),
    });
    expect(stats.body.duplicates).toBeGreaterThanOrEqual(250);
    expect(stats.body.invalid).toBeGreaterThanOrEqual(4);
  });
});
