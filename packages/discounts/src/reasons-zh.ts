import { formatMoney } from '@cartlift/core';
import { promotionName } from './names';
import type { Entry } from './reasons-en';
import type { Reason, Reward, Unlock } from './types';

const money = (amount: number | undefined, currency: string | undefined) => formatMoney({ amount: amount ?? 0, currency: currency ?? 'CNY' }, 'zh-CN');

/** 10% off is 9折, 15% off 8.5折. */
const zhe = (percent: number) => `${(10000 - Math.round(percent * 100)) / 1000}折`;

/** Reward in Chinese: "立减 ¥30.00", "享9折", "免运费", "买2送1". */
export function rewardZh(r: Reward): string {
  switch (r.kind) {
    case 'amount_off':
      return `立减 ${money(r.amount, r.currency)}`;
    case 'percent_off':
      return r.percent === 100 ? '免费' : `享${zhe(r.percent)}`;
    case 'free_shipping':
      return '免运费';
    default:
      return r.percent === 100 ? `买${r.buy}送${r.get}` : `买${r.buy}件，另${r.get}件${zhe(r.percent)}`;
  }
}

/** "再买 ¥20.00 立减 ¥30.00" */
export function unlockZh(u: Unlock): string {
  return u.kind === 'spend_more' ? `再买 ${money(u.amount, u.currency)} ${rewardZh(u.reward)}` : `再买 ${u.quantity} 件，${rewardZh(u.reward)}`;
}

const SENTENCES: Record<Reason['code'], (label: string, p: Reason['params']) => string> = {
  unknown_code: (_, p) => `优惠码 ${p.code} 无效。`,
  disabled: (l) => `${l} 未启用。`,
  not_started: (l, p) => `${l} 将于 ${p.date} 开始。`,
  expired: (l, p) => `${l} 已于 ${p.date} 过期。`,
  currency: (l, p) => `${l} 仅适用于 ${String(p.required)} 订单。`,
  channel: (l) => `${l} 不适用于当前渠道。`,
  segment: (l) => `${l} 仅限指定会员。`,
  first_purchase: (l) => `${l} 仅限首单。`,
  usage_limit: (l) => `${l} 已被领完。`,
  customer_usage_limit: (l) => `您已使用过 ${l}。`,
  no_items: (l) => `${l} 不适用于购物车中的商品。`,
  min_quantity: (l, p) => `${l} 需购买 ${p.required} 件。`,
  min_subtotal: (l, p) => `${l} 需满 ${money(p.required as number, p.currency)}。`,
  not_combinable: (l, p) => `${l} 不能与 ${p.withCode ?? promotionName(p.withName, 'zh-CN')} 同时使用。`,
  no_savings: (l) => `${l} 不会降低您的价格。`,
  better_deal: (l) => `已为您选择更优惠的组合，未使用 ${l}。`,
};

/** Chinese sentence for a reason (the unlock sentence when there is one). */
export function describeZh(e: Entry): string {
  if (e.unlock) return unlockZh(e.unlock);
  const label = e.code ? `优惠码 ${e.code}` : `「${promotionName(e.name, 'zh-CN')}」`;
  return SENTENCES[e.reason.code](label, e.reason.params);
}
