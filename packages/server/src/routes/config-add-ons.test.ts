import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AddOnOffers, createCatalog } from '../catalog.js';
import { CATALOG, openHarness, storeVariants, type Harness } from '../../test/harness.js';

const WARRANTY = CATALOG[2]!.addOns!;
const GIFT_WRAP = [{ sku: 'ADDON-GIFT-WRAP', kind: 'gift_wrap', price: 300, name: { en: 'Gift wrap', 'zh-CN': '礼品包装' } }];

describe.each(storeVariants())('GET /config with a getProducts catalog on $name', ({ open }) => {
  let h: Harness;
  let now = Date.now();
  let offers: unknown = { 'POT-YIXING': WARRANTY };
  let calls = 0;
  const logged: string[] = [];
  beforeAll(async () => {
    h = await openHarness(open, {
      now: () => now,
      catalog: {
        getProducts: (skus) => CATALOG.filter((product) => skus.includes(product.sku)),
        listAddOns: async () => {
          calls += 1;
          return offers as AddOnOffers;
        },
      },
      logger: { error: (message, detail) => logged.push(`${message} ${detail instanceof Error ? detail.message : ''}`) },
    });
  }, 60_000);
  afterAll(() => h?.close());

  test('lists the add-on offers listAddOns gives, asks again after a minute, and sells them', async () => {
    const first = await h.call('GET', '/config');
    expect(first.status).toBe(200);
    expect(first.body.addOns).toEqual({ 'POT-YIXING': WARRANTY });
    const etag = first.headers.get('etag')!;
    expect((await h.call('GET', '/config', undefined, { 'if-none-match': etag })).status).toBe(304);
    expect(calls).toBe(1);

    offers = { 'POT-YIXING': WARRANTY, 'CUP-CELADON': GIFT_WRAP };
    expect((await h.call('GET', '/config')).body.addOns).toEqual({ 'POT-YIXING': WARRANTY });
    now += 61_000;
    const later = await h.call('GET', '/config');
    expect(later.body.addOns).toEqual({ 'POT-YIXING': WARRANTY, 'CUP-CELADON': GIFT_WRAP });
    expect(later.headers.get('etag')).not.toBe(etag);
    expect(calls).toBe(2);

    const quote = await h.call('POST', '/quote', {
      lines: [
        { sku: 'POT-YIXING', quantity: 1 },
        { sku: 'ADDON-WARRANTY-1Y', quantity: 1 },
      ],
    });
    expect(quote.status).toBe(200);
    expect(quote.body.subtotal).toBe(8900 + 900);
  });

  test('a bad listAddOns answer is logged and /config still works, without add-ons, asking again next time', async () => {
    offers = { 'POT-YIXING': [{ sku: 'ADDON-X', kind: 'warranty', price: 9.5, name: 'X' }] };
    now += 61_000;
    logged.length = 0;
    const res = await h.call('GET', '/config');
    expect(res.status).toBe(200);
    expect(res.body.addOns).toEqual({});
    expect(res.body.currency).toBe('USD');
    expect(logged[0]).toContain('listAddOns must return add-on offers by product sku');
    expect(logged[0]).toContain('at result["POT-YIXING"][0]["price"]: must be a whole number of minor units');
    offers = { 'CUP-CELADON': GIFT_WRAP };
    expect((await h.call('GET', '/config')).body.addOns).toEqual({ 'CUP-CELADON': GIFT_WRAP });
  });
});

test('without listAddOns a callback catalog has no add-on offers to list; a listAddOns that is no function is refused', () => {
  const plain = createCatalog({ getProducts: () => [] });
  expect(plain.all()).toBeNull();
  expect(plain.addOnOffers).toBeUndefined();
  expect(() => createCatalog({ getProducts: () => [], listAddOns: [] as never })).toThrow(
    'catalog.listAddOns must be a function returning add-on offers by product sku; received object.',
  );
});
