import { expect, test } from 'vitest';
import { REPORT_TEXT } from './report-text';

test('the report counts one shopper in the singular', () => {
  expect(REPORT_TEXT.en.shoppers('1')).toBe('1 shopper with events');
  expect(REPORT_TEXT.en.shoppers('1,204')).toBe('1,204 shoppers with events');
  expect(REPORT_TEXT['zh-CN'].shoppers('1')).toBe('有事件的购物者 1 位');
});
