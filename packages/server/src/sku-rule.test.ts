import { describe, expect, test } from 'vitest';
import { createCatalog } from './catalog.js';
import { CATALOG, storeVariants, useHarness } from '../test/harness.js';

const POT = { sku: 'TEA POT 1', name: 'Tea pot', price: 5000, currency: 'USD' };

describe('the one SKU rule at catalog load', () => {
  test('a catalog SKU with a control character or an outer space fails at start, naming the product, the SKU and what is allowed', () => {
    expect(() => createCatalog([{ ...POT, sku: 'TEA\tPOT' }])).toThrow(
      /^catalog is invalid: \[0\]\.sku must be a SKU of 1 to 64 characters[^;]*control characters[^;]*; received "TEA\\tPOT"\.$/,
    );
    expect(() => createCatalog({ products: [POT, { ...POT, sku: 'POT ' }] })).toThrow(
      /^catalog is invalid: products\[1\]\.sku must be a SKU of 1 to 64 characters.*; received "POT "\.$/,
    );
    expect(() => createCatalog([{ ...POT, addOns: [{ sku: '\u0000', kind: 'gift_wrap', price: 1, name: 'Wrap' }] }])).toThrow(
      /^catalog is invalid: \[0\]\.addOns\[0\]\.sku must be a SKU/,
    );
  });

  test('a product from getProducts with a bad SKU is named with its SKU', async () => {
    const catalog = createCatalog({ getProducts: () => [{ ...POT, sku: 'POT\n' }] });
    await expect(catalog.lookup(['POT\n'])).rejects.toThrow(/^getProducts returned an invalid product for sku "POT\\n": must be a SKU of 1 to 64 characters/);
  });
});

describe.each(storeVariants())('POST /quote under the one SKU rule on $name', ({ open }) => {
  const h = useHarness(open, { catalog: [...CATALOG, POT] });

  test('sells a catalog SKU with a space', async () => {
    const res = await h.call('POST', '/quote', { lines: [{ sku: 'TEA POT 1', quantity: 2 }] });
    expect(res.status).toBe(200);
    expect(res.body.lines).toMatchObject([{ sku: 'TEA POT 1', quantity: 2, unitPrice: 5000 }]);
  });

  test('answers 400 naming lines[0].sku for a SKU the browser cart could never hold', async () => {
    const res = await h.call('POST', '/quote', { lines: [{ sku: 'TEA\u0007', quantity: 1 }] });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', field: 'lines[0].sku' });
    expect(res.body.error.message).toMatch(/^lines\[0\]\.sku must be a SKU of 1 to 64 characters/);
  });
});
