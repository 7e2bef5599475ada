import { describe, expect, it } from 'vitest';
import { addressForm, addressProblems, phoneRequired } from './address-form.js';

const order = (country: string, locale = 'en') => addressForm(country, locale).map((f) => `${f.field}:${f.label}${f.required ? '' : '?'}`);

describe('addressForm', () => {
  it('orders China province → city → district → street for a Chinese shopper, with no postcode', () => {
    expect(order('CN', 'zh-CN')).toEqual(['state:province', 'city:city', 'district:district?', 'line1:line1']);
  });

  it('gives an English-reading shopper the Latin-script order for China, still without a postcode', () => {
    expect(order('CN', 'en')).toEqual(['line1:line1', 'district:district?', 'city:city', 'state:province']);
  });

  it('follows each country’s data: US ZIP and state, GB post town and no state, Japan postcode then prefecture', () => {
    expect(order('US')).toEqual(['line1:line1', 'line2:line2?', 'city:city', 'state:state', 'postal_code:zip']);
    expect(order('GB')).toEqual(['line1:line1', 'line2:line2?', 'city:post_town', 'postal_code:postal']);
    expect(order('JP')).toEqual(['postal_code:postal', 'state:prefecture', 'line1:line1', 'line2:line2?']);
    expect(order('DE')).toEqual(['line1:line1', 'line2:line2?', 'postal_code:postal', 'city:city']);
    expect(order('HK', 'zh-CN')).toEqual(['state:area', 'city:district?', 'line1:line1', 'line2:line2?']);
  });

  it('marks Japan’s postcode with 〒, as Japanese addresses write it', () => {
    expect(addressForm('JP', 'en').find((f) => f.field === 'postal_code')?.mark).toBe('〒');
    expect(addressForm('SG', 'en').find((f) => f.field === 'postal_code')?.mark).toBeUndefined();
  });

  it('falls back to libaddressinput’s default (street and city required) for a country it has no data for', () => {
    expect(order('NZ')).toEqual(['line1:line1', 'line2:line2?', 'city:city']);
  });

  it('keeps autocomplete tokens', () => {
    expect(Object.fromEntries(addressForm('CN', 'zh-CN').map((f) => [f.field, f.autocomplete]))).toEqual({
      state: 'address-level1',
      city: 'address-level2',
      district: 'address-level3',
      line1: 'address-line1',
    });
    expect(addressForm('US', 'en').find((f) => f.field === 'postal_code')?.autocomplete).toBe('postal-code');
  });

  it('offers provinces and states, labelled in the shopper’s language', () => {
    const zh = addressForm('CN', 'zh-CN').find((f) => f.field === 'state')?.options;
    const en = addressForm('CN', 'en').find((f) => f.field === 'state')?.options;
    expect(zh).toContainEqual({ value: '浙江省', label: '浙江省' });
    expect(en).toContainEqual({ value: '浙江省', label: 'Zhejiang Sheng' });
    expect(addressForm('US', 'en').find((f) => f.field === 'state')?.options).toContainEqual({ value: 'CA', label: 'California' });
    expect(addressForm('JP', 'en').find((f) => f.field === 'state')?.options).toContainEqual({ value: '東京都', label: 'Tokyo' });
    expect(addressForm('GB', 'en').find((f) => f.field === 'state')).toBeUndefined();
  });
});

describe('addressProblems', () => {
  it('names each missing required field', () => {
    expect(addressProblems({ country: 'US', line1: '1 Infinite Loop', city: 'Cupertino', state: 'CA' })).toEqual([
      { field: 'postal_code', kind: 'required', label: 'zip' },
    ]);
    expect(addressProblems({ country: 'CN', line1: '文三路 1 号' }).map((p) => p.field)).toEqual(['city', 'state']);
  });

  it('needs no postcode in China, nor a city in Singapore', () => {
    expect(addressProblems({ country: 'CN', state: '浙江省', city: '杭州市', line1: '文三路 1 号' })).toEqual([]);
    expect(addressProblems({ country: 'SG', line1: '1 Fusionopolis Way', postal_code: '138632' })).toEqual([]);
  });

  it('refuses a postcode that is not one, with an example that is', () => {
    expect(addressProblems({ country: 'US', line1: '1 Main St', city: 'Cupertino', state: 'CA', postal_code: 'ABCDE' })).toEqual([
      { field: 'postal_code', kind: 'format', label: 'zip', example: '95014' },
    ]);
    expect(addressProblems({ country: 'GB', line1: '1 Old St', city: 'London', postal_code: 'ec1y 8sy' })).toEqual([]);
    expect(addressProblems({ country: 'JP', line1: '1-1', state: '東京都', postal_code: '154-0023' })).toEqual([]);
  });
});

describe('phoneRequired', () => {
  it('is true for China only', () => {
    expect(phoneRequired('CN')).toBe(true);
    expect(phoneRequired('US')).toBe(false);
  });
});
