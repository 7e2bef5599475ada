import { describe, expect, it } from 'vitest';
import type { RatingHistogram } from './model.js';
import { averageRating, helpfulScore, ratingRankingScore } from './rank.js';

const histogram = (counts: Partial<RatingHistogram>): RatingHistogram => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, ...counts });

describe('helpfulScore: the Wilson lower bound', () => {
  it('has the known values', () => {
    expect(helpfulScore(0)).toBe(0);
    expect(helpfulScore(0, 0)).toBe(0);
    expect(helpfulScore(1)).toBeCloseTo(0.2065, 4);
    expect(helpfulScore(1, 1)).toBeCloseTo(0.2065, 4);
    expect(helpfulScore(10, 10)).toBeCloseTo(0.7225, 4);
    expect(helpfulScore(90, 100)).toBeCloseTo(0.8256, 4);
    expect(helpfulScore(0, 10)).toBe(0);
  });

  it('ranks a high share of few votes above a low share of many', () => {
    expect(helpfulScore(9, 10)).toBeGreaterThan(helpfulScore(50, 100));
    expect(helpfulScore(90, 100)).toBeGreaterThan(helpfulScore(9, 10));
  });

  it('never goes outside 0 to 1, and never rewards a total below the helpful votes', () => {
    for (const [h, t] of [
      [5, 2],
      [-1, 3],
      [1000, 1000],
    ] as const) {
      const score = helpfulScore(h, t);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
    expect(helpfulScore(5, 2)).toBe(helpfulScore(5, 5));
  });
});

describe('ratingRankingScore', () => {
  it('ranks 4.5★ from 2 reviews below 4.4★ from 200', () => {
    const few = histogram({ 4: 1, 5: 1 });
    const many = histogram({ 3: 20, 4: 80, 5: 100 });
    expect(averageRating(few)).toBe(4.5);
    expect(averageRating(many)).toBeCloseTo(4.4, 10);
    expect(ratingRankingScore(few)).toBeCloseTo(2.46, 2);
    expect(ratingRankingScore(many)).toBeCloseTo(4.27, 2);
    expect(ratingRankingScore(few)).toBeLessThan(ratingRankingScore(many));
  });

  it('ranks two 5★ reviews below forty 4.8★ ones, and a product without reviews below both', () => {
    const two = ratingRankingScore(histogram({ 5: 2 }));
    const forty = ratingRankingScore(histogram({ 4: 8, 5: 32 }));
    expect(two).toBeLessThan(forty);
    expect(ratingRankingScore(histogram({}))).toBeCloseTo(1.87, 2);
    expect(ratingRankingScore(histogram({}))).toBeLessThan(two);
  });

  it('ranks a split mean below a steady one of the same size', () => {
    expect(ratingRankingScore(histogram({ 1: 100, 5: 100 }))).toBeLessThan(ratingRankingScore(histogram({ 3: 200 })));
  });

  it('rises with more of the same reviews and stays below the mean', () => {
    let last = 0;
    for (const n of [1, 10, 100, 1000]) {
      const h = histogram({ 4: n, 5: n });
      const score = ratingRankingScore(h);
      expect(score).toBeGreaterThan(last);
      expect(score).toBeLessThan(averageRating(h));
      last = score;
    }
  });

  it('averages to 0 with no reviews', () => {
    expect(averageRating(histogram({}))).toBe(0);
  });
});
