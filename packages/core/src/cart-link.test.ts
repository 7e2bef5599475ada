import { describe, expect, it } from 'vitest';
import { parseCartLink, readCartLink } from './cart-link.js';

describe('parseCartLink', () => {
  it('reads SKU:QTY lists, a missing quantity meaning 1', () => {
    expect(parseCartLink('TEA-LJ-100:2,CUP-CELADON')).toEqual([
      { sku: 'TEA-LJ-100', quantity: 2 },
      { sku: 'CUP-CELADON', quantity: 1 },
    ]);
  });

  it('refuses anything else with a sentence naming link.cart', () => {
    for (const bad of ['', 'TEA:0', 'TEA:1000', 'TEA\u00072', 'A:1,,B:2', Array.from({ length: 101 }, (_, i) => `S${i}`).join(',')]) {
      expect(() => parseCartLink(bad)).toThrow(/^link\.cart must look like "SKU:QTY,SKU:QTY" with quantities from 1 to 999/);
    }
    expect(() => parseCartLink('TEA:50', 10)).toThrow(/from 1 to 10; received "TEA:50"/);
  });
});

describe('readCartLink', () => {
  it('keeps the well-formed parts and lists the others as skipped', () => {
    expect(readCartLink('TEA-LJ-100:2, NOPE\u00071 ,CUP-CELADON:0,POT:1000,,SET')).toEqual({
      lines: [
        { sku: 'TEA-LJ-100', quantity: 2 },
        { sku: 'SET', quantity: 1 },
      ],
      skipped: [
        { part: 'NOPE\u00071', reason: 'invalid' },
        { part: 'CUP-CELADON:0', reason: 'invalid' },
        { part: 'POT:1000', reason: 'invalid' },
        { part: '', reason: 'invalid' },
      ],
    });
  });

  it('judges quantities against the given maximum', () => {
    expect(readCartLink('TEA:50', 10).skipped).toEqual([{ part: 'TEA:50', reason: 'invalid' }]);
  });
});
