import { describe, expect, test } from 'vitest';
import { chooseTopics, reviewTopics, topicCandidates } from './topics.js';

describe('topic candidates', () => {
  test('English: content words and adjacent pairs; stop words, numbers and punctuation break a pair', () => {
    expect(topicCandidates('Runs small, nice gift-box. The lid is 2 loose')).toEqual([
      'runs',
      'small',
      'runs small',
      'nice',
      'gift',
      'nice gift',
      'box',
      'gift box',
      'lid',
      'loose',
    ]);
  });

  // ICU's dictionary cuts 回甘 into 回|甘, so it is no candidate here: topics are what the segmenter finds.
  test('Chinese: segmented words of two or more characters, stop words out', () => {
    expect(topicCandidates('龙井茶香气很浓，回甘很好，包装精美')).toEqual(['龙井', '香气', '包装', '精美']);
    expect(topicCandidates('我们觉得这个东西非常好')).toEqual([]);
  });

  test('each candidate once per review', () => {
    expect(topicCandidates('Great aroma. great aroma! GREAT AROMA')).toEqual(['great', 'aroma', 'great aroma']);
  });
});

describe('choosing topics', () => {
  test('most mentioned first, at least two reviews, phrases before words on a tie, at most max', () => {
    const counts = [
      { topic: 'aroma', reviews: 4 },
      { topic: 'gift box', reviews: 4 },
      { topic: '香气', reviews: 9 },
      { topic: 'lid', reviews: 1 },
      { topic: 'box', reviews: 6 },
      { topic: 'gift', reviews: 5 },
    ];
    expect(chooseTopics(counts)).toEqual(['香气', 'box', 'gift', 'gift box', 'aroma']);
    expect(chooseTopics(counts, { max: 2 })).toEqual(['香气', 'box']);
    expect(chooseTopics(counts, { minReviews: 5 })).toEqual(['香气', 'box', 'gift']);
  });

  test('a word as often mentioned as a chosen phrase holding it is dropped', () => {
    expect(
      chooseTopics([
        { topic: 'runs small', reviews: 5 },
        { topic: 'small', reviews: 5 },
        { topic: 'runs', reviews: 7 },
      ]),
    ).toEqual(['runs', 'runs small']);
  });

  test("a review's topics are the chosen ones it mentions, in code-point order", () => {
    expect(reviewTopics('香气很浓, runs small', ['runs small', '香气', 'lid'])).toEqual(['runs small', '香气']);
  });
});
