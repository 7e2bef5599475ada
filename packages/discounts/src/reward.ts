import type { Promotion, Reward } from './types';

/** What promotion `p` gives (at `tier` for tiered rules), for "add X more for ..." sentences. */
export function rewardOf(p: Promotion, currency: string, tier = 0): Reward {
  const r = p.rule;
  if (r.type === 'buy_x_get_y') return { kind: 'buy_x_get_y', buy: r.buy.quantity, get: r.get.quantity, percent: r.get.percent ?? 100 };
  if (r.type === 'percent_off' && r.appliesTo === 'shipping' && r.percent === 100) return { kind: 'free_shipping' };
  const t = r.type === 'tiered' ? r.tiers[tier]! : r;
  const amount = 'amount' in t ? t.amount : undefined;
  if (amount !== undefined) return { kind: 'amount_off', amount, currency };
  return { kind: 'percent_off', percent: 'percent' in t ? (t.percent ?? 0) : 0 };
}
