/**
 * The currency facts the sandbox validates against, taken from Stripe's docs:
 * supported presentment currencies, zero-decimal currencies, minimum charge
 * amounts, and which currencies Alipay and WeChat Pay accept.
 */
const SUPPORTED = (
  'usd aed afn all amd ang aoa ars aud awg azn bam bbd bdt bgn bhd bif bmd bnd bob brl bsd bwp byn bzd cad cdf chf clp cny cop crc cve czk ' +
  'djf dkk dop dzd egp etb eur fjd fkp gbp gel gip gmd gnf gtq gyd hkd hnl htg huf idr ils inr isk jmd jod jpy kes kgs khr kmf krw kwd kyd ' +
  'kzt lak lbp lkr lrd lsl mad mdl mga mkd mmk mnt mop mur mvr mwk mxn myr mzn nad ngn nio nok npr nzd omr pab pen pgk php pkr pln pyg qar ' +
  'ron rsd rub rwf sar sbd scr sek sgd shp sle sos srd std szl thb tjs tnd top try ttd twd tzs uah ugx uyu uzs vnd vuv wst xaf xcd xof xpf ' +
  'yer zar zmw'
).split(' ');

const ZERO_DECIMAL = new Set('bif clp djf gnf jpy kmf krw mga pyg rwf ugx vnd vuv xaf xof xpf'.split(' '));
const THREE_DECIMAL = new Set('bhd jod kwd omr tnd'.split(' '));

/** Stripe's minimum charge amounts in minor units (roughly 0.50 USD each). */
const MINIMUMS: Record<string, number> = {
  usd: 50,
  aed: 200,
  aud: 50,
  bgn: 100,
  brl: 50,
  cad: 50,
  chf: 50,
  cny: 400,
  czk: 1500,
  dkk: 250,
  eur: 50,
  gbp: 30,
  hkd: 400,
  huf: 17500,
  inr: 50,
  jpy: 50,
  mxn: 1000,
  myr: 200,
  nok: 300,
  nzd: 50,
  pln: 200,
  ron: 200,
  sek: 300,
  sgd: 50,
  thb: 1000,
};

const ALIPAY = new Set('aud cad cny eur gbp hkd jpy myr nzd sgd usd'.split(' '));
const WECHAT_PAY = new Set('aud cad chf cny dkk eur gbp hkd jpy nok sek sgd usd'.split(' '));
const LINK = new Set('aud cad chf czk dkk eur gbp hkd huf jpy mxn nok nzd pln ron sek sgd usd'.split(' '));

/** Payment method types the sandbox can process. */
export const PAYMENT_METHOD_TYPES = ['card', 'alipay', 'wechat_pay', 'link'] as const;
export type PaymentMethodType = (typeof PAYMENT_METHOD_TYPES)[number];

/**
 * Whether Stripe accepts this lowercase ISO 4217 code.
 *
 * @example
 * isSupportedCurrency('usd') // true
 */
export function isSupportedCurrency(code: string): boolean {
  return SUPPORTED.includes(code);
}

/**
 * Number of minor-unit digits Stripe uses (0 for JPY, 3 for KWD, else 2).
 *
 * @example
 * currencyDigits('jpy') // 0
 */
export function currencyDigits(code: string): number {
  return ZERO_DECIMAL.has(code) ? 0 : THREE_DECIMAL.has(code) ? 3 : 2;
}

/**
 * The smallest amount Stripe charges in this currency, in minor units.
 *
 * @example
 * minimumAmount('usd') // 50
 */
export function minimumAmount(code: string): number {
  return MINIMUMS[code] ?? 1;
}

/**
 * Whether a payment method type can be used with the currency.
 *
 * @example
 * supportsCurrency('alipay', 'cny') // true
 */
export function supportsCurrency(type: PaymentMethodType, currency: string): boolean {
  if (type === 'alipay') return ALIPAY.has(currency);
  if (type === 'wechat_pay') return WECHAT_PAY.has(currency);
  if (type === 'link') return LINK.has(currency);
  return true;
}

/**
 * The methods "automatic payment methods" turns on for a currency.
 *
 * @example
 * automaticTypes('jpy') // ["card", "alipay", "wechat_pay", "link"]
 * automaticTypes('cny') // ["card", "alipay", "wechat_pay"]
 */
export function automaticTypes(currency: string): PaymentMethodType[] {
  return PAYMENT_METHOD_TYPES.filter((t) => supportsCurrency(t, currency));
}
