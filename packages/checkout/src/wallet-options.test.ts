import { describe, expect, it } from 'vitest';
import { walletOptions, walletShipping } from './wallet-options.js';

const address = { line1: '1 West Lake Road', city: 'Hangzhou', postal_code: '310000', country: 'CN' };
const standard = { id: 'standard', amount: 600, name: { en: 'Standard shipping (3–5 days)', 'zh-CN': '标准配送（3–5天）' } };

describe('walletOptions', () => {
  it('asks only for the email when the saved profile has an address', () => {
    expect(walletOptions({ email: 'li.wei@example.com', address }, [standard], 'en')).toEqual({ emailRequired: true });
  });

  it("asks for the shipping address and phone, with the shop's rates, when nothing saved has one", () => {
    expect(walletOptions(undefined, [standard], 'zh-CN')).toEqual({
      emailRequired: true,
      phoneNumberRequired: true,
      shippingAddressRequired: true,
      shippingRates: [{ id: 'standard', amount: 600, displayName: '标准配送（3–5天）' }],
    });
    expect(walletOptions({ email: 'li.wei@example.com' }, [standard], 'en').shippingRates).toEqual([
      { id: 'standard', amount: 600, displayName: 'Standard shipping (3–5 days)' },
    ]);
    // Only the default option: the amount the wallet shows is the one the server charges.
    const express = { id: 'express', amount: 1500, name: { en: 'Express', 'zh-CN': '快递' } };
    expect(walletOptions(undefined, [standard, express], 'en').shippingRates).toEqual([
      { id: 'standard', amount: 600, displayName: 'Standard shipping (3–5 days)' },
    ]);
  });

  it('offers one free rate when the shop configures none (wallets need at least one to collect an address)', () => {
    expect(walletOptions(undefined, [], 'en')).toMatchObject({
      shippingAddressRequired: true,
      shippingRates: [{ id: 'shipping', amount: 0, displayName: 'Shipping' }],
    });
    expect(walletOptions(undefined, [], 'zh-CN').shippingRates).toEqual([{ id: 'shipping', amount: 0, displayName: '运费' }]);
  });
});

describe('walletShipping', () => {
  it("turns the confirm event's address and rate into /checkout's shipping, dropping Stripe's nulls", () => {
    const event = {
      shippingAddress: { name: 'Li Wei', address: { ...address, line2: null, state: '' } },
      shippingRate: { id: 'standard', amount: 600, displayName: 'Standard' },
    };
    expect(walletShipping(event)).toEqual({ name: 'Li Wei', address, optionId: 'standard' });
  });

  it('leaves out the lines a wallet sent empty, for the server to name the ones the country requires', () => {
    const event = {
      shippingAddress: {
        name: 'Tan Wei',
        address: { line1: '1 Fusionopolis Way', line2: null, city: '', state: '', postal_code: '138632', country: 'SG' },
      },
    };
    expect(walletShipping(event)).toEqual({ name: 'Tan Wei', address: { line1: '1 Fusionopolis Way', postal_code: '138632', country: 'SG' } });
  });

  it('is undefined when the wallet collected no address', () => {
    expect(walletShipping({})).toBeUndefined();
  });
});
