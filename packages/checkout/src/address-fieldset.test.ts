import { describe, expect, it } from 'vitest';
import { type AddressForm, addressErrors, addressRequest, phoneLabel, savedAddress, withCountry } from './address-fieldset.js';

const blank: AddressForm = { line1: '', line2: '', district: '', city: '', state: '', postal_code: '', country: 'US' };
const china: AddressForm = { ...blank, country: 'CN', state: '浙江省', city: '杭州市', district: '西湖区', line1: '文三路 1 号', postal_code: '310000' };

describe('addressRequest', () => {
  it('sends China’s district as line2 and no postcode', () => {
    expect(addressRequest(china)).toEqual({ line1: '文三路 1 号', line2: '西湖区', city: '杭州市', state: '浙江省', country: 'CN' });
  });

  it('sends only the fields the country’s form shows', () => {
    const gb = { ...blank, country: 'GB', line1: '1 Old Street', city: 'London', state: 'CA', postal_code: 'EC1Y 8SY', district: 'Shoreditch' };
    expect(addressRequest(gb)).toEqual({ line1: '1 Old Street', city: 'London', postal_code: 'EC1Y 8SY', country: 'GB' });
  });
});

describe('savedAddress', () => {
  it('keeps China’s district as district, so it reads back into its own field', () => {
    expect(savedAddress(china)).toEqual({ line1: '文三路 1 号', district: '西湖区', city: '杭州市', state: '浙江省', country: 'CN' });
  });
});

describe('addressErrors', () => {
  it('names each field to fix in the shopper’s language, and the phone in China', () => {
    expect(addressErrors({ ...china, state: '', line1: '' }, '', 'zh-CN')).toEqual({ state: '请填写省份。', line1: '请填写详细地址。', phone: '请填写电话。' });
    expect(addressErrors({ ...blank, line1: '1 Main St', city: 'Cupertino', state: 'CA', postal_code: '9501' }, '', 'en')).toEqual({
      postal_code: 'ZIP code must look like 95014.',
    });
  });
});

describe('withCountry', () => {
  it('keeps what still applies and clears a state the new country doesn’t have', () => {
    const us = { ...blank, line1: '1 Main St', city: 'Springfield', state: 'CA', postal_code: '95014' };
    expect(withCountry(us, 'CA')).toEqual({ ...us, country: 'CA', state: '' });
    expect(withCountry(us, 'GB')).toEqual({ ...us, country: 'GB' });
  });
});

describe('phoneLabel', () => {
  it('is required in China, optional elsewhere', () => {
    expect(phoneLabel('CN', 'zh-CN')).toBe('电话');
    expect(phoneLabel('US', 'en')).toBe('Phone (optional)');
  });
});
