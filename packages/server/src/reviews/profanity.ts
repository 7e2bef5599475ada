import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';

/**
 * Chinese (zh-CN) terms that hold a review for a person. Curated small on
 * purpose: a hold costs a moderator a look, so only words that are abusive in
 * any context are listed (not 去死, which is also in 去死皮, "exfoliate").
 */
export const ZH_CN_PROFANITY: readonly string[] = [
  '傻逼',
  '傻b',
  '煞笔',
  '沙比',
  '操你',
  '草泥马',
  '肏',
  '他妈的',
  '你妈的',
  '妈逼',
  '尼玛',
  '卧槽',
  '贱人',
  '婊子',
  '狗日的',
  '王八蛋',
  '混蛋',
  '鸡巴',
  '屌你',
];

// obscenity's English set with its recommended transformers: leetspeak, confusable letters
// and stretched letters are undone before matching (letters spaced apart are not caught), and its whitelist keeps
// "Scunthorpe"-style words clean, which a hand-written word list gets wrong both ways.
const english = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

/**
 * The text as the Chinese list is matched against: NFKC (full-width letters
 * become ASCII), lower case, and without spaces, punctuation or symbols, so
 * "傻 逼", "傻.逼" and "傻Ｂ" all read "傻b".
 */
function compactChinese(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\s]+/gu, '');
}

/**
 * Why a review's text should wait for a person, or null: `"profanity: en"`
 * or `"profanity: zh-CN"`. Both lists are checked whatever the review's
 * language (shoppers mix them). A held review is not rejected; a moderator
 * decides.
 *
 * @example
 * profanityHold(['Great tea']) // null
 * profanityHold(['f u c k this']) // "profanity: en"
 * profanityHold(['傻 逼 卖家']) // "profanity: zh-CN"
 */
export function profanityHold(texts: readonly string[]): string | null {
  if (texts.some((text) => english.hasMatch(text))) return 'profanity: en';
  const compact = texts.map(compactChinese);
  if (compact.some((text) => ZH_CN_PROFANITY.some((term) => text.includes(term)))) return 'profanity: zh-CN';
  return null;
}
