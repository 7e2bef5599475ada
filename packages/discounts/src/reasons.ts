import { describeEn, type Entry, rewardEn, unlockEn } from './reasons-en.js';
import { describeZh, rewardZh, unlockZh } from './reasons-zh.js';
import type { Reward, Unlock } from './types.js';

export type { Entry };
export type Locale = 'en' | 'zh-CN';

/**
 * Why a promotion did not apply, or what unlocks it, as a sentence in `locale`.
 * Takes a `notApplied` entry (its reason, unlock, name and code); `currency`
 * (the cart's) formats `{money:…}` placeholders in promotion names.
 *
 * @example
 * describeReason(result.notApplied[0], 'en', 'CNY')    // "Add CN¥20.00 more for CN¥30.00 off from CN¥200.00 after discounts."
 * describeReason(result.notApplied[0], 'zh-CN', 'CNY') // "再买 ¥20.00 立减 ¥30.00（折后满 ¥200.00）"
 */
export function describeReason(entry: Entry, locale?: Locale | string, currency?: string): string {
  if (entry.unlock) return describeUnlock(entry.unlock, locale);
  return locale === 'zh-CN' ? describeZh(entry, currency) : describeEn(entry, currency);
}

/**
 * The "spend X more" sentence for an unlock (e.g. an applied tier's next step):
 * what is missing, the threshold, and whether it is measured after discounts.
 *
 * @example
 * const unlock = { kind: 'spend_more', amount: 1670, currency: 'USD', reward: { kind: 'free_shipping' }, threshold: 5000, thresholdBase: 'after_order_discounts' } as const;
 * describeUnlock(unlock, 'en')    // "Add $16.70 more for free shipping from $50.00 after discounts."
 * describeUnlock(unlock, 'zh-CN') // "再买 US$16.70 免运费（折后满 US$50.00）"
 */
export function describeUnlock(unlock: Unlock, locale?: Locale | string): string {
  return locale === 'zh-CN' ? unlockZh(unlock) : unlockEn(unlock);
}

/**
 * A reward in words.
 *
 * @example
 * describeReward({ kind: 'percent_off', percent: 10 }, 'zh-CN') // "享9折"
 */
export function describeReward(reward: Reward, locale?: Locale | string): string {
  return locale === 'zh-CN' ? rewardZh(reward) : rewardEn(reward);
}
