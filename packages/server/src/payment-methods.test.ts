import { expect, test } from 'vitest';
import { paymentMethodOptions, paymentMethodTypes } from './payment-methods.js';

test('methods follow the currency', () => {
  expect(paymentMethodTypes('USD')).toEqual(['card', 'link', 'alipay', 'wechat_pay']);
  expect(paymentMethodTypes('CNY')).toEqual(['card', 'alipay', 'wechat_pay']);
  expect(paymentMethodTypes('MXN')).toEqual(['card', 'link']);
  expect(paymentMethodTypes('INR')).toEqual(['card']);
});

test('WeChat Pay is told it runs in a web page', () => {
  expect(paymentMethodOptions(['card', 'wechat_pay'])).toEqual({ wechat_pay: { client: 'web' } });
  expect(paymentMethodOptions(['card'])).toEqual({});
});
