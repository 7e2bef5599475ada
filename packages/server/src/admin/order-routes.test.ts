import { describe, expect, test } from 'vitest';
import { storeVariants, unique, useHarness } from '../../test/harness.js';
import { addAdminUser } from './users.js';

const PASSWORD = 'tea-and-celadon-cups';

describe.each(storeVariants())("the console's orders on $name", ({ open }) => {
  const h = useHarness(open);

  async function viewer() {
    const email = `${unique('viewer')}@example.com`;
    await addAdminUser(h.store, { email, role: 'viewer', password: PASSWORD, now: Date.now() });
    const res = await h.call('POST', '/admin/api/login', { email, password: PASSWORD }, { 'x-test-ip': unique('ip') });
    const token = /cartlift_admin=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
    return (path: string) => h.call('GET', path, undefined, { cookie: `cartlift_admin=${token}` });
  }

  test('lists recent paid orders, newest first, with their promotions and without the shopper', async () => {
    const email = `${unique('shopper')}@example.com`;
    const paid = await h.checkout({ checkoutId: unique('co'), lines: [{ sku: 'TEA-LJ-100', quantity: 1 }], codes: ['WELCOME10'], contact: { email } });
    expect(paid.body.status).toBe('succeeded');
    const read = await viewer();
    const res = await read('/admin/api/orders?limit=5');
    expect(res.status).toBe(200);
    expect(res.body.orders[0]).toMatchObject({
      transactionId: paid.body.paymentIntentId,
      amount: paid.body.amount,
      promotions: expect.arrayContaining(['welcome10']),
    });
    expect(JSON.stringify(res.body)).not.toContain(email);
    expect((await read('/admin/api/payment-flags')).body).toEqual({ flags: expect.any(Array) });
  });

  test('bounds what it lists, and answers nobody without a session', async () => {
    const read = await viewer();
    const tooMany = await read('/admin/api/orders?limit=1000');
    expect([tooMany.status, tooMany.body.error.field]).toEqual([400, 'limit']);
    expect((await h.call('GET', '/admin/api/orders')).status).toBe(401);
  });
});
