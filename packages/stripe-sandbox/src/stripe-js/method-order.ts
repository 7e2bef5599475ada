/**
 * The Payment Element's tabs in the order its `paymentMethodOrder` option
 * asks, with Stripe's semantics: the listed types first, in the listed
 * order; the ones left out after them, in the default order; listed types
 * that aren't available (or aren't strings) ignored. The first tab is the
 * one selected when the element shows.
 *
 * @example
 * orderedTypes(['card', 'alipay', 'wechat_pay'], ['alipay']) // ["alipay", "card", "wechat_pay"]
 */
export function orderedTypes(available: string[], paymentMethodOrder: unknown): string[] {
  if (!Array.isArray(paymentMethodOrder)) return available;
  const first = [...new Set(paymentMethodOrder)].filter((type): type is string => typeof type === 'string' && available.includes(type));
  return [...first, ...available.filter((type) => !first.includes(type))];
}
