import { describe, expect, test } from 'vitest';
import { signCartLink, verifyCartLink } from './cart-links.js';
import { createCatalog } from './catalog.js';
import { CATALOG, storeVariants, useHarness } from '../test/harness.js';

describe('cart links', () => {
  test('a malformed link is refused naming link.cart', async () => {
    await expect(verifyCartLink({ cart: 'TEA:0' }, {}, 999)).rejects.toThrow(/^link\.cart must look like/);
  });

  test('signatures cover cart and coupon; a changed link or a missing signature is refused when required', async () => {
    const secret = 'campaign-secret';
    const sig = await signCartLink('TEA-LJ-100:2', 'WELCOME10', secret);
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    await expect(verifyCartLink({ cart: 'TEA-LJ-100:2', coupon: 'WELCOME10', sig }, { secret, required: true }, 999)).resolves.toEqual({
      lines: [{ sku: 'TEA-LJ-100', quantity: 2 }],
      codes: ['WELCOME10'],
      skipped: [],
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

describe.each(storeVariants())('POST /quote with an imperfect cart link on $name', ({ open }) => {
  const secret = 'imperfect-secret';
  const catalog = CATALOG.map((product) => (product.sku === 'TEA-LJ-100' ? { ...product, image: '/img/tea.svg' } : product));
  const h = useHarness(open, { catalog, cartLinks: { secret }, limits: { maxLines: 2 } });
  const quote = (link: Record<string, string>) => h.call('POST', '/quote', { link });

  test('adds what the shop sells and lists an unknown sku and a bad quantity as skipped, with sentences naming link.cart', async () => {
    const res = await quote({ cart: 'TEA-LJ-100:2,NOPE-1:1,CUP-CELADON:0' });
    expect(res.status).toBe(200);
    expect(res.body.lines).toMatchObject([{ sku: 'TEA-LJ-100', quantity: 2, unitPrice: 2400 }]);
    expect(res.body.skipped).toEqual([
      {
        part: 'CUP-CELADON:0',
        reason: 'invalid',
        message: 'link.cart part "CUP-CELADON:0" must look like "SKU:QTY" with a quantity this shop sells; it was skipped.',
      },
      { part: 'NOPE-1:1', reason: 'unknown_sku', message: 'link.cart part "NOPE-1:1" names no product this shop sells; it was skipped.' },
    ]);
  });

  test('keeps at most limits.maxLines lines and says which were beyond it', async () => {
    const res = await quote({ cart: 'TEA-LJ-100:1,CUP-CELADON:1,TEA-LJ-100:1,POT-YIXING:1' });
    expect(res.status).toBe(200);
    expect(res.body.lines.map((l: { sku: string }) => l.sku)).toEqual(['TEA-LJ-100', 'CUP-CELADON', 'TEA-LJ-100']);
    expect(res.body.skipped).toMatchObject([{ part: 'POT-YIXING:1', reason: 'too_many_lines' }]);
    expect(res.body.skipped[0].message).toMatch(/beyond the 2 lines a cart may hold/);
  });

  test('serves the catalog image with each line, as it serves the name', async () => {
    const res = await quote({ cart: 'TEA-LJ-100:1,CUP-CELADON:1' });
    expect(res.body.lines.map((l: { image?: string }) => l.image)).toEqual(['/img/tea.svg', undefined]);
  });

  test('an add-on offered by a product of the link is sold; without it, skipped', async () => {
    expect((await quote({ cart: 'POT-YIXING:1,ADDON-WARRANTY-1Y:1' })).body.skipped).toEqual([]);
    const alone = await quote({ cart: 'TEA-LJ-100:1,ADDON-WARRANTY-1Y:1' });
    expect(alone.body.skipped).toMatchObject([{ part: 'ADDON-WARRANTY-1Y:1', reason: 'unknown_sku' }]);
  });

  test('a link with nothing this shop sells is refused naming link.cart', async () => {
    for (const cart of ['NOPE:1', 'TEA;2']) {
      const res = await quote({ cart });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_cart_link', field: 'link.cart' });
    }
  });

  test('a signed link with an unknown sku still adds the rest; changing it is still refused', async () => {
    const sig = await signCartLink('TEA-LJ-100:2,NOPE:1', undefined, secret);
    const ok = await quote({ cart: 'TEA-LJ-100:2,NOPE:1', sig });
    expect(ok.status).toBe(200);
    expect(ok.body.skipped).toMatchObject([{ reason: 'unknown_sku' }]);
    const tampered = await quote({ cart: 'TEA-LJ-100:9,NOPE:1', sig });
    expect(tampered.status).toBe(400);
    expect(tampered.body.error).toMatchObject({ code: 'invalid_cart_link', field: 'link.sig' });
  });

  test('a body with neither lines nor a link is refused naming lines', async () => {
    const res = await h.call('POST', '/quote', { codes: ['WELCOME10'] });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('lines');
    expect(res.body.error.message).toMatch(
      /^lines must be an array of \{sku, quantity\} lines \(only a body with a cart link may leave them out\); received nothing\.$/,
    );
  });
});

describe('catalog images', () => {
  test.each(['/img/tea.svg', 'https://cdn.example/tea.jpg', 'http://127.0.0.1:8080/tea.png'])('accepts %s', (image) => {
    expect(() => createCatalog([{ ...CATALOG[0]!, image }])).not.toThrow();
  });
  test.each(['javascript:alert(1)', '//evil.example/x.png', 'tea.svg', 'data:image/svg+xml,<svg/>'])('refuses %s naming the product and field', (image) => {
    expect(() => createCatalog([{ ...CATALOG[0]!, image } as never])).toThrow(
      /^catalog is invalid: \[0\]\.image must be an image URL such as "https:\/\/shop\.example\/img\/tea\.jpg" or a path from the site root/,
    );
  });
});
