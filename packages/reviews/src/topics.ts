import { CHINESE_STOP_WORDS, ENGLISH_STOP_WORDS } from './stop-words.js';
import { isCjk, textSegments } from './text-segments.js';

/**
 * Review topics: the words and phrases a product's reviews keep mentioning
 * ("runs small", 香气), which a shopper can filter by. Each review yields its
 * candidates here; the server counts them over the product's published reviews
 * and `chooseTopics` keeps the most mentioned.
 */

/** An English content word: letters (an inner ' or - allowed), at least three, not a stop word. */
function englishContent(word: string): boolean {
  return word.length >= 3 && /^\p{L}[\p{L}'-]*$/u.test(word) && !ENGLISH_STOP_WORDS.has(word);
}

/**
 * The topics one review's text could count towards, each once: Chinese words of
 * two or more characters (as `Intl.Segmenter` cuts them), English content words,
 * and pairs of English content words written next to each other (a stop word,
 * number or punctuation between two words breaks the pair; a space or hyphen doesn't).
 *
 * @example
 * topicCandidates('Runs small, nice gift box. 香气很浓') // ["runs", "small", "runs small", "nice", "gift", "nice gift", "box", "gift box", "香气"]
 */
export function topicCandidates(text: string): string[] {
  const found = new Set<string>();
  let previous: string | undefined;
  for (const segment of textSegments(text)) {
    if (!segment.word) {
      if (!/^[\s-]+$/u.test(segment.text)) previous = undefined;
      continue;
    }
    const word = segment.text;
    if (isCjk(word)) {
      if ([...word].length >= 2 && !CHINESE_STOP_WORDS.has(word)) found.add(word);
      previous = undefined;
    } else if (englishContent(word)) {
      found.add(word);
      if (previous) found.add(`${previous} ${word}`);
      previous = word;
    } else {
      previous = undefined;
    }
  }
  return [...found];
}

/** A candidate topic and how many of a product's published reviews mention it. */
export interface TopicCount {
  readonly topic: string;
  readonly reviews: number;
}

/** Code-point order: the same on every runtime and database collation. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A product's topics from its candidates' counts: at least `minReviews`
 * reviews each, most mentioned first (phrases before words on a tie, then
 * code-point order), at most `max`. A word is dropped when a chosen phrase
 * holding it is mentioned by as many reviews: "small" says nothing "runs small"
 * doesn't.
 *
 * @example
 * chooseTopics([{ topic: 'runs small', reviews: 5 }, { topic: 'small', reviews: 5 }, { topic: '香气', reviews: 3 }, { topic: 'box', reviews: 1 }])
 * // ["runs small", "香气"]
 */
export function chooseTopics(counts: readonly TopicCount[], { max = 12, minReviews = 2 } = {}): string[] {
  const ranked = counts
    .filter((c) => c.reviews >= minReviews)
    .sort((a, b) => b.reviews - a.reviews || Number(b.topic.includes(' ')) - Number(a.topic.includes(' ')) || byCodePoint(a.topic, b.topic));
  const chosen: TopicCount[] = [];
  for (const candidate of ranked) {
    if (chosen.length >= max) break;
    const redundant = !candidate.topic.includes(' ') && chosen.some((c) => c.reviews === candidate.reviews && c.topic.split(' ').includes(candidate.topic));
    if (!redundant) chosen.push(candidate);
  }
  return chosen.map((c) => c.topic);
}

/**
 * The topics of `topics` a review's text mentions, in code-point order.
 *
 * @example
 * reviewTopics('Runs small', ['runs small', '香气']) // ["runs small"]
 */
export function reviewTopics(text: string, topics: readonly string[]): string[] {
  const candidates = new Set(topicCandidates(text));
  return topics.filter((topic) => candidates.has(topic)).sort(byCodePoint);
}
