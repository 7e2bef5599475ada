import { RATINGS, type RatingHistogram } from './model.js';

/** z for a two-sided 95% interval: both scores below are that interval's lower end. */
const Z = 1.959964;

/**
 * The "most helpful" sort key: the lower bound of the 95% Wilson score interval
 * for the share of voters who found a review helpful,
 *
 *     (p + z²/2n − z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n),   p = helpful / n, n = total votes
 *
 * Sorting by raw helpful votes rewards age: the first reviews collect votes
 * because they are shown first, and stay first because they have the votes.
 * The bound instead asks "at least what share of readers found it helpful,
 * with 95% confidence": 9 of 10 (0.60) ranks above 50 of 100 (0.40), and a
 * review nobody voted on scores 0, not an undeserved 100%. Where the shop only
 * asks "helpful?", `total` is the helpful votes, the share is 1 and the bound
 * n/(n+z²) grows with votes but flattens: 10 votes 0.72, 100 votes 0.96.
 *
 * @example
 * helpfulScore(0)       // 0
 * helpfulScore(1)       // 0.2065 (1 of 1)
 * helpfulScore(90, 100) // 0.8256
 */
export function helpfulScore(helpful: number, total = helpful): number {
  const n = Math.max(total, helpful, 0);
  if (n === 0) return 0;
  const p = Math.max(helpful, 0) / n;
  const z2 = Z * Z;
  return (p + z2 / (2 * n) - Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
}

/**
 * A product's ranking score from its star counts: the lower end of the 95%
 * credible interval of its mean rating, with one imagined review at each star
 * as the prior (a Dirichlet(1,1,1,1,1), after Evan Miller's "Ranking items
 * with star ratings"):
 *
 *     N = n + 5,  μ = Σ s·(n_s+1)/N,  σ² = (Σ s²·(n_s+1)/N − μ²) / (N+1),  score = μ − z·σ
 *
 * Sorting by the mean alone puts a product with two 5★ reviews above one with
 * 4.4★ from 200. A Bayesian average toward a prior mean would fix that too,
 * but needs a shop-wide mean and a weight to be chosen; this needs neither,
 * and also weighs agreement: the same mean from split 1★ and 5★ reviews ranks
 * below a steady one. The score is for ordering only; shoppers see the mean.
 *
 * @example
 * ratingRankingScore({ 1: 0, 2: 0, 3: 0, 4: 1, 5: 1 })     // 2.46 (4.5★ from 2)
 * ratingRankingScore({ 1: 0, 2: 0, 3: 20, 4: 80, 5: 100 }) // 4.27 (4.4★ from 200)
 * ratingRankingScore({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 })     // 1.87 (no reviews: the prior alone, below any well-liked product)
 */
export function ratingRankingScore(histogram: RatingHistogram): number {
  let n = 0;
  let sum = 0;
  let squares = 0;
  for (const star of RATINGS) {
    const count = Math.max(histogram[star] ?? 0, 0) + 1;
    n += count;
    sum += star * count;
    squares += star * star * count;
  }
  const mean = sum / n;
  const variance = (squares / n - mean * mean) / (n + 1);
  return mean - Z * Math.sqrt(variance);
}

/**
 * The mean rating of a histogram, 0 when it is empty.
 *
 * @example
 * averageRating({ 1: 0, 2: 0, 3: 20, 4: 80, 5: 100 }) // 4.4
 */
export function averageRating(histogram: RatingHistogram): number {
  let n = 0;
  let sum = 0;
  for (const star of RATINGS) {
    n += histogram[star] ?? 0;
    sum += star * (histogram[star] ?? 0);
  }
  return n === 0 ? 0 : sum / n;
}
