import { describe, expect, test } from 'vitest';
import { createCartliftHandler } from './handler.js';
import { sessionCookie } from './admin/sessions.js';
import { clientIp } from './routes/client.js';
import type { HandlerContext } from './options.js';
import { CATALOG, storeVariants, unique, useHarness, useStore } from '../test/harness.js';
import { analyticsHandler, send, wireEvent } from '../test/analytics-harness.js';

const lines = [{ sku: 'TEA-LJ-100', quantity: 1 }];
const forwardedFor = (value: string | string[]) => {
  const headers = new Headers();
  for (const item of Array.isArray(value) ? value : [value]) headers.append('x-forwarded-for', item);
  return new Request('http://shop.test/', { headers });
};
const ipWith = (trustProxy: number, header: string | string[]) => clientIp({ trustProxy } as HandlerContext, forwardedFor(header), { clientIp: '10.0.0.2' });
/** What a client behind an appending proxy can send: any first hop it likes. */
const spoofed = () => `203.0.113.${Math.floor(Math.random() * 250)}`;

describe('clientIp behind trusted proxies', () => {
  test('the right-most address not added by the trusted hops, as Express counts them', () => {
    // The client wrote "1.1.1.1"; the one proxy appended the address it saw.
    expect(ipWith(1, '1.1.1.1, 198.51.100.9')).toBe('198.51.100.9');
    expect(ipWith(2, '1.1.1.1, 198.51.100.9, 10.0.0.1')).toBe('198.51.100.9');
    // Two headers are one list.
    expect(ipWith(1, ['1.1.1.1', '198.51.100.9'])).toBe('198.51.100.9');
    // Fewer addresses than hops: the furthest one there is.
    expect(ipWith(3, '198.51.100.9, 10.0.0.1')).toBe('198.51.100.9');
    // No hops trusted, or no header: the socket's address.
    expect(ipWith(0, '1.1.1.1')).toBe('10.0.0.2');
    expect(clientIp({ trustProxy: 1 } as HandlerContext, new Request('http://shop.test/'), { clientIp: '10.0.0.2' })).toBe('10.0.0.2');
  });

  test('trustProxy: true is one hop; bad values fail at start with a sentence naming the option', () => {
    const make = (trustProxy: unknown) =>
      createCartliftHandler({
        currency: 'USD',
        catalog: CATALOG,
        stripe: { publishableKey: 'pk_test_x', secretKey: 'sk_test_x' },
        trustProxy: trustProxy as number,
      });
    expect(() => make(true)).not.toThrow();
    expect(() => make(2)).not.toThrow();
    for (const [value, shown] of [
      [-1, '-1'],
      [1.5, '1.5'],
      ['1', '"1"'],
    ] as const) {
      expect(() => make(value)).toThrow(
        `trustProxy must be the number of proxies in front of the server (a whole number from 0 to 10), true for one, or false; received ${shown}.`,
      );
    }
  });
});

test("the console cookie is Secure by the outermost trusted proxy's X-Forwarded-Proto, not by an entry the client wrote", () => {
  const cookie = (trustProxy: number, proto: string) =>
    sessionCookie(
      { trustProxy, basePath: '', admin: { sessionTtlMs: 60_000 } } as HandlerContext,
      new Request('http://shop.test/', { headers: { 'x-forwarded-proto': proto } }),
      't',
    );
  expect(cookie(1, 'https, http')).not.toMatch(/Secure/);
  expect(cookie(1, 'https')).toMatch(/; Secure$/);
  expect(cookie(2, 'https, http')).toMatch(/; Secure$/);
  expect(cookie(0, 'https')).not.toMatch(/Secure/);
});

describe.each(storeVariants())('behind an appending proxy on $name', ({ open }) => {
  const h = useHarness(open, { trustProxy: 1, rateLimit: { perIpCeiling: 20, windowMs: 600_000 } });

  test('coupon guesses with a fresh spoofed first hop each still hit the per-address ceiling', async () => {
    const client = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const reply = await h.call('POST', '/quote', { lines, codes: [`GUESS${i}`] }, { 'x-test-ip': '10.0.0.1', 'x-forwarded-for': `${spoofed()}, ${client}` });
      statuses.push(reply.status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(statuses.slice(20)).toEqual(Array(10).fill(429));
    expect((await h.store.rateWindows([`coupon-ip:${client}`], 0))[0]?.count).toBe(20);
    // Another shopper behind the same proxy has an allowance of their own.
    const other = await h.call('POST', '/quote', { lines, codes: [unique('GUESS')] }, { 'x-test-ip': '10.0.0.1', 'x-forwarded-for': '192.0.2.44' });
    expect(other.status).toBe(200);
  }, 60_000);
});

describe.each(storeVariants())('the events limit behind an appending proxy on $name', ({ open }) => {
  const store = useStore(open);

  test('is keyed on the address the proxy saw, not on the first hop', async () => {
    const handler = analyticsHandler(store, { eventsPerMinute: 10 }, () => Date.parse('2030-02-01T00:00:00Z'), { trustProxy: 1 });
    const post = (forwarded: string) =>
      send(handler, 'POST', '/events', {
        body: JSON.stringify({ events: Array.from({ length: 10 }, () => wireEvent('view_item')) }),
        headers: { 'content-type': 'text/plain', 'x-forwarded-for': forwarded },
        ip: '10.0.0.1',
      });
    expect((await post(`${spoofed()}, 198.51.100.1`)).status).toBe(200);
    expect((await post(`${spoofed()}, 198.51.100.1`)).status).toBe(429);
    expect((await post(`${spoofed()}, 198.51.100.2`)).status).toBe(200);
  });
});
