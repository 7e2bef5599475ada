import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStripeSandbox, type StripeSandbox } from './server.js';
import { signatureHeader } from './signature.js';
import { clientFor } from '../test/support.js';

type Received = { headers: IncomingMessage['headers']; body: string };

/** A real HTTP receiver that answers with the statuses queued in `replies` (then 200). */
async function receiver() {
  const received: Received[] = [];
  const replies: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(replies.shift() ?? 200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/cartlift/webhooks/stripe`;
  return { url, received, replies, close: () => new Promise<void>((r) => server.close(() => r())) };
}

let sandbox: StripeSandbox;
let stripe: Stripe;
let hook: Awaited<ReturnType<typeof receiver>>;

beforeAll(async () => {
  hook = await receiver();
  sandbox = await startStripeSandbox({ webhooks: [{ url: hook.url }], webhookRetryDelayMs: 5, webhookAttempts: 3 });
  stripe = clientFor(sandbox);
});
afterEach(async () => {
  await sandbox.webhooksIdle();
  hook.received.length = 0;
  hook.replies.length = 0;
});
afterAll(async () => {
  await sandbox.close();
  await hook.close();
});

describe('webhook delivery', () => {
  it('signs each delivery so stripe.webhooks.constructEvent accepts it', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 2000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true });
    await sandbox.webhooksIdle();
    const types = hook.received.map((r) => JSON.parse(r.body).type);
    expect(types).toEqual(expect.arrayContaining(['payment_intent.created', 'payment_intent.succeeded']));
    for (const delivery of hook.received) {
      const header = delivery.headers['stripe-signature'] as string;
      expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      const event = stripe.webhooks.constructEvent(delivery.body, header, sandbox.webhookSecret);
      expect(event.id).toMatch(/^evt_/);
      expect((event.data.object as Stripe.PaymentIntent).id).toBe(pi.id);
    }
    const succeeded = hook.received.map((r) => JSON.parse(r.body)).find((e) => e.type === 'payment_intent.succeeded');
    expect(succeeded.data.object.status).toBe('succeeded');
    expect(succeeded.pending_webhooks).toBe(1);
  });

  it('is rejected by constructEvent with a wrong secret or a tampered body', async () => {
    await stripe.customers.create({ email: 'sig@example.com' });
    await sandbox.webhooksIdle();
    const [delivery] = hook.received;
    const header = delivery?.headers['stripe-signature'] as string;
    expect(() => stripe.webhooks.constructEvent(delivery?.body ?? '', header, 'whsec_wrong')).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() => stripe.webhooks.constructEvent((delivery?.body ?? '').replace('sig@', 'evil@'), header, sandbox.webhookSecret)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });

  it("matches stripe-node's own test header generator byte for byte", () => {
    const payload = JSON.stringify({ id: 'evt_1', object: 'event' });
    const expected = stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_x', timestamp: 1_700_000_000 });
    expect(signatureHeader(payload, 'whsec_x', 1_700_000_000)).toBe(expected);
  });

  it('retries non-2xx answers, a bounded number of times', async () => {
    hook.replies.push(500, 503);
    const event = await sandbox.emitEvent('payment_intent.succeeded', { id: 'pi_manual', object: 'payment_intent' });
    const attempts = sandbox.deliveries().filter((d) => d.eventId === event.id);
    expect(attempts.map((a) => a.status)).toEqual([500, 503, 200]);
    hook.replies.push(500, 500, 500, 500);
    const doomed = await sandbox.emitEvent('payment_intent.payment_failed', { id: 'pi_manual', object: 'payment_intent' });
    expect(
      sandbox
        .deliveries()
        .filter((d) => d.eventId === doomed.id)
        .map((a) => a.ok),
    ).toEqual([false, false, false]);
    expect(hook.received.filter((r) => JSON.parse(r.body).id === doomed.id)).toHaveLength(3);
  });

  it('retries when the endpoint is unreachable and records the network error', async () => {
    const extra = await receiver();
    await extra.close();
    sandbox.addWebhookEndpoint(extra.url, 'whsec_gone', ['test.unreachable']);
    const event = await sandbox.emitEvent('test.unreachable', {});
    const attempts = sandbox.deliveries().filter((d) => d.eventId === event.id && d.url === extra.url);
    expect(attempts).toHaveLength(3);
    expect(attempts.every((a) => a.status === null && a.error)).toBe(true);
  });

  it('redelivers an event with the same id (for duplicate handling tests)', async () => {
    const customer = await stripe.customers.create({ email: 'again@example.com' });
    await sandbox.webhooksIdle();
    const event = sandbox.events().find((e) => e.type === 'customer.created' && (e.data.object as { id: string }).id === customer.id);
    if (!event) throw new Error('customer.created event missing');
    const attempts = await sandbox.redeliver(event.id);
    expect(attempts).toHaveLength(1);
    const bodies = hook.received.filter((r) => JSON.parse(r.body).id === event.id);
    expect(bodies).toHaveLength(2);
    for (const b of bodies) expect(stripe.webhooks.constructEvent(b.body, b.headers['stripe-signature'] as string, sandbox.webhookSecret).id).toBe(event.id);
    await expect(sandbox.redeliver('evt_missing')).rejects.toThrow(/no event/);
  });

  it('events are retrievable through the API with their snapshot', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 2000, currency: 'usd' });
    await stripe.paymentIntents.cancel(pi.id);
    const list = await stripe.events.list({ type: 'payment_intent.*', limit: 2 });
    expect(list.data.map((e) => e.type)).toEqual(['payment_intent.canceled', 'payment_intent.created']);
    const created = await stripe.events.retrieve(list.data[1]?.id ?? '');
    expect((created.data.object as Stripe.PaymentIntent).status).toBe('requires_payment_method');
  });
});
