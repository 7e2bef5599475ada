import { describe, expect, it } from 'vitest';
import { FUNNEL_EVENTS, funnelEvent } from '../events.js';
import type { FunnelEventName } from './funnel.js';

const cart = { id: 'cart-1', currency: 'USD' };

describe('the funnel contract', () => {
  it('lists every event FUNNEL_EVENTS names, and no other', () => {
    // Compile-time: a name in the contract missing from FUNNEL_EVENTS fails here.
    const missing: Exclude<FunnelEventName, (typeof FUNNEL_EVENTS)[number]>[] = [];
    expect(missing).toEqual([]);
    expect(new Set(FUNNEL_EVENTS).size).toBe(FUNNEL_EVENTS.length);
  });

  it('checks each writer against its event: a missing or misspelt param fails to compile', () => {
    const purchase = funnelEvent('purchase', cart, [], { transaction_id: 'pi_1', value: 2400 });
    expect(purchase).toMatchObject({ transaction_id: 'pi_1', value: 2400, cart_id: 'cart-1' });
    // @ts-expect-error purchase requires transaction_id
    funnelEvent('purchase', cart, [], { value: 2400 });
    // @ts-expect-error a misspelt param is not a param of begin_checkout
    funnelEvent('begin_checkout', cart, [], { copuon: 'WELCOME10' });
    // @ts-expect-error coupon_denied names its coupon
    funnelEvent('coupon_denied', cart, []);
    // @ts-expect-error view_item adds nothing of its own
    funnelEvent('view_item', cart, [], { transaction_id: 'pi_1' });
  });
});
