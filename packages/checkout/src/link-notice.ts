import type { CartLinkSkip } from '@cartlift/core';
import { type Locale, type Localized, pick } from './i18n.js';

/** A part of a cart link that was not added, as the server or this page judged it. */
export type Skipped = { part: string; reason: CartLinkSkip };

/** Why a part was skipped, in the shopper's words. Here, not in the drawer's strings: only landing pages need them. */
const skipText: Localized<Record<CartLinkSkip, string> & { intro: string }> = {
  en: { intro: 'Not added from the link:', invalid: 'not a valid item or quantity', unknown_sku: 'not sold here', too_many_lines: 'the cart is full' },
  'zh-CN': { intro: '链接中以下商品未加入购物车：', invalid: '商品或数量无效', unknown_sku: '本店未售', too_many_lines: '购物车已满' },
};

/**
 * What was skipped, as one sentence, such as
 * "Not added from the link: NOPE:1 (not sold here), CUP:0 (not a valid item or quantity)."
 *
 * @example
 * skippedSentence([{ part: 'NOPE:1', reason: 'unknown_sku' }], 'zh-CN') // "链接中以下商品未加入购物车：NOPE:1（本店未售）。"
 */
export function skippedSentence(skipped: readonly Skipped[], locale: Locale): string {
  const t = pick(skipText, locale);
  const list = skipped.map(({ part, reason }) => (locale === 'en' ? `${part} (${t[reason]})` : `${part}（${t[reason]}）`));
  return locale === 'en' ? `${t.intro} ${list.join(', ')}.` : `${t.intro}${list.join('、')}。`;
}
