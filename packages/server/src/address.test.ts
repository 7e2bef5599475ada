import { describe, expect, test } from 'vitest';
import { storeVariants, unique, useHarness } from '../test/harness.js';

describe.each(storeVariants())('shipping addresses by their country’s rules on $name', ({ open }) => {
  const h = useHarness(open, { rateLimit: { checkoutsPerIp: 1_000_000 } });
  const body = (address: Record<string, string>, contact: Record<string, string> = {}) => ({
    checkoutId: unique('co'),
    lines: [{ sku: 'TEA-LJ-100', quantity: 1 }],
    contact: { email: `${unique('addr')}@example.com`, ...contact },
    shipping: { address },
  });
  const us = { line1: '1 Infinite Loop', city: 'Cupertino', state: 'CA', postal_code: '95014', country: 'US' };

  test('a US address without its ZIP code is refused, naming the field', async () => {
    const { postal_code: _, ...noZip } = us;
    const res = await h.checkout(body(noZip));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', field: 'shipping.address.postal_code' });
    expect(res.body.error.message).toContain('shipping.address.postal_code is required for US addresses');
  });

  test('a US ZIP code that is not one is refused with an example', async () => {
    const res = await h.checkout(body({ ...us, postal_code: 'CA 95014' }));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('shipping.address.postal_code must be a US ZIP code such as "95014"');
  });

  test('a Chinese address needs no postcode but the shopper’s phone', async () => {
    const cn = { line1: '文三路 1 号', line2: '西湖区', city: '杭州市', state: '浙江省', country: 'CN' };
    const noPhone = await h.checkout(body(cn));
    expect(noPhone.status).toBe(400);
    expect(noPhone.body.error).toMatchObject({ field: 'contact.phone' });
    expect(noPhone.body.error.message).toContain('contact.phone is required for CN addresses');
    const paid = await h.checkout(body(cn, { phone: '+86 138 0013 8000' }));
    expect(paid.status).toBe(200);
    const intent = await h.stripe.paymentIntents.retrieve(paid.body.paymentIntentId);
    expect(intent.shipping?.address).toMatchObject(cn);
  });

  test('a GB address needs no state; a UK postcode in lower case is one', async () => {
    const res = await h.checkout(body({ line1: '1 Old Street', city: 'London', postal_code: 'ec1y 8sy', country: 'GB' }));
    expect(res.status).toBe(200);
  });
});
