import { describe, expect, it } from 'vitest';
import { decodeIdentity, decodeQueue, decodeStash, encodeIdentity, encodeQueue, encodeStash } from './stored-format.js';
import type { WireEvent } from './wire.js';

// Records exactly as the plugin stored them before this module existed (captured from a
// running plugin: a pending-consent page with one exposure and one add_to_cart, ids made readable).
const exposure = {
  cart_id: 'c0000000-0000-4000-8000-000000000001',
  currency: 'USD',
  value: 0,
  experiment: 'checkout-button',
  variant: 'control',
  event_id: 'e0000000-0000-4000-8000-000000000001',
  time: 1796119635365,
  items: [],
  name: 'experiment_exposure',
  anonymous_id: 'a0000000-0000-4000-8000-000000000001',
  experiments: { 'checkout-button': 'control' },
} as unknown as WireEvent;
const addToCart = {
  cart_id: 'c0000000-0000-4000-8000-000000000001',
  currency: 'USD',
  value: 2400,
  event_id: 'e0000000-0000-4000-8000-000000000002',
  time: 1796119635365,
  items: [{ item_id: 'TEA', quantity: 1, price: 2400 }],
  name: 'add_to_cart',
  anonymous_id: 'a0000000-0000-4000-8000-000000000001',
  experiments: { 'checkout-button': 'control' },
} as unknown as WireEvent;
const page = 'b0000000-0000-4000-8000-000000000001';
const storedToday = {
  q: [
    { o: page, t: 1796119635365, e: exposure },
    { o: page, t: 1796119635366, e: addToCart },
  ],
  g: ['e0000000-0000-4000-8000-000000000000'],
};

describe('stored format', () => {
  it("decodes a queue in today's stored shape, and encodes it back to exactly that shape (older tabs read it)", () => {
    const record = decodeQueue(JSON.parse(JSON.stringify(storedToday)));
    expect(record).toEqual([
      [
        [page, 1796119635365, exposure],
        [page, 1796119635366, addToCart],
      ],
      ['e0000000-0000-4000-8000-000000000000'],
    ]);
    expect(encodeQueue(record)).toEqual(storedToday);
  });

  it('decodes the bare array the first versions stored, and nothing as an empty queue', () => {
    expect(decodeQueue([{ o: page, t: 5, e: addToCart }])).toEqual([[[page, 5, addToCart]], []]);
    expect(decodeQueue(undefined)).toEqual([[], []]);
  });

  it("decodes today's unload stash and encodes it back", () => {
    const storedStash = [
      { k: 'q:collector', e: addToCart },
      { k: 'q:page', e: addToCart },
    ];
    const stashed = decodeStash(JSON.parse(JSON.stringify(storedStash)));
    expect(stashed).toEqual([
      ['q:collector', addToCart],
      ['q:page', addToCart],
    ]);
    expect(encodeStash(stashed)).toEqual(storedStash);
  });

  it("decodes today's stored identity, encodes it back, and refuses what is not one", () => {
    const storedIdentity = { id: 'a0000000-0000-4000-8000-000000000001', x: { 'checkout-button': 'control' } };
    const identity = decodeIdentity(JSON.parse(JSON.stringify(storedIdentity)));
    expect(identity).toEqual({ id: storedIdentity.id, exposures: { 'checkout-button': 'control' } });
    expect(encodeIdentity(identity!)).toEqual(storedIdentity);
    for (const junk of [null, undefined, {}, { id: 'a' }, { x: {} }, 'text']) expect(decodeIdentity(junk)).toBeUndefined();
  });
});
