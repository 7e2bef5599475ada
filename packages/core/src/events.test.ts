import { describe, expect, it } from 'vitest';
import { funnelEvent } from './events.js';

describe('funnelEvent', () => {
  const cart = { id: 'c1', currency: 'USD' };
  const items = [{ item_id: 'TEA', quantity: 2, price: 2400 }];

  it('values the items at their display prices', () => {
    expect(funnelEvent('add_to_cart', cart, items)).toMatchObject({ cart_id: 'c1', currency: 'USD', value: 4800, items });
  });

  it("lets the caller's value and currency win (a checkout reports what the server charged)", () => {
    expect(funnelEvent('purchase', cart, items, { value: 4299, currency: 'USD', transaction_id: 'pi_1' })).toMatchObject({
      value: 4299,
      transaction_id: 'pi_1',
    });
  });

  it('always mints its own event_id and time', () => {
    const a = funnelEvent('view_item', cart, items, { event_id: 'fixed', time: 1 } as object);
    expect(a.event_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.time).toBeGreaterThan(1);
  });
});
