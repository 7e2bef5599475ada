import { formatMoney } from '@cartlift/core';
import { type EvaluateResult, describeReason } from '@cartlift/discounts';
import type { Locale } from './i18n.js';

const FIRST_ORDER_USED = { en: 'Your first-order discount was used on an earlier order.', 'zh-CN': '您的首单优惠已在之前的订单中使用。' };
const NEW_TOTAL = {
  en: (total: string) => `The total is now ${total}. Nothing was charged; press Pay to confirm the new total.`,
  'zh-CN': (total: string) => `合计已变为 ${total}，未扣款。请点击支付确认新的金额。`,
};

/**
 * Why the server's price at payment differs from what the shopper was shown,
 * and the new total, as sentences: each promotion that no longer applies
 * with the engine's reason ("Your first-order discount was used on an
 * earlier order."), then the total to confirm.
 *
 * @example
 * priceChangeSentence(shownQuote, error.quote, 'en') // "Your first-order discount was used on an earlier order. The total is now $24.00. …"
 */
export function priceChangeSentence(shown: EvaluateResult | undefined, now: EvaluateResult, locale: Locale): string {
  const still = new Set(now.applied.map((entry) => entry.promotionId));
  const lost = (shown?.applied ?? []).filter((entry) => !still.has(entry.promotionId));
  const reasons = lost.flatMap((entry) => {
    const why = now.notApplied.find((missing) => missing.promotionId === entry.promotionId);
    if (!why) return [];
    return [why.reason.code === 'first_purchase' ? FIRST_ORDER_USED[locale] : describeReason(why, locale, now.currency)];
  });
  return [...new Set(reasons), NEW_TOTAL[locale](formatMoney({ amount: now.total, currency: now.currency }, locale))].join(' ');
}
