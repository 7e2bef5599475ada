import type { Locale } from './i18n.js';

type Sentences = Record<string, string>;

// Cartlift's own sentences for what providers and the server report, so a
// shopper reading Chinese never gets an English provider message.
const en: Sentences = {
  card_declined: 'Your card was declined. Nothing was charged; try another card or payment method.',
  insufficient_funds: 'Your card has insufficient funds. Nothing was charged; try another card.',
  expired_card: 'Your card has expired. Nothing was charged; try another card.',
  incorrect_cvc: "Your card's security code is incorrect. Nothing was charged.",
  processing_error: 'The card could not be processed. Nothing was charged; please try again.',
  payment_intent_authentication_failure: 'Your bank could not confirm it was you. Nothing was charged; try again or use another card.',
  payment_intent_action_canceled: 'You closed the WeChat Pay QR code before paying. Nothing was charged.',
  payment_intent_payment_attempt_failed: 'The payment was not authorized. Nothing was charged; please try again.',
  payment_canceled: 'The payment was canceled. Nothing was charged.',
  payment_incomplete: 'The payment was not completed. Nothing was charged; please try again.',
  hold_expired: 'The payment was not completed in time. Nothing was charged; please try again.',
  too_many_checkouts: 'Too many payment attempts. Please wait a few minutes and try again.',
  too_many_coupon_attempts: 'Too many coupon codes were tried. Please wait a few minutes.',
  network: "We couldn't reach the shop. Check your connection; nothing was charged.",
  payment_provider_unavailable: 'Payments are briefly unavailable. Nothing was charged; please try again in a moment.',
  payment_failed: 'The payment did not go through. Nothing was charged; please try again.',
};

const zh: Sentences = {
  card_declined: '您的银行卡被拒绝，未扣款。请换一张卡或其他支付方式。',
  insufficient_funds: '银行卡余额不足，未扣款。请换一张卡。',
  expired_card: '银行卡已过期，未扣款。请换一张卡。',
  incorrect_cvc: '银行卡安全码不正确，未扣款。',
  processing_error: '银行卡暂时无法处理，未扣款，请重试。',
  payment_intent_authentication_failure: '银行未能验证您的身份，未扣款。请重试或换一张卡。',
  payment_intent_action_canceled: '您在付款前关闭了微信支付二维码，未扣款。',
  payment_intent_payment_attempt_failed: '支付未获授权，未扣款，请重试。',
  payment_canceled: '支付已取消，未扣款。',
  payment_incomplete: '支付未完成，未扣款，请重试。',
  hold_expired: '支付超时未完成，未扣款，请重试。',
  too_many_checkouts: '支付尝试次数过多，请稍等几分钟再试。',
  too_many_coupon_attempts: '尝试的优惠码过多，请稍等几分钟。',
  network: '无法连接商店，请检查网络；未扣款。',
  payment_provider_unavailable: '支付服务暂时不可用，未扣款，请稍后再试。',
  payment_failed: '支付未成功，未扣款，请重试。',
};

/**
 * The shopper's sentence for a payment failure code, in their language: a
 * known code gets Cartlift's sentence; an unknown one the server's or
 * provider's message in English, or the general sentence in Chinese.
 *
 * @example
 * paymentSentence('card_declined', 'zh-CN') // "您的银行卡被拒绝，未扣款。请换一张卡或其他支付方式。"
 */
export function paymentSentence(code: string | undefined, locale: Locale, fallback?: string): string {
  const table = locale === 'zh-CN' ? zh : en;
  return (code && table[code]) || (locale === 'en' && fallback) || table.payment_failed!;
}
