import { describe, expect, it } from 'vitest';
import { intentIdFromSecret, returnUrlWith } from './client-secret.js';
import { availableTypes } from './group.js';
import { texts } from './i18n.js';

describe('client secret and return URL', () => {
  it('extracts the PaymentIntent id or explains the expected shape', () => {
    expect(intentIdFromSecret('pi_3Abc_secret_xyz')).toEqual({ ok: true, id: 'pi_3Abc' });
    const bad = intentIdFromSecret('seti_1_secret_x');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/expected a PaymentIntent client secret of the form pi_…_secret_…, received "seti_1_secret_x"/);
    expect(intentIdFromSecret(undefined)).toMatchObject({ ok: false, message: expect.stringMatching(/received undefined/) });
  });

  it("adds Stripe's redirect parameters to the return URL, keeping its own", () => {
    const url = new URL(returnUrlWith('https://shop.test/done?order=7', { id: 'pi_1', client_secret: 'pi_1_secret_2', status: 'succeeded' }));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      order: '7',
      payment_intent: 'pi_1',
      payment_intent_client_secret: 'pi_1_secret_2',
      redirect_status: 'succeeded',
    });
    expect(
      new URL(returnUrlWith('https://shop.test/', { id: 'pi_1', client_secret: 's', status: 'requires_payment_method' })).searchParams.get('redirect_status'),
    ).toBe('failed');
  });
});

describe('payment element tabs', () => {
  it('follows the intent, then paymentMethodTypes, then the currency', () => {
    const intent = { payment_method_types: ['card', 'wechat_pay', 'link'] } as never;
    expect(availableTypes(intent, {})).toEqual(['card', 'wechat_pay']);
    expect(availableTypes(null, { mode: 'payment', currency: 'CNY', amount: 100 })).toEqual(['card', 'alipay', 'wechat_pay']);
    expect(availableTypes(null, { mode: 'payment', currency: 'inr', amount: 100 })).toEqual(['card']);
    expect(availableTypes(null, { paymentMethodTypes: ['alipay'] })).toEqual(['alipay']);
  });

  it('speaks Simplified Chinese for zh locales and keeps the bilingual banner', () => {
    expect(texts('zh').card).toBe('银行卡');
    expect(texts('zh-TW').card).toBe('Card');
    expect(texts('auto', 'zh-CN').wechat_pay).toBe('微信支付');
    expect(texts('en').banner).toBe('Test mode — no real payment / 测试模式 — 不会真实扣款');
  });
});
