import { describeEn, type Entry, rewardEn, unlockEn } from './reasons-en.js';
import { describeZh, rewardZh, unlockZh } from './reasons-zh.js';
import type { Reward, Unlock } from './types.js';

export type { Entry };
export type Locale = 'en' | 'zh-CN';

/**
 * Why a promotion did not apply, or what unlocks it, as a sentence in `locale`.
 * Takes a `notApplied` entry (its reason, unlock, name and code).
 *
 * @example
 * describeReason(result.notApplied[0], 'en')    // "Add ¥20.00 more for ¥30.00 off."
 * describeReason(result.notApplied[0], 'zh-CN') // "再买 ¥20.00 立减 ¥30.00"
 */
export function describeReason(entry: Entry, locale: Locale | string = 'en'): string {
  return locale === 'zh-CN' ? describeZh(entry) : describeEn(entry);
}

/**
 * The "spend X more" sentence for an unlock (e.g. an applied tier's next step).
 *
 * @example
 * describeUnlock({ kind: 'spend_more', amount: 2000, currency: 'CNY', reward: { kind: 'free_shipping' } }, 'zh-CN') // "再买 ¥20.00 免运费"
 */
export function describeUnlock(unlock: Unlock, locale: Locale | string = 'en'): string {
  return locale === 'zh-CN' ? unlockZh(unlock) : unlockEn(unlock);
}

/**
 * A reward in words.
 *
 * @example
 * describeReward({ kind: 'percent_off', percent: 10 }, 'zh-CN') // "享9折"
 */
export function describeReward(reward: Reward, locale: Locale | string = 'en'): string {
  return locale === 'zh-CN' ? rewardZh(reward) : rewardEn(reward);
}
