import { funnelEvent } from '@cartlift/core';
import { describe, expect, it } from 'vitest';
import { validateEvent } from './schema.js';

const cart = { id: 'cart-1', currency: 'USD' };

describe('validateEvent on review_filter_applied', () => {
  it('finds nothing wrong with the event the reviews widget sends', () => {
    const event = funnelEvent('review_filter_applied', cart, [], { product: 'TEA', filter: 'topic', filter_value: '回甘', total: 7 });
    expect(validateEvent('review_filter_applied', event)).toEqual([]);
  });

  it('names each wrong property, with what it expected and what it received', () => {
    const event = { ...funnelEvent('view_item', cart, []), product: '', filter: 'colour', filter_value: 3, total: 1.5 };
    expect(validateEvent('review_filter_applied', event)).toEqual([
      'review_filter_applied.product must be a non-empty string (the SKU); received "".',
      'review_filter_applied.filter must be one of rating, media, verified, variant, attr, topic, q, sort, clear; received "colour".',
      'review_filter_applied.filter_value must be a string ("" for clear); received 3.',
      'review_filter_applied.total must be a whole number of matching reviews; received 1.5.',
    ]);
  });
});

describe('validateEvent on ar_launched and add_to_cart', () => {
  it("accepts the contract's params and names a wrong one", () => {
    const launched = funnelEvent('ar_launched', cart, [{ item_id: 'POT', quantity: 1 }], { sku: 'POT', mode: 'scene_viewer' });
    expect(validateEvent('ar_launched', launched)).toEqual([]);
    expect(validateEvent('ar_launched', { ...launched, mode: 'webxr' })).toEqual([
      'ar_launched.mode must be one of quick_look, scene_viewer, qr; received "webxr".',
    ]);
    const added = funnelEvent('add_to_cart', cart, [{ item_id: 'POT', quantity: 1 }], { source: 'ar' });
    expect(validateEvent('add_to_cart', added)).toEqual([]);
    expect(validateEvent('add_to_cart', { ...added, source: 'vr' })).toEqual(['add_to_cart.source must be absent or one of ar; received "vr".']);
  });
});
