import type { Promotion, Reward } from './types.js';

/** What promotion `p` gives (at `tier` for tiered rules), for "add X more for ..." sentences. */
export function rewardOf(p: Promotion, currency: string, tier = 0): Reward {
  const r = p.rule;
  if (r.type === 'buy_x_get_y') return { kind: 'buy_x_get_y', buy: r.buy.quantity, get: r.get.quantity, percent: r.get.percent ?? 100 };
  if (r.type === 'percent_off' && r.appliesTo === 'shipping' && r.percent === 100) return { kind: 'free_shipping' };
  const t: { amount?: number; percent?: number } = r.type === 'tiered' ? r.tiers[tier]! : r;
  return t.amount !== undefined ? { kind: 'amount_off', amount: t.amount, currency } : { kind: 'percent_off', percent: t.percent ?? 0 };
}
