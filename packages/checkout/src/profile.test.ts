import { memoryStorage } from '@cartlift/core';
import { describe, expect, it } from 'vitest';
import { loadProfile, saveProfile, shippingAddress } from './profile.js';

const stored = async (value: unknown) => {
  const storage = memoryStorage();
  await storage.update('profile', () => value);
  return loadProfile(storage);
};

describe('saved profile', () => {
  it('keeps a profile saved before addresses followed their country (every field present)', async () => {
    const old = { email: 'li.wei@example.com', name: 'Li Wei', address: { line1: '1 West Lake Road', city: 'Hangzhou', postal_code: '310000', country: 'CN' } };
    expect(await stored(old)).toEqual(old);
  });

  it('takes an address without the fields its country does without, and China’s district', async () => {
    const cn = {
      email: 'li.wei@example.com',
      phone: '+86 138 0013 8000',
      address: { line1: '文三路 1 号', district: '西湖区', city: '杭州市', state: '浙江省', country: 'CN' },
    };
    expect(await stored(cn)).toEqual(cn);
    const sg = { email: 'tan@example.com', address: { line1: '1 Fusionopolis Way', postal_code: '138632', country: 'SG' } };
    expect(await stored(sg)).toEqual(sg);
  });

  it('remembers the last payment method, and refuses what is not a profile', async () => {
    const storage = memoryStorage();
    await saveProfile(storage, { email: 'li.wei@example.com', paymentMethod: 'alipay' });
    expect(await loadProfile(storage)).toEqual({ email: 'li.wei@example.com', paymentMethod: 'alipay' });
    expect(await stored({ email: 'li.wei@example.com', paymentMethod: 'bitcoin' })).toBeUndefined();
    expect(await stored({ email: 'li.wei@example.com', address: { city: 'Hangzhou', country: 'CN' } })).toBeUndefined();
    expect(await stored({ email: 'li.wei@example.com', address: { line1: '1 Road', country: 'China' } })).toBeUndefined();
    expect(await stored({ email: 'li.wei@example.com', address: { line1: '1 Road', country: 'CN', city: 7 } })).toBeUndefined();
  });

  it('sends a saved district to Stripe as line2', () => {
    expect(shippingAddress({ line1: '文三路 1 号', district: '西湖区', city: '杭州市', state: '浙江省', country: 'CN' })).toEqual({
      line1: '文三路 1 号',
      line2: '西湖区',
      city: '杭州市',
      state: '浙江省',
      country: 'CN',
    });
    const us = { line1: '1 Infinite Loop', line2: 'Suite 2', city: 'Cupertino', state: 'CA', postal_code: '95014', country: 'US' };
    expect(shippingAddress(us)).toEqual(us);
  });
});
