import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeSandbox } from './server.js';
import { startSandboxWithClient } from '../test/support.js';

let sandbox: StripeSandbox;
let stripe: Stripe;

beforeAll(async () => ({ sandbox, stripe } = await startSandboxWithClient()));
afterAll(() => sandbox.close());

describe('Customers through the real stripe client', () => {
  it('creates, retrieves, updates (empty string unsets) and deletes', async () => {
    const c = await stripe.customers.create({ email: 'wang@example.cn', name: '王小明', metadata: { tier: 'new' } });
    expect(c).toMatchObject({ object: 'customer', email: 'wang@example.cn', name: '王小明', metadata: { tier: 'new' } });
    const updated = await stripe.customers.update(c.id, { name: '', phone: '+8613800000000', metadata: { tier: '' } });
    expect(updated).toMatchObject({ name: null, phone: '+8613800000000', metadata: {} });
    expect((await stripe.customers.retrieve(c.id)).id).toBe(c.id);
    expect(await stripe.customers.del(c.id)).toMatchObject({ id: c.id, deleted: true });
    await expect(stripe.customers.retrieve(c.id)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('lists by exact email and searches by email or metadata', async () => {
    const a = await stripe.customers.create({ email: 'same@example.com', metadata: { shop: 'x' } });
    const b = await stripe.customers.create({ email: 'same@example.com' });
    await stripe.customers.create({ email: 'other@example.com' });
    const listed = await stripe.customers.list({ email: 'same@example.com' });
    expect(listed.data.map((c) => c.id)).toEqual([b.id, a.id]);
    const searched = await stripe.customers.search({ query: "email:'same@example.com' AND metadata['shop']:'x'" });
    expect(searched.data.map((c) => c.id)).toEqual([a.id]);
    await expect(stripe.customers.search({ query: 'email~"x"' })).rejects.toMatchObject({ param: 'query' });
  });

  it('rejects a PaymentIntent for a customer that does not exist', async () => {
    await expect(stripe.paymentIntents.create({ amount: 1000, currency: 'usd', customer: 'cus_missing' })).rejects.toMatchObject({
      statusCode: 404,
      param: 'customer',
    });
  });
});
