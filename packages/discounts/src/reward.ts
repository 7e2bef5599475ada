import type { Promotion, Reward } from './types.js';

/**
 * What `promotion` gives (at `tier` for tiered rules), for "add X more for ..." sentences.
 *
 * @example
 * rewardOf({ id: 'FREE', name: 'Free shipping', rule: { type: 'percent_off', percent: 100, appliesTo: 'shipping' } }, 'CNY')
 * // { kind: 'free_shipping' }
 */
export function rewardOf(promotion: Promotion, currency: string, tier = 0): Reward {
  const rule = promotion.rule;
  if (rule.type === 'buy_x_get_y') return { kind: 'buy_x_get_y', buy: rule.buy.quantity, get: rule.get.quantity, percent: rule.get.percent ?? 100 };
  if (rule.type === 'percent_off' && rule.appliesTo === 'shipping' && rule.percent === 100) return { kind: 'free_shipping' };
  const offer: { amount?: number; percent?: number } = rule.type === 'tiered' ? rule.tiers[tier]! : rule;
  return offer.amount !== undefined ? { kind: 'amount_off', amount: offer.amount, currency } : { kind: 'percent_off', percent: offer.percent ?? 0 };
}
