/** Texts of the look-alike's UI in English and Simplified Chinese. The test-mode banner is always bilingual. */
const EN = {
  banner: 'Test mode — no real payment / 测试模式 — 不会真实扣款',
  methods: 'Payment method',
  card: 'Card',
  alipay: 'Alipay',
  wechat_pay: 'WeChat Pay',
  link: 'Link',
  cardNumber: 'Card number',
  expiry: 'Expiration date (MM / YY)',
  cvc: 'Security code (CVC)',
  fillTestCard: 'Fill test card 4242',
  alipayNote: 'After you pay, you will authorize this test payment on the sandbox Alipay page, then return here.',
  wechatNote: 'After you pay, a test QR code appears; choose “Simulate scan” to complete the test payment.',
  wallet: 'Pay (test wallet)',
  walletSheet: 'Test wallet',
  walletConfirm: 'Confirm test payment',
  walletEmail: 'Wallet email',
  shipTo: 'Ship to',
  cancel: 'Cancel',
  simulateScan: 'Simulate scan',
  qrTitle: 'Scan with WeChat (test)',
  qrAlt: 'Test QR code (not scannable)',
  authTitle: 'Authenticate test payment (3D Secure)',
  authComplete: 'Complete authentication',
  authFail: 'Fail authentication',
};

type Texts = typeof EN;

const ZH: Texts = {
  banner: EN.banner,
  methods: '付款方式',
  card: '银行卡',
  alipay: '支付宝',
  wechat_pay: '微信支付',
  link: 'Link',
  cardNumber: '卡号',
  expiry: '有效期（月 / 年）',
  cvc: '安全码（CVC）',
  fillTestCard: '填入测试卡 4242',
  alipayNote: '付款后将在沙盒支付宝页面授权此测试付款，然后返回本页。',
  wechatNote: '付款后会显示测试二维码；选择“模拟扫码”完成测试付款。',
  wallet: '测试钱包支付',
  walletSheet: '测试钱包',
  walletConfirm: '确认测试付款',
  walletEmail: '钱包邮箱',
  shipTo: '配送至',
  cancel: '取消',
  simulateScan: '模拟扫码',
  qrTitle: '用微信扫码（测试）',
  qrAlt: '测试二维码（不可扫描）',
  authTitle: '验证测试付款（3D Secure）',
  authComplete: '完成验证',
  authFail: '验证失败',
};

/**
 * The texts for a Stripe locale (`zh`, `zh-CN`, `zh-Hans` → Chinese; `auto` uses the browser's language).
 *
 * @example
 * texts('zh').card // "银行卡"
 */
export function texts(locale: string | undefined, browserLanguage = 'en'): Texts {
  const chosen = !locale || locale === 'auto' ? browserLanguage : locale;
  return /^zh\b/i.test(chosen) && !/^zh-(TW|HK|Hant)/i.test(chosen) ? ZH : EN;
}

export type { Texts };
