import { describe, expect, it } from 'vitest';
import { activeFilters, queryFromUrl, reviewsUrlSearch, toggleFilter } from './filters.js';
import type { ReviewQuery } from './model.js';

const BASE: ReviewQuery = { product: 'TEA', sort: 'helpful', limit: 10 };

describe('toggleFilter', () => {
  it('adds and removes stars, flags, variants, attribute answers, topics and the search, and drops the cursor', () => {
    let q = toggleFilter({ ...BASE, cursor: 'abc' }, 'rating', '1');
    expect(q).toEqual({ ...BASE, rating: [1] });
    q = toggleFilter(q, 'rating', '5');
    expect(q.rating).toEqual([1, 5]);
    q = toggleFilter(toggleFilter(q, 'media', 'true'), 'attr', 'size:runs_small');
    expect(q).toEqual({ ...BASE, rating: [1, 5], media: true, attr: { size: 'runs_small' } });
    q = toggleFilter(q, 'attr', 'size:true_to_size');
    expect(q.attr).toEqual({ size: 'true_to_size' });
    q = toggleFilter(toggleFilter(toggleFilter(q, 'topic', '香气'), 'q', '回甘'), 'variant', 'Spring');
    expect(activeFilters(q)).toEqual([
      { filter: 'rating', value: '1' },
      { filter: 'rating', value: '5' },
      { filter: 'media', value: 'true' },
      { filter: 'variant', value: 'Spring' },
      { filter: 'attr', value: 'size:true_to_size' },
      { filter: 'topic', value: '香气' },
      { filter: 'q', value: '回甘' },
    ]);
    for (const { filter, value } of activeFilters(q)) q = toggleFilter(q, filter, value);
    expect(q).toEqual(BASE);
  });
});

describe('the page URL', () => {
  it("keeps the shop's own parameters and reads back the same filters, prefixed", () => {
    const query: ReviewQuery = { ...BASE, rating: [1], media: true, q: '回甘 & more', sort: 'newest', cursor: 'abc' };
    const search = reviewsUrlSearch('?q=shop&reviews.topic=old', query);
    expect(search).toBe('?q=shop&reviews.rating=1&reviews.media=true&reviews.q=%E5%9B%9E%E7%94%98+%26+more&reviews.sort=newest');
    const { cursor: _, ...withoutCursor } = query;
    expect(queryFromUrl(search, 'TEA')).toEqual(withoutCursor);
    expect(reviewsUrlSearch(search, BASE)).toBe('?q=shop');
  });

  it('starts from no filters when a shared URL holds a bad value, and never reads the product from the URL', () => {
    expect(queryFromUrl('?reviews.rating=9', 'TEA')).toEqual(BASE);
    expect(queryFromUrl('?reviews.product=OTHER&reviews.media=true', 'TEA')).toEqual({ ...BASE, media: true });
  });
});
