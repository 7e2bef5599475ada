import { describe, expect, test } from 'vitest';
import { signCartLink, verifyCartLink } from './cart-links';
import { storeVariants, useHarness } from './test-support';

describe('cart links', () => {
  test('a malformed link is refused naming link.cart', async () => {
    await expect(verifyCartLink({ cart: 'TEA;2' }, {}, 999)).rejects.toThrow(/^link\.cart must look like/);
  });

  test('signatures cover cart and coupon; a changed link or a missing signature is refused when required', async () => {
    const secret = 'campaign-secret';
    const sig = await signCartLink('TEA-LJ-100:2', 'WELCOME10', secret);
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    await expect(verifyCartLink({ cart: 'TEA-LJ-100:2', coupon: 'WELCOME10', sig }, { secret, required: true }, 999)).resolves.toEqual({
      lines: [{ sku: 'TEA-LJ-100', quantity: 2 }],
      codes: ['WELCOME10'],
    });
    await expect(verifyCartLink({ cart: 'TEA-LJ-100:20', coupon: 'WELCOME10', sig }, { secret }, 999)).rejects.toThrow(/^link\.sig must be the HMAC-SHA256/);
    await expect(verifyCartLink({ cart: 'TEA-LJ-100:2', coupon: 'OTHER', sig }, { secret }, 999)).rejects.toThrow(/link was changed/);
    await expect(verifyCartLink({ cart: 'TEA-LJ-100:2' }, { secret, required: true }, 999)).rejects.toThrow(/^link\.sig must be/);
    await expect(verifyCartLink({ cart: 'TEA-LJ-100:2' }, {}, 999)).resolves.toMatchObject({ codes: [] });
  });
});

describe.each(storeVariants().slice(0, 1))('POST /quote with a cart link on $name', ({ open }) => {
  const secret = 'links-secret';
  const h = useHarness(open, { cartLinks: { secret, required: true } });

  test('prices the link itself, not the lines sent beside it, and names the products', async () => {
    const sig = await signCartLink('TEA-LJ-100:2', undefined, secret);
    const res = await h.call('POST', '/quote', { lines: [{ sku: 'POT-YIXING', quantity: 9 }], link: { cart: 'TEA-LJ-100:2', sig } });
    expect(res.status).toBe(200);
    expect(res.body.lines).toMatchObject([{ sku: 'TEA-LJ-100', quantity: 2, unitPrice: 2400 }]);
    expect(res.body.lines[0].name).toBeTruthy();
  });

  test('answers 400 naming link.sig for an unsigned or tampered link', async () => {
    const res = await h.call('POST', '/quote', { lines: [{ sku: 'TEA-LJ-100', quantity: 2 }], link: { cart: 'TEA-LJ-100:2' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_cart_link', field: 'link.sig' });
  });
});
