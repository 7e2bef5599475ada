/**
 * Word segmentation shared by search and topics: NFKC (full-width letters and
 * digits become ASCII), lower case, then `Intl.Segmenter`'s words. One
 * Chinese-locale segmenter serves every language: its word rules are Unicode's
 * for Latin text, plus a dictionary for Chinese.
 */
let segmenter: Intl.Segmenter | undefined;

/** Han, Hiragana and Katakana: scripts written without spaces between words. */
export const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;
const HAS_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** One piece of text: a word (`word: true`), or what lies between words (spaces, punctuation). */
export interface TextSegment {
  readonly text: string;
  readonly word: boolean;
}

/**
 * Text folded for matching: NFKC, then lower case (the same on every runtime).
 *
 * @example
 * foldText('ＴＥＡ Cup') // "tea cup"
 */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * The folded text's segments in order. Created lazily so importing costs nothing.
 *
 * @example
 * textSegments('Runs small，好喝').filter((s) => s.word).map((s) => s.text) // ["runs", "small", "好喝"]
 */
export function textSegments(text: string): TextSegment[] {
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
  return [...segmenter.segment(foldText(text))].map((s) => ({ text: s.segment, word: s.isWordLike === true }));
}

/**
 * Whether a word is written in a script without spaces (Chinese, Japanese kana).
 *
 * @example
 * isCjk('好喝') // true
 */
export function isCjk(word: string): boolean {
  return HAS_CJK.test(word);
}
