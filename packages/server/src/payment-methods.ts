/**
 * Presentment currencies Stripe documents for each non-card method we offer.
 * Cards (and the Apple Pay / Google Pay wallets that ride on them) take every
 * currency. Availability also depends on the Stripe account's country and
 * activated capabilities: override with the `paymentMethodTypes` option.
 */
export const METHOD_CURRENCIES: Readonly<Record<'alipay' | 'wechat_pay' | 'link', readonly string[]>> = {
  alipay: ['AUD', 'CAD', 'CNY', 'EUR', 'GBP', 'HKD', 'JPY', 'MYR', 'NZD', 'SGD', 'USD'],
  wechat_pay: ['AUD', 'CAD', 'CHF', 'CNY', 'DKK', 'EUR', 'GBP', 'HKD', 'JPY', 'NOK', 'SEK', 'SGD', 'USD'],
  link: ['AUD', 'CAD', 'CHF', 'CZK', 'DKK', 'EUR', 'GBP', 'HKD', 'HUF', 'JPY', 'MXN', 'NOK', 'NZD', 'PLN', 'RON', 'SEK', 'SGD', 'USD'],
};

/**
 * Payment method types for a PaymentIntent in `currency`.
 *
 * @example
 * paymentMethodTypes('USD') // ['card', 'link', 'alipay', 'wechat_pay']
 * paymentMethodTypes('INR') // ['card']
 */
export function paymentMethodTypes(currency: string): string[] {
  const code = currency.toUpperCase();
  const types = ['card'];
  if (METHOD_CURRENCIES.link.includes(code)) types.push('link');
  if (METHOD_CURRENCIES.alipay.includes(code)) types.push('alipay');
  if (METHOD_CURRENCIES.wechat_pay.includes(code)) types.push('wechat_pay');
  return types;
}

/** Options Stripe requires for some methods: WeChat Pay must know it runs in a web page. */
export function paymentMethodOptions(types: readonly string[]): Record<string, Record<string, string>> {
  return types.includes('wechat_pay') ? { wechat_pay: { client: 'web' } } : {};
}
