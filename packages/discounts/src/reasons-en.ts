import { promotionName } from './names.js';
import { type Entry, type Templates, money, sentence } from './sentence.js';
import type { Reward, Unlock } from './types.js';

export type { Entry };

/** Reward in English: "¥30.00 off", "10% off", "free shipping", "buy 2 get 1 free". */
export function rewardEn(reward: Reward): string {
  switch (reward.kind) {
    case 'amount_off':
      return `${money(reward.amount, reward.currency, 'en')} off`;
    case 'percent_off':
      return `${reward.percent}% off`;
    case 'free_shipping':
      return 'free shipping';
    default:
      return `buy ${reward.buy} get ${reward.get} ${reward.percent === 100 ? 'free' : `at ${reward.percent}% off`}`;
  }
}

/**
 * "Add $16.70 more for free shipping from $50.00 after discounts.": a spend
 * threshold names itself, and says when discounts come off before it is
 * measured, since the shopper compares it with the subtotal they see.
 */
export function unlockEn(unlock: Unlock): string {
  if (unlock.kind === 'add_items') return `Add ${unlock.quantity} more item${unlock.quantity === 1 ? '' : 's'} for ${rewardEn(unlock.reward)}.`;
  return `Add ${money(unlock.amount, unlock.currency, 'en')} more for ${rewardEn(unlock.reward)} from ${money(unlock.threshold, unlock.currency, 'en')}${unlock.thresholdBase !== 'before_discounts' ? ' after discounts' : ''}.`;
}

const EN: Templates = {
  unknown_code: 'Code {code} is not valid',
  disabled: '{label} is not active',
  not_started: '{label} starts on {date}',
  expired: '{label} expired on {date}',
  currency: '{label} applies only to orders in {required}',
  channel: '{label} is not available here',
  segment: '{label} is for selected customers only',
  first_purchase: '{label} is for first orders only',
  usage_limit: '{label} has been fully redeemed',
  customer_usage_limit: 'You have already used {label}',
  no_items: '{label} applies to none of the items in your cart',
  min_quantity: '{label} needs {required} items',
  min_subtotal: '{label} needs a subtotal of {money}',
  not_combinable: '{label} cannot be combined with {with}',
  no_savings: '{label} would not lower your price',
  better_deal: 'A better deal was applied instead of {label}',
};

/** English sentence for a reason (describeReason gives the unlock sentence when there is one); names' money is in `currency`. */
export function describeEn(entry: Entry, currency?: string): string {
  return sentence(EN, entry, 'en', entry.code ? `Code ${entry.code}` : promotionName(entry.name, 'en', currency), currency);
}
