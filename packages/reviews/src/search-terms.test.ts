import { describe, expect, test } from 'vitest';
import { matchesSearch, querySearchTerms, reviewSearchTerms } from './search-terms.js';

describe('search terms', () => {
  test('English: words, folded to lower case and NFKC', () => {
    expect(reviewSearchTerms("Runs SMALL, don't buy ＴＥＡ 3.5")).toEqual(['runs', 'small', "don't", 'buy', 'tea', '3.5']);
  });

  test('Chinese: every character and neighbouring pair, whatever the segmenter made of it', () => {
    expect(reviewSearchTerms('回甘很好')).toEqual(['回', '甘', '很', '好', '回甘', '甘很', '很好']);
    expect(querySearchTerms('回甘很')).toEqual(['回甘', '甘很']);
    expect(querySearchTerms('茶')).toEqual(['茶']);
  });

  test('mixed text: spaced words and Chinese grams both', () => {
    expect(reviewSearchTerms('A型 5星')).toEqual(['a', '5', '型', '星']);
  });

  test('operators, quotes and backslashes are not terms', () => {
    expect(querySearchTerms('"tea" & !cup:* | \\ \'')).toEqual(['tea', 'cup']);
    expect(querySearchTerms('%%% ***')).toEqual([]);
  });

  const TEXT = 'Runs small but the tea is 回甘很好，好喝极了. Worth 100% of the price';
  test.each([
    ['好喝', true],
    ['茶', false],
    ['甘', true],
    ['回甘很好', true],
    ['好喝极', true],
    ['runs small', true],
    ['RUNS', true],
    ['small tea', true],
    ['run', false],
    ['100%', true],
    ['0%', false],
    ['large', false],
    ['%', false],
  ])('%s matches: %s', (q, expected) => {
    expect(matchesSearch(TEXT, q)).toBe(expected);
  });
});
