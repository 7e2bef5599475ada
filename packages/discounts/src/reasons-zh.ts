import { promotionName } from './names.js';
import { type Entry, type Templates, money, sentence } from './sentence.js';
import type { Reward, Unlock } from './types.js';

/** 10% off is 9折, 15% off 8.5折. */
const zhe = (percent: number) => `${(10000 - Math.round(percent * 100)) / 1000}折`;

/** Reward in Chinese: "立减 ¥30.00", "享9折", "免运费", "买2送1". */
export function rewardZh(reward: Reward): string {
  switch (reward.kind) {
    case 'amount_off':
      return `立减 ${money(reward.amount, reward.currency, 'zh-CN')}`;
    case 'percent_off':
      return reward.percent === 100 ? '免费' : `享${zhe(reward.percent)}`;
    case 'free_shipping':
      return '免运费';
    default:
      return reward.percent === 100 ? `买${reward.buy}送${reward.get}` : `买${reward.buy}件，另${reward.get}件${zhe(reward.percent)}`;
  }
}

/** "再买 US$16.70 免运费（折后满 US$50.00）": the threshold, and 折后 when discounts come off before it is measured. */
export function unlockZh(unlock: Unlock): string {
  if (unlock.kind === 'add_items') return `再买 ${unlock.quantity} 件，${rewardZh(unlock.reward)}`;
  return `再买 ${money(unlock.amount, unlock.currency, 'zh-CN')} ${rewardZh(unlock.reward)}（${unlock.thresholdBase !== 'before_discounts' ? '折后' : ''}满 ${money(unlock.threshold, unlock.currency, 'zh-CN')}）`;
}

const ZH: Templates = {
  unknown_code: '优惠码 {code} 无效',
  disabled: '{label} 未启用',
  not_started: '{label} 将于 {date} 开始',
  expired: '{label} 已于 {date} 过期',
  currency: '{label} 仅适用于 {required} 订单',
  channel: '{label} 不适用于当前渠道',
  segment: '{label} 仅限指定会员',
  first_purchase: '{label} 仅限首单',
  usage_limit: '{label} 已被领完',
  customer_usage_limit: '您已使用过 {label}',
  no_items: '{label} 不适用于购物车中的商品',
  min_quantity: '{label} 需购买 {required} 件',
  min_subtotal: '{label} 需满 {money}',
  not_combinable: '{label} 不能与 {with} 同时使用',
  no_savings: '{label} 不会降低您的价格',
  better_deal: '已为您选择更优惠的组合，未使用 {label}',
};

/** Chinese sentence for a reason (describeReason gives the unlock sentence when there is one); names' money is in `currency`. */
export function describeZh(entry: Entry, currency?: string): string {
  return sentence(ZH, entry, 'zh-CN', entry.code ? `优惠码 ${entry.code}` : `「${promotionName(entry.name, 'zh-CN', currency)}」`, currency);
}
