import { describe, expect, it } from 'vitest';
import { paymentSentence } from './payment-text.js';

describe('paymentSentence', () => {
  it("gives Cartlift's own sentence for a known code, in the shopper's language", () => {
    expect(paymentSentence('card_declined', 'en', 'Your card was declined.')).toBe(
      'Your card was declined. Nothing was charged; try another card or payment method.',
    );
    expect(paymentSentence('payment_intent_action_canceled', 'zh-CN', 'The customer closed the WeChat Pay QR code before paying.')).toBe(
      '您在付款前关闭了微信支付二维码，未扣款。',
    );
  });

  it("keeps an unknown code's English message, and never shows English to a Chinese shopper", () => {
    expect(paymentSentence('some_new_code', 'en', 'Stripe says something new.')).toBe('Stripe says something new.');
    expect(paymentSentence('some_new_code', 'zh-CN', 'Stripe says something new.')).toBe('支付未成功，未扣款，请重试。');
    expect(paymentSentence(undefined, 'en')).toBe('The payment did not go through. Nothing was charged; please try again.');
  });
});
