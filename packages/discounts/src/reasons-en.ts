import { formatMoney } from '@cartlift/core';
import { promotionName } from './names';
import type { NotApplied, Reason, Reward, Unlock } from './types';

export type Entry = Pick<NotApplied, 'reason' | 'unlock' | 'name' | 'code'>;

const money = (amount: number | undefined, currency: string | undefined, locale: string) => formatMoney({ amount: amount ?? 0, currency: currency ?? 'USD' }, locale);

/** Reward in English: "¥30.00 off", "10% off", "free shipping", "buy 2 get 1 free". */
export function rewardEn(r: Reward): string {
  switch (r.kind) {
    case 'amount_off':
      return `${money(r.amount, r.currency, 'en')} off`;
    case 'percent_off':
      return `${r.percent}% off`;
    case 'free_shipping':
      return 'free shipping';
    default:
      return `buy ${r.buy} get ${r.get} ${r.percent === 100 ? 'free' : `at ${r.percent}% off`}`;
  }
}

/** "Add ¥20.00 more for ¥30.00 off." */
export function unlockEn(u: Unlock): string {
  return u.kind === 'spend_more'
    ? `Add ${money(u.amount, u.currency, 'en')} more for ${rewardEn(u.reward)}.`
    : `Add ${u.quantity} more item${u.quantity === 1 ? '' : 's'} for ${rewardEn(u.reward)}.`;
}

const SENTENCES: Record<Reason['code'], (label: string, p: Reason['params']) => string> = {
  unknown_code: (_, p) => `Code ${p.code} is not valid.`,
  disabled: (l) => `${l} is not active.`,
  not_started: (l, p) => `${l} starts on ${p.date}.`,
  expired: (l, p) => `${l} expired on ${p.date}.`,
  currency: (l, p) => `${l} applies only to orders in ${String(p.required)}.`,
  channel: (l) => `${l} is not available here.`,
  segment: (l) => `${l} is for selected customers only.`,
  first_purchase: (l) => `${l} is for first orders only.`,
  usage_limit: (l) => `${l} has been fully redeemed.`,
  customer_usage_limit: (l) => `You have already used ${l}.`,
  no_items: (l) => `${l} applies to none of the items in your cart.`,
  min_quantity: (l, p) => `${l} needs ${p.required} items.`,
  min_subtotal: (l, p) => `${l} needs a subtotal of ${money(p.required as number, p.currency, 'en')}.`,
  not_combinable: (l, p) => `${l} cannot be combined with ${p.withCode ?? promotionName(p.withName)}.`,
  no_savings: (l) => `${l} would not lower your price.`,
  better_deal: (l) => `A better deal was applied instead of ${l}.`,
};

/** English sentence for a reason (the unlock sentence when there is one). */
export function describeEn(e: Entry): string {
  if (e.unlock) return unlockEn(e.unlock);
  const label = e.code ? `Code ${e.code}` : promotionName(e.name);
  return SENTENCES[e.reason.code](label, e.reason.params);
}
