import { describe, expect, it } from 'vitest';
import { orderedTypes } from './method-order.js';

describe('orderedTypes (paymentMethodOrder)', () => {
  const available = ['card', 'alipay', 'wechat_pay'];

  it('puts the listed types first, in their order, and the rest after in the default order', () => {
    expect(orderedTypes(available, ['alipay'])).toEqual(['alipay', 'card', 'wechat_pay']);
    expect(orderedTypes(available, ['wechat_pay', 'alipay'])).toEqual(['wechat_pay', 'alipay', 'card']);
  });

  it('ignores types that are not available, repeated or not strings, as Stripe does', () => {
    expect(orderedTypes(available, ['klarna', 'wechat_pay', 'wechat_pay', 7])).toEqual(['wechat_pay', 'card', 'alipay']);
    expect(orderedTypes(['card'], ['alipay'])).toEqual(['card']);
  });

  it('keeps the default order without the option', () => {
    expect(orderedTypes(available, undefined)).toEqual(available);
  });
});
