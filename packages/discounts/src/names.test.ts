import { describe, expect, it } from 'vitest';
import { formatMoney } from '@cartlift/core';
import { promotionName } from './names.js';

const name = { en: '{money:500} off your first order', 'zh-CN': '首单立减 {money:500}' };

describe('promotionName', () => {
  it('formats {money:<minor units>} exactly as the totals are formatted, per locale and currency', () => {
    expect(promotionName(name, 'en', 'USD')).toBe(`${formatMoney({ amount: 500, currency: 'USD' }, 'en')} off your first order`);
    expect(promotionName(name, 'zh-CN', 'USD')).toBe(`首单立减 ${formatMoney({ amount: 500, currency: 'USD' }, 'zh-CN')}`);
    expect(promotionName(name, 'zh-CN', 'USD')).toBe('首单立减 US$5.00');
    expect(promotionName('Spend {money:8000} save {money:800}', 'en', 'CNY')).toBe('Spend CN¥80.00 save CN¥8.00');
    expect(promotionName('{money:1500} off', 'en', 'JPY')).toBe('¥1,500 off');
  });

  it('leaves plain names, and text that is no placeholder, as they are', () => {
    expect(promotionName({ en: '$5 off your first order', 'zh-CN': '首单立减 $5' }, 'zh-CN', 'USD')).toBe('首单立减 $5');
    expect(promotionName('WELCOME10: 10% off', 'en', 'USD')).toBe('WELCOME10: 10% off');
    expect(promotionName('{money:5.00} off <b>now</b>', 'en', 'USD')).toBe('{money:5.00} off <b>now</b>');
    expect(promotionName(undefined, 'en', 'USD')).toBe('');
  });

  it('falls back as core names do: the locale, else English', () => {
    expect(promotionName({ en: '{money:500} off' }, 'zh-CN', 'USD')).toBe('US$5.00 off');
  });
});
