import { describe, expect, test } from 'vitest';
import { analyticsHandler, postEvents, send, wireEvent } from '../../test/analytics-harness.js';
import { storeVariants, useStore } from '../../test/harness.js';
import { parseAllowedOrigins } from './cross-origin.js';

const SHOP = 'https://shop.example';
const OTHER = 'https://other.example';
const quoteBody = JSON.stringify({ lines: [{ sku: 'TEA-LJ-100', quantity: 1 }] });
const json = { 'content-type': 'application/json' };

describe('the shopper API across origins', () => {
  const store = useStore(storeVariants()[0]!.open);
  const handler = () => analyticsHandler(store, {}, undefined, { allowedOrigins: [SHOP] });

  test('every shopper route answers a listed origin with its CORS headers, errors included', async () => {
    const h = handler();
    const config = await send(h, 'GET', '/config', { headers: { origin: SHOP } });
    const quote = await send(h, 'POST', '/quote', { body: quoteBody, headers: { ...json, origin: SHOP } });
    const checkout = await send(h, 'POST', '/checkout', { body: '{}', headers: { ...json, origin: SHOP } });
    const complete = await send(h, 'POST', '/checkout/complete', { body: '{}', headers: { ...json, origin: SHOP } });
    const events = await postEvents(h, [wireEvent('view_item')], { 'content-type': 'text/plain', origin: SHOP });
    expect([config.status, quote.status, checkout.status, complete.status, events.status]).toEqual([200, 200, 400, 400, 200]);
    for (const reply of [config, quote, checkout, complete, events]) {
      expect(reply.headers.get('access-control-allow-origin')).toBe(SHOP);
      expect(reply.headers.get('vary')).toMatch(/\bOrigin\b/);
      // A 429 or 503 names its wait in Retry-After, which a page on another origin may only read when exposed.
      expect(reply.headers.get('access-control-expose-headers')).toBe('Retry-After');
      expect(reply.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  test('preflights name exactly the methods and headers each route uses', async () => {
    const h = handler();
    const preflight = (path: string, method: string) =>
      send(h, 'OPTIONS', path, { headers: { origin: SHOP, 'access-control-request-method': method, 'access-control-request-headers': 'content-type' } });
    const quote = await preflight('/quote', 'POST');
    expect(quote.status).toBe(204);
    expect(quote.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(quote.headers.get('access-control-allow-methods')).toBe('POST');
    expect(quote.headers.get('access-control-allow-headers')).toBe('content-type');
    expect(quote.headers.get('access-control-max-age')).toBe('7200');
    expect(quote.headers.get('vary')).toMatch(/\bOrigin\b/);
    expect((await preflight('/checkout', 'POST')).headers.get('access-control-allow-methods')).toBe('POST');
    expect((await preflight('/checkout/complete', 'POST')).headers.get('access-control-allow-methods')).toBe('POST');
    expect((await preflight('/events', 'POST')).headers.get('access-control-allow-methods')).toBe('POST');
    const config = await preflight('/config', 'GET');
    expect(config.headers.get('access-control-allow-methods')).toBe('GET');
    expect(config.headers.get('access-control-allow-headers')).toBeNull();
  });

  test('an origin not listed gets a 403 naming it and the option to set, readable by its page, and nothing runs', async () => {
    const h = handler();
    const quote = await send(h, 'POST', '/quote', { body: quoteBody, headers: { ...json, origin: OTHER } });
    expect(quote.status).toBe(403);
    expect(quote.body.error).toEqual({
      code: 'origin_not_allowed',
      field: 'origin',
      message: `Requests from pages on "${OTHER}" are refused by this Cartlift server: add "${OTHER}" to its allowedOrigins option (the config file or createCartliftHandler) to let that shop use it.`,
    });
    // The refusal is all that page can read: enough for the SDK to log which option to set.
    expect(quote.headers.get('access-control-allow-origin')).toBe(OTHER);
    const before = await store.countAnalyticsEvents();
    expect((await postEvents(h, [wireEvent('view_item')], { 'content-type': 'text/plain', origin: OTHER })).status).toBe(403);
    expect(await store.countAnalyticsEvents()).toBe(before);
    const preflight = await send(h, 'OPTIONS', '/quote', { headers: { origin: OTHER, 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('same-origin and origin-less requests need no configuration', async () => {
    const closed = analyticsHandler(store);
    const sameHost = await send(closed, 'POST', '/quote', { body: quoteBody, headers: { ...json, origin: 'https://shop.test' } });
    expect(sameHost.status).toBe(200);
    expect(sameHost.headers.get('access-control-allow-origin')).toBeNull();
    expect(sameHost.headers.get('vary')).toMatch(/\bOrigin\b/);
    expect((await send(closed, 'GET', '/config')).status).toBe(200);
    expect((await send(closed, 'GET', '/config', { headers: { origin: OTHER } })).status).toBe(403);
  });

  test('"*" opens the shopper API to any origin', async () => {
    const open = analyticsHandler(store, {}, undefined, { allowedOrigins: '*' });
    const reply = await send(open, 'GET', '/config', { headers: { origin: OTHER } });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('access-control-allow-origin')).toBe(OTHER);
  });

  test('the older analytics.allowedOrigins still opens /events, and only /events', async () => {
    const legacy = analyticsHandler(store, { allowedOrigins: [OTHER] });
    expect((await postEvents(legacy, [wireEvent('view_item')], { 'content-type': 'text/plain', origin: OTHER })).status).toBe(200);
    expect((await send(legacy, 'GET', '/config', { headers: { origin: OTHER } })).status).toBe(403);
  });

  test('the console never answers another origin, listed or not', async () => {
    const open = analyticsHandler(store, {}, undefined, { allowedOrigins: '*' });
    const login = await send(open, 'POST', '/admin/api/login', { body: '{}', headers: { ...json, origin: SHOP } });
    expect(login.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await send(open, 'OPTIONS', '/admin/api/login', { headers: { origin: SHOP, 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(405);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});

test('allowedOrigins is checked when the handler is made, with a sentence naming the option', () => {
  expect(() => parseAllowedOrigins(['https://shop.example/'])).toThrow(
    'allowedOrigins must be "*" or a list of origins such as "https://shop.example" (scheme, host, optional port, no path or slash); received "https://shop.example/".',
  );
  expect(() => parseAllowedOrigins(['shop.example'], 'analytics.allowedOrigins')).toThrow(/^analytics\.allowedOrigins must be/);
  expect(parseAllowedOrigins(undefined)).toEqual(new Set());
});
