import { expect, test } from 'vitest';
import { REPORT_TEXT } from './report-text.js';

test('the report counts one shopper in the singular', () => {
  expect(REPORT_TEXT.en.shoppers('1')).toBe('1 shopper with events');
  expect(REPORT_TEXT.en.shoppers('1,204')).toBe('1,204 shoppers with events');
  expect(REPORT_TEXT['zh-CN'].shoppers('1')).toBe('有事件的购物者 1 位');
});

test('the ledger line names the orders, the revenue and, with orders, the coverage', () => {
  expect(REPORT_TEXT.en.ledger('1', '$24.00', '100%')).toBe(
    '1 paid order in the payment ledger, revenue $24.00. Browser analytics saw the shopper begin checkout for 100% of them.',
  );
  expect(REPORT_TEXT.en.ledger('0', '0', null)).toBe('0 paid orders in the payment ledger, revenue 0.');
  expect(REPORT_TEXT['zh-CN'].ledger('0', '0', null)).toBe('支付记录中已付款订单 0 笔，收入 0。');
});
