import { describe, expect, it } from 'vitest';
import { allocate, currencyExponent, money, parseMinorUnits } from './money.js';
import { formatMoney, toDecimalString } from './format.js';
import { CartliftError } from './errors.js';

describe('currencyExponent', () => {
  it.each([
    ['JPY', 0],
    ['USD', 2],
    ['CNY', 2],
    ['EUR', 2],
    ['KWD', 3],
  ])('%s has %i decimals', (code, exp) => expect(currencyExponent(code)).toBe(exp));

  it('refuses unknown and lower-case codes with a sentence naming the value', () => {
    expect(() => currencyExponent('XYZ')).toThrow('currency must be an ISO 4217 currency code in capitals such as "USD" or "CNY"; received "XYZ".');
    expect(() => currencyExponent('usd')).toThrow(/received "usd"/);
  });
});

describe('formatMoney', () => {
  it('formats in English', () => {
    expect(formatMoney(money(123450, 'USD'), 'en')).toBe('$1,234.50');
    expect(formatMoney(money(1500, 'JPY'), 'en')).toBe('¥1,500');
    expect(formatMoney(money(1005, 'KWD'), 'en')).toMatch(/^KWD\s1\.005$/);
  });

  it('formats in Simplified Chinese', () => {
    expect(formatMoney(money(123450, 'CNY'), 'zh-CN')).toBe('¥1,234.50');
    expect(formatMoney(money(1999, 'USD'), 'zh-CN')).toBe('US$19.99');
  });

  it('formats amounts beyond float precision exactly', () => {
    expect(toDecimalString(money(9007199254740991, 'USD'))).toBe('90071992547409.91');
    expect(toDecimalString(money(5, 'KWD'))).toBe('0.005');
  });
});

describe('refusals', () => {
  it.each([[19.99], [Number.NaN], [-1], [Infinity], ['100']])('refuses %s as an amount', (value) => {
    expect(() => money(value as number, 'USD')).toThrow(CartliftError);
    expect(() => money(value as number, 'USD')).toThrow(/must be a whole, non-negative number of minor units/);
  });

  it('parses data-cartlift-price and names the attribute when it is wrong', () => {
    expect(parseMinorUnits('1999')).toBe(1999);
    expect(parseMinorUnits(' 0 ')).toBe(0);
    for (const bad of ['19.99', 'NaN', '-5', '', '1e3', '12abc']) {
      expect(() => parseMinorUnits(bad)).toThrow(/^data-cartlift-price must be a whole number of minor units/);
    }
    try {
      parseMinorUnits('19.99');
    } catch (error) {
      expect((error as CartliftError).field).toBe('data-cartlift-price');
      expect((error as Error).message).toContain('received "19.99"');
    }
  });
});

describe('allocate', () => {
  it('splits by largest remainder and always sums to the total', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(1000, [3333, 3333, 3334])).toEqual([333, 333, 334]);
    expect(allocate(7, [0, 0])).toEqual([4, 3]);
    expect(allocate(0, [])).toEqual([]);
    expect(() => allocate(5, [])).toThrow(/across no parts/);
  });
});
