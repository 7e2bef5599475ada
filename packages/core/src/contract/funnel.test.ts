import { describe, expect, it } from 'vitest';
import { FUNNEL_EVENTS, REVIEW_FILTER_NAMES } from '../event-names.js';
import { funnelEvent } from '../events.js';
import type { FunnelEventName, ReviewFilterName } from './funnel.js';

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
    const filtered = funnelEvent('review_filter_applied', cart, [], { product: 'TEA', filter: 'rating', filter_value: '1', total: 3 });
    expect(filtered).toMatchObject({ product: 'TEA', filter: 'rating', filter_value: '1', total: 3, value: 0 });
    // @ts-expect-error a review filter is one of the widget's, not any string
    funnelEvent('review_filter_applied', cart, [], { product: 'TEA', filter: 'colour', filter_value: 'red', total: 3 });
  });

  it('lists every review filter name at run time, and no other', () => {
    // Compile-time: a name in ReviewFilterName missing from REVIEW_FILTER_NAMES fails here.
    const missing: Exclude<ReviewFilterName, (typeof REVIEW_FILTER_NAMES)[number]>[] = [];
    expect(missing).toEqual([]);
    expect(new Set(REVIEW_FILTER_NAMES).size).toBe(REVIEW_FILTER_NAMES.length);
  });
});
