import { describe, expect, it } from 'vitest';
import { ga4Params } from './ga4.js';
import { segmentMessage, segmentProperties } from './segment.js';
import type { WireEvent } from './wire.js';

// The checkout's events as @cartlift/checkout emits them, with the extras GA4 and Segment document.
const event = (name: WireEvent['name'], extra: Record<string, unknown> = {}): WireEvent => ({
  name,
  event_id: '6f9619ff-8b86-4d01-b42d-00cf4fc964ff',
  time: Date.parse('2030-01-01T00:00:00Z'),
  cart_id: 'c_1',
  currency: 'USD',
  value: 4800,
  items: [{ item_id: 'TEA', item_name: 'Longjing', price: 2400, quantity: 2 }],
  anonymous_id: '0b6e0000-0000-4000-8000-000000000000',
  ...extra,
});

describe('GA4 params', () => {
  it('pass coupon, shipping_tier and payment_type through when the event has them', () => {
    expect(ga4Params(event('begin_checkout', { coupon: 'WELCOME10' }))).toMatchObject({ currency: 'USD', value: 48, coupon: 'WELCOME10' });
    expect(ga4Params(event('add_shipping_info', { coupon: 'WELCOME10', shipping_tier: 'express' }))).toMatchObject({
      value: 48,
      coupon: 'WELCOME10',
      shipping_tier: 'express',
    });
    expect(ga4Params(event('add_payment_info', { payment_type: 'alipay' }))).toMatchObject({ value: 48, payment_type: 'alipay' });
    expect(ga4Params(event('purchase', { transaction_id: 'pi_1', coupon: 'WELCOME10' }))).toMatchObject({
      transaction_id: 'pi_1',
      coupon: 'WELCOME10',
      items: [{ item_id: 'TEA', price: 24, quantity: 2 }],
    });
  });

  it('leave them out when the event has none', () => {
    const params = ga4Params(event('add_payment_info'));
    for (const key of ['coupon', 'shipping_tier', 'payment_type']) expect(params).not.toHaveProperty(key);
  });
});

describe('Segment properties', () => {
  it('carry coupon on Checkout Started and Order Completed, shipping and payment method on the checkout steps', () => {
    expect(segmentMessage(event('begin_checkout', { coupon: 'WELCOME10' }))).toMatchObject({
      event: 'Checkout Started',
      properties: { coupon: 'WELCOME10', value: 48, products: [{ product_id: 'TEA', price: 24 }] },
    });
    expect(segmentMessage(event('purchase', { transaction_id: 'pi_1', coupon: 'WELCOME10' }))).toMatchObject({
      event: 'Order Completed',
      properties: { order_id: 'pi_1', total: 48, revenue: 48, coupon: 'WELCOME10', coupon_id: 'WELCOME10' },
    });
    expect(segmentMessage(event('add_shipping_info', { shipping_tier: 'express' }))).toMatchObject({
      event: 'Checkout Step Completed',
      properties: { step: 1, shipping_method: 'express' },
    });
    expect(segmentMessage(event('add_payment_info', { payment_type: 'wechat_pay' }))).toMatchObject({
      event: 'Payment Info Entered',
      properties: { step: 2, payment_method: 'wechat_pay' },
    });
  });

  it('leave them out when the event has none', () => {
    const props = segmentProperties(event('add_payment_info'));
    for (const key of ['coupon', 'payment_method', 'shipping_method']) expect(props).not.toHaveProperty(key);
  });
});

describe('review_filter_applied', () => {
  const filtered = event('review_filter_applied', { value: 0, items: [], product: 'TEA', filter: 'rating', filter_value: '1', total: 3 });

  it('reaches GA4 as a custom event with its params under their own names', () => {
    expect(ga4Params(filtered)).toMatchObject({ product: 'TEA', filter: 'rating', filter_value: '1', total: 3, value: 0 });
  });

  it('reaches Segment as "Review Filter Applied" with the same properties', () => {
    expect(segmentMessage(filtered)).toMatchObject({
      event: 'Review Filter Applied',
      properties: { product: 'TEA', filter: 'rating', filter_value: '1', total: 3 },
    });
  });
});
