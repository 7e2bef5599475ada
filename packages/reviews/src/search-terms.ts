import { CJK_RUN, foldText, isCjk, textSegments } from './text-segments.js';

/**
 * Search by terms, the same on every store: a review's text becomes a set of
 * terms here in TypeScript, the server stores them in an indexed array, and a
 * query matches the reviews holding all of its terms. Words of spaced scripts
 * (English…) are `Intl.Segmenter`'s words. Chinese is indexed by every
 * character and every pair of neighbouring characters: the segmenter may cut
 * "回甘很好" as 回|甘|很好, and a shopper searching 回甘 or 甘 must still find it.
 */

/** The CJK runs' characters and neighbouring pairs. */
function cjkGrams(text: string, singlesOfLongRuns: boolean): string[] {
  const grams: string[] = [];
  for (const run of foldText(text).match(CJK_RUN) ?? []) {
    const chars = [...run];
    if (chars.length === 1 || singlesOfLongRuns) grams.push(...chars);
    for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
  }
  return grams;
}

/** Words of spaced scripts, with any CJK characters cut out of them. */
function spacedWords(text: string): string[] {
  const words: string[] = [];
  for (const segment of textSegments(text)) {
    if (!segment.word) continue;
    if (!isCjk(segment.text)) words.push(segment.text);
    else
      words.push(
        ...segment.text
          .replace(CJK_RUN, ' ')
          .split(' ')
          .filter((part) => /[\p{L}\p{N}]/u.test(part)),
      );
  }
  return words;
}

/**
 * A review's search terms (title and body together), each once.
 *
 * @example
 * reviewSearchTerms('Runs small. 回甘') // ["runs", "small", "回", "甘", "回甘"]
 */
export function reviewSearchTerms(text: string): string[] {
  return [...new Set([...spacedWords(text), ...cjkGrams(text, true)])];
}

/**
 * A query's terms, each once: a review matches when it holds every one. A
 * Chinese run of two or more characters asks for its pairs (回甘很 → 回甘, 甘很),
 * one character asks for itself. No terms (only punctuation) matches nothing.
 *
 * @example
 * querySearchTerms('Small 好喝') // ["small", "好喝"]
 */
export function querySearchTerms(q: string): string[] {
  return [...new Set([...spacedWords(q), ...cjkGrams(q, false)])];
}

/**
 * Whether a review's text matches a query: the reference the stores follow.
 *
 * @example
 * matchesSearch('回甘很好，好喝极了', '好喝') // true
 */
export function matchesSearch(text: string, q: string): boolean {
  const terms = querySearchTerms(q);
  if (terms.length === 0) return false;
  const held = new Set(reviewSearchTerms(text));
  return terms.every((term) => held.has(term));
}
