import { describe, expect, it } from 'vitest';
import { checkAddInput } from './cart.js';
import { readCartLink } from './cart-link.js';
import { SKU_RULE, isSku } from './sku.js';

describe('the one SKU rule', () => {
  it('takes what real catalogs use: spaces inside, accents, symbols, other scripts', () => {
    for (const sku of ['TEA-LJ-100', 'TEA POT 1', 'Café/Crème #2', '茶杯-青瓷', 'A&B+C', 'x'.repeat(64)]) expect(isSku(sku), sku).toBe(true);
  });

  it('refuses the empty, the over-long, control characters and leading or trailing whitespace', () => {
    for (const sku of ['', 'x'.repeat(65), ' TEA', 'TEA ', 'TEA\n', 'TE\tA', 'A\u001fB', 'A\u0000', '\u00a0TEA', 7, undefined])
      expect(isSku(sku), JSON.stringify(sku)).toBe(false);
  });

  it("is the browser cart's rule, and its refusal says what is allowed", () => {
    expect(checkAddInput({ sku: 'TEA POT 1' })).toEqual({ sku: 'TEA POT 1', quantity: 1 });
    expect(() => checkAddInput({ sku: ' TEA' })).toThrow(`sku must be ${SKU_RULE}; received " TEA".`);
    expect(SKU_RULE).toMatch(/1 to 64 characters/);
  });

  it("is the cart link's rule too (a space arrives decoded from the URL)", () => {
    expect(readCartLink('TEA POT 1:2,CUP::blue:1').lines).toEqual([
      { sku: 'TEA POT 1', quantity: 2 },
      { sku: 'CUP::blue', quantity: 1 },
    ]);
  });
});
