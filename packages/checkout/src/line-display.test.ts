import { describe, expect, it } from 'vitest';
import { formatMoney } from '@cartlift/core';
import { linePrice, withAddOnsUnderParents } from './line-display.js';

const usd = (amount: number, locale: string) => formatMoney({ amount, currency: 'USD' }, locale);

describe('linePrice', () => {
  it('shows the unit price and the line total for more than one, in each language', () => {
    expect(linePrice({ price: 1200, quantity: 2 }, 'USD', 'en')).toEqual({ each: `${usd(1200, 'en')} each`, total: usd(2400, 'en') });
    expect(linePrice({ price: 1200, quantity: 2 }, 'USD', 'zh-CN')).toEqual({ each: '单价 US$12.00', total: 'US$24.00' });
    expect(linePrice({ price: 1500, quantity: 3 }, 'JPY', 'en')).toEqual({ each: '¥1,500 each', total: '¥4,500' });
  });

  it('shows one price for a quantity of 1', () => {
    expect(linePrice({ price: 1200, quantity: 1 }, 'USD', 'en')).toEqual({ total: '$12.00' });
    expect(linePrice({ price: 1200, quantity: 1 }, 'USD', 'zh-CN')).toEqual({ total: 'US$12.00' });
  });
});

describe('withAddOnsUnderParents', () => {
  const pot = { key: 'POT' };
  const cup = { key: 'CUP' };
  const warranty = { key: 'WARRANTY', parent: 'POT' };
  const wrap = { key: 'WRAP', parent: 'CUP' };

  it('lists each add-on right under the product it was taken for', () => {
    expect(withAddOnsUnderParents([pot, cup, warranty, wrap])).toEqual([pot, warranty, cup, wrap]);
    expect(withAddOnsUnderParents([warranty, cup, pot])).toEqual([cup, pot, warranty]);
  });

  it('keeps an add-on whose product is not in the cart, where it was', () => {
    expect(withAddOnsUnderParents([cup, warranty])).toEqual([cup, warranty]);
  });
});
