import { connect } from 'node:net';
import { describe, expect, test } from 'vitest';
import { storeVariants, unique, useHarness } from '../../test/harness.js';
import { createCartliftHandler } from '../handler.js';
import { serve } from '../http/node.js';

/** A request body that never ends, and says whether anyone started reading it. */
function endlessBody() {
  const state = { pulled: false, stream: undefined as unknown as ReadableStream<Uint8Array>, fail: () => {} };
  state.stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        state.fail = () => controller.error(new Error('test over'));
      },
      pull() {
        state.pulled = true;
        // Never enqueues: the upload stays open until the test ends it.
        return new Promise(() => {});
      },
    },
    { highWaterMark: 0 },
  ); // 0: nothing is pulled until a reader asks
  return state;
}

const webhookRequest = (api: string, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  new Request(`${api}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-length': String(1024 * 1024), ...headers },
    body,
    duplex: 'half',
  } as RequestInit);

describe('webhook bodies are bounded before they are read', () => {
  const h = useHarness(() => import('../store/open-store.js').then(({ openStore }) => openStore({ kind: 'pglite', memory: true })), {
    limits: { webhookConcurrency: 2 },
  });

  test('a request without Stripe-Signature is refused without reading its body', async () => {
    const body = endlessBody();
    const res = await h.handler(webhookRequest('http://cartlift.test/api/cartlift', body.stream));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('missing_signature');
    expect(body.pulled).toBe(false);
    body.fail();
  });

  test('an unsigned webhook over a real socket is answered before its body is sent', async () => {
    const server = await serve(h.handler, { port: 0 });
    try {
      const reply = await new Promise<string>((resolve, reject) => {
        const socket = connect(server.port, '127.0.0.1');
        let text = '';
        socket.on('data', (chunk) => {
          text += chunk.toString();
          // The head is enough: the reply came while 1 MiB of body is still unsent.
          if (text.includes('\r\n\r\n')) {
            socket.destroy();
            resolve(text);
          }
        });
        socket.on('error', reject);
        socket.write(`POST /api/cartlift/webhooks/stripe HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${1024 * 1024}\r\n\r\n`);
      });
      expect(reply).toMatch(/^HTTP\/1\.1 400 /);
      // The unread body must not be taken for the next request on this connection.
      expect(reply.toLowerCase()).toContain('connection: close');
    } finally {
      await server.close();
    }
  });

  test('past the concurrency bound a signed webhook gets 503 with Retry-After, its body unread', async () => {
    const held = [endlessBody(), endlessBody()];
    const pending = held.map((body) => h.handler(webhookRequest('http://cartlift.test/api/cartlift', body.stream, { 'stripe-signature': 't=1,v1=00' })));
    // Both slots are taken once each body has started to be read.
    await expect.poll(() => held.every((body) => body.pulled)).toBe(true);
    const extra = endlessBody();
    const refused = await h.handler(webhookRequest('http://cartlift.test/api/cartlift', extra.stream, { 'stripe-signature': 't=1,v1=00' }));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect((await refused.json()).error.code).toBe('webhooks_busy');
    expect(extra.pulled).toBe(false);
    extra.fail();
    for (const body of held) body.fail();
    await Promise.all(pending);
    // The slots are free again: the next one is read (and refused for its signature, not for being busy).
    const payload = JSON.stringify({ id: 'evt_after', type: 'customer.created', data: { object: {} } });
    const after = await h.call('POST', '/webhooks/stripe', payload, { 'stripe-signature': 't=1,v1=00' });
    expect(after.body.error.code).toBe('invalid_signature');
  });
});

test('limits.webhookConcurrency must be a positive whole number', () => {
  const options = { currency: 'USD', catalog: [], stripe: { secretKey: 'sk_test_x', publishableKey: 'pk_test_x' } };
  expect(() => createCartliftHandler({ ...options, limits: { webhookConcurrency: 0 } })).toThrow(
    'limits.webhookConcurrency must be a positive whole number (webhook bodies read at once); received 0.',
  );
});

describe.each(storeVariants())('signed webhook events with NUL characters on $name', ({ open }) => {
  const h = useHarness(open);
  const sign = (payload: string) => h.stripe.webhooks.generateTestHeaderString({ payload, secret: h.sandbox.webhookSecret });

  test('a NUL in an identifier is a 400 naming the field, and nothing is stored', async () => {
    const eventId = `evt_${unique('nul')}`;
    const payload = JSON.stringify({
      id: eventId,
      object: 'event',
      type: 'payment_intent.succeeded',
      data: { object: { id: 'pi_\u0000x', object: 'payment_intent', amount: 100, currency: 'usd' } },
    });
    const res = await h.call('POST', '/webhooks/stripe', payload, { 'stripe-signature': sign(payload) });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', field: 'data.object.id' });
    expect(res.body.error.message).toContain('NUL');
    // The event was not claimed: recording it now is its first time.
    expect(await h.store.recordEventOnce(eventId, 'payment_intent.succeeded', Date.now())).toBe(true);
  });

  test('a NUL in an event id or type is refused with 400 too', async () => {
    for (const event of [
      { id: 'evt_\u0000', type: 'customer.created' },
      { id: `evt_${unique('nul')}`, type: 'customer.\u0000created' },
    ]) {
      const payload = JSON.stringify({ ...event, object: 'event', data: { object: {} } });
      const res = await h.call('POST', '/webhooks/stripe', payload, { 'stripe-signature': sign(payload) });
      expect(res.status, payload).toBe(400);
      expect(res.body.error.message).toContain('NUL');
    }
  });

  test('a NUL in the failure message of a real intent is stored replaced, and the event acknowledged', async () => {
    const checkoutId = unique('co');
    const res = await h.checkout(
      { checkoutId, lines: [{ sku: 'CUP-CELADON', quantity: 1 }], contact: { email: `${unique('nul')}@example.com` } },
      { paymentMethod: 'alipay' },
    );
    expect(res.body.status).toBe('requires_action');
    const intent = await h.stripe.paymentIntents.retrieve(res.body.paymentIntentId);
    const payload = JSON.stringify({
      id: `evt_${unique('nul')}`,
      object: 'event',
      type: 'payment_intent.canceled',
      created: Math.floor(Date.now() / 1000),
      data: {
        object: {
          ...intent,
          status: 'canceled',
          last_payment_error: { code: 'card_declined', message: 'Declined\u0000 by the bank', decline_code: 'do\u0000_not_honor' },
        },
      },
    });
    const delivered = await h.call('POST', '/webhooks/stripe', payload, { 'stripe-signature': sign(payload) });
    expect(delivered.status).toBe(200);
    const stored = await h.store.getCheckout(checkoutId);
    expect(stored?.outcome).toMatchObject({
      status: 'failed',
      code: 'card_declined',
      message: 'Declined\uFFFD by the bank',
      declineCode: 'do\uFFFD_not_honor',
    });
  });
});
