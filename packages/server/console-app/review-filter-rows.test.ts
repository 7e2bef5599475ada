import { describe, expect, it } from 'vitest';
import { compareReviewFilters } from '../src/analytics/review-filter-comparison.js';
import { reviewFilterRowTexts } from './review-filter-rows.js';
import { translator } from './text.js';

const comparison = compareReviewFilters([
  { filtered: true, furthest: 7, shoppers: 56 },
  { filtered: true, furthest: 1, shoppers: 14 },
  { filtered: false, furthest: 7, shoppers: 48 },
  { filtered: false, furthest: 1, shoppers: 32 },
]);

describe("the console's reviews-filter table", () => {
  it('says each rate, the difference in points with its interval, and the reading, in English', () => {
    expect(reviewFilterRowTexts(comparison, 'en', translator('en'))[2]).toEqual({
      rate: 'Purchase conversion',
      filtered: '80% (56)',
      unfiltered: '60% (48)',
      difference: '+20.0 points (5.2 to 33.4)',
      verdict: 'Higher among those who filtered',
    });
  });

  it('in Chinese, and with dashes while there is not enough data', () => {
    expect(reviewFilterRowTexts(comparison, 'zh-CN', translator('zh-CN'))[0]).toMatchObject({
      rate: '加购率',
      difference: '+20.0 个百分点（5.2 至 33.4）',
      verdict: '使用筛选者更高',
    });
    const small = compareReviewFilters([{ filtered: true, furthest: 2, shoppers: 3 }]);
    expect(reviewFilterRowTexts(small, 'zh-CN', translator('zh-CN'))[0]).toEqual({
      rate: '加购率',
      filtered: '100% (3)',
      unfiltered: '—',
      difference: '—',
      verdict: '数据不足',
    });
  });
});
