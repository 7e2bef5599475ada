import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CartliftHandler } from '../handler.js';
import type { Store } from '../store/types.js';
import { storeVariants } from '../../test/harness.js';
import { analyticsHandler, send, wireEvent, type Reply } from '../../test/analytics-harness.js';

// Events shaped like the plugin's with anything in any field, including text PostgreSQL cannot store.
const nasty = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('\u0000', '\ud800', 'a\udfffb', '😀', ''), fc.anything());
const event = fc.oneof(
  fc.anything(),
  fc.record(
    {
      name: fc.oneof(fc.constantFrom('view_item', 'purchase', 'experiment_exposure', 'nope'), nasty),
      event_id: fc.oneof(fc.uuid(), nasty),
      time: fc.oneof(fc.integer(), fc.double(), fc.constant(1e13), nasty),
      cart_id: fc.oneof(fc.string(), nasty),
      currency: fc.oneof(fc.constantFrom('USD', 'JPY', 'usd'), nasty),
      value: fc.oneof(fc.integer({ min: -5, max: 2 ** 53 + 10 }), fc.double(), nasty),
      items: fc.oneof(
        fc.array(fc.record({ item_id: nasty, quantity: fc.oneof(fc.integer(), nasty), price: fc.oneof(fc.integer(), nasty) }, { requiredKeys: [] }), {
          maxLength: 3,
        }),
        nasty,
      ),
      transaction_id: nasty,
      anonymous_id: fc.oneof(fc.uuid(), nasty),
      experiments: fc.oneof(fc.dictionary(fc.string({ unit: 'binary' }), nasty, { maxKeys: 3 }), nasty),
      extra: nasty,
    },
    { requiredKeys: [] },
  ),
);
const body = fc.oneof(fc.anything(), fc.record({ events: fc.oneof(fc.array(event, { maxLength: 6 }), fc.anything()) }));

function expectClientError(res: Reply) {
  expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
  if (res.status >= 400 && res.body?.error) {
    const { message, field } = res.body.error;
    expect(message).toMatch(/\.$/);
    if (field && res.body.error.code === 'invalid_request') expect(message.startsWith(`${field} `), message).toBe(true);
  }
}

describe.each(storeVariants())('fuzzed analytics requests on $name', ({ open }) => {
  let store: Store;
  let handler: CartliftHandler;
  beforeAll(async () => {
    store = await open();
    handler = analyticsHandler(store);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  test('POST /events never answers 5xx, and invalid events are sentences naming their field', async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), fc.boolean(), async (value, raw, good) => {
        let text: string;
        try {
          text = raw
            ? String(value)
            : (JSON.stringify(
                good && value && typeof value === 'object' && 'events' in value && Array.isArray(value.events)
                  ? { events: [...value.events, wireEvent('view_item')] }
                  : value,
              ) ?? 'undefined');
        } catch {
          text = '{}';
        }
        const res = await send(handler, 'POST', '/events', { body: text, headers: { 'content-type': 'text/plain' } });
        expectClientError(res);
        for (const invalid of res.body?.invalid ?? []) expect(invalid.message.startsWith(`${invalid.field} `), invalid.message).toBe(true);
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  test.each(['/funnel', '/funnel/report'])(
    'GET %s never answers 5xx for any query',
    async (path) => {
      const language = fc.oneof(fc.string({ unit: fc.constantFrom(...'zhen-;q=0.9,* ') }), fc.constantFrom('zh-CN,zh;q=0.9', 'en;q=0', 'zh;q=abc'));
      const param = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 30 }),
        fc.constantFrom('2030-01-01', '0', '9999999999999', '2030-01-01T00:00Z', 'variant', 'day', 'zh-CN'),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(fc.constantFrom('from', 'to', 'by', 'experiment', 'locale', 'x'), param, { maxKeys: 5 }),
          language,
          async (params, acceptLanguage) => {
            const res = await send(handler, 'GET', `${path}?${new URLSearchParams(params)}`, {
              ip: '127.0.0.1',
              headers: { 'accept-language': acceptLanguage },
            });
            expectClientError(res);
          },
        ),
        { numRuns: 150 },
      );
    },
    120_000,
  );
});
