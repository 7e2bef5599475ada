import { describe, expect, test } from 'vitest';
import { checkEvent } from './event-schema.js';

const good = {
  name: 'add_to_cart',
  event_id: '6f9619ff-8b86-4d01-b42d-00cf4fc964ff',
  time: 1767225600000,
  cart_id: 'c_1',
  currency: 'USD',
  value: 2400,
  items: [{ item_id: 'TEA-LJ-100', item_name: 'Longjing', price: 2400, quantity: 1 }],
  anonymous_id: '0b6e7c1a-1111-4222-8333-444455556666',
  experiments: { 'checkout-button': 'one-click' },
  seq: 's1',
};

describe('checkEvent', () => {
  test('accepts the documented wire event and keeps its extras', () => {
    const result = checkEvent(good, 0);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.event.seq).toBe('s1');
  });

  test.each([
    ['a non-UUID event_id', { event_id: 'abc' }, 'events[4].event_id', /must be a UUID; received "abc"\.$/],
    ['an unknown name', { name: 'page_view' }, 'events[4].name', /must be one of view_item, .*; received "page_view"\.$/],
    ['a float value', { value: 19.99 }, 'events[4].value', /whole number of minor units/],
    ['a negative price', { items: [{ item_id: 'A', quantity: 1, price: -1 }] }, 'events[4].items[0].price', /received -1\.$/],
    ['a bad currency', { currency: 'usd' }, 'events[4].currency', /ISO 4217/],
    ['a purchase without transaction_id', { name: 'purchase' }, 'events[4].transaction_id', /order id .* received nothing\.$/],
    ['a purchase with an empty transaction_id', { name: 'purchase', transaction_id: '' }, 'events[4].transaction_id', /received ""\.$/],
    ['a non-string variant', { experiments: { k: 3 } }, 'events[4].experiments.k', /variant name/],
    ['a NUL character', { cart_id: 'a\u0000b' }, 'events[4].cart_id', /NUL/],
    ['a lone surrogate in an extra', { note: '\ud800' }, 'events[4].note', /surrogates/],
  ])('refuses %s, naming the field', (_name, patch, field, message) => {
    const result = checkEvent({ ...good, ...patch }, 4);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.invalid.field).toBe(field);
      expect(result.invalid.message.startsWith(`${field} `)).toBe(true);
      expect(result.invalid.message).toMatch(message);
      expect(result.invalid.event_id).toBe((patch as { event_id?: string }).event_id ?? good.event_id);
    }
  });

  const filtered = { ...good, name: 'review_filter_applied', value: 0, items: [], product: 'TEA-LJ-100', filter: 'rating', filter_value: '1', total: 12 };

  test('accepts review_filter_applied with its params, and clear with an empty filter_value', () => {
    expect(checkEvent(filtered, 0).ok).toBe(true);
    expect(checkEvent({ ...filtered, filter: 'clear', filter_value: '', total: 40 }, 0).ok).toBe(true);
  });

  test.each([
    ['no product', { product: undefined }, 'events[2].product', /must be a product SKU of 1 to 200 characters; received nothing\.$/],
    [
      'an unknown filter',
      { filter: 'colour' },
      'events[2].filter',
      /must be one of rating, media, verified, variant, attr, topic, q, sort, clear; received "colour"\.$/,
    ],
    ['a numeric filter_value', { filter_value: 1 }, 'events[2].filter_value', /must be a string .*; received 1\.$/],
    ['a negative total', { total: -1 }, 'events[2].total', /whole number of matching reviews, 0 or more; received -1\.$/],
    ['the chosen value in value (money)', { value: '1' }, 'events[2].value', /whole number of minor units/],
  ])('refuses review_filter_applied with %s, naming the property', (_name, patch, field, message) => {
    const result = checkEvent({ ...filtered, ...patch }, 2);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.invalid.field).toBe(field);
      expect(result.invalid.message).toMatch(message);
    }
  });

  const launched = { ...good, name: 'ar_launched', sku: 'POT-YIXING', mode: 'quick_look' };

  test('accepts ar_launched in each mode, and add_to_cart from AR', () => {
    for (const mode of ['quick_look', 'scene_viewer', 'qr']) expect(checkEvent({ ...launched, mode }, 0).ok).toBe(true);
    expect(checkEvent({ ...good, name: 'add_to_cart', source: 'ar' }, 0).ok).toBe(true);
    expect(checkEvent({ ...good, name: 'add_to_cart' }, 0).ok).toBe(true);
  });

  test.each([
    ['ar_launched without a sku', { ...launched, sku: undefined }, 'events[1].sku', /must be a product SKU of 1 to 200 characters; received nothing\.$/],
    ['ar_launched with an unknown mode', { ...launched, mode: 'webxr' }, 'events[1].mode', /must be one of quick_look, scene_viewer, qr; received "webxr"\.$/],
    [
      'add_to_cart from an unknown source',
      { ...good, name: 'add_to_cart', source: 'vr' },
      'events[1].source',
      /must be one of ar when present; received "vr"\.$/,
    ],
  ])('refuses %s, naming the property', (_name, event, field, message) => {
    const result = checkEvent(event, 1);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.invalid.field).toBe(field);
      expect(result.invalid.message).toMatch(message);
    }
  });

  test('refuses deep nesting without recursing', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const result = checkEvent({ ...good, deep }, 0);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.invalid.message).toMatch(/nested at most 16 levels/);
  });

  test('a non-object event is reported with a null event_id', () => {
    const result = checkEvent('nope', 1);
    expect(result).toMatchObject({ ok: false, invalid: { event_id: null, field: 'events[1]', code: 'invalid_event' } });
  });
});
