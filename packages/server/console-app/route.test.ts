import { describe, expect, it } from 'vitest';
import { promotionHref, routeOf } from './route.js';
import { pickLocale, translator } from './text.js';

describe('console routes', () => {
  it('reads every screen from the hash, and anything else as the list', () => {
    expect(routeOf('')).toEqual({ page: 'promotions' });
    expect(routeOf('#/promotions/new')).toEqual({ page: 'new-promotion' });
    expect(routeOf(promotionHref('spring.2027'))).toEqual({ page: 'edit-promotion', id: 'spring.2027' });
    expect(routeOf(promotionHref('spring', 'codes'))).toEqual({ page: 'codes', id: 'spring' });
    expect(routeOf('#/audit')).toEqual({ page: 'audit' });
    expect(routeOf('#/funnel')).toEqual({ page: 'funnel' });
    expect(routeOf('#/reviews')).toEqual({ page: 'reviews' });
    expect(routeOf('#/reviews/invitations')).toEqual({ page: 'review-invitations' });
    expect(routeOf('#/nope/%E0%A4%A')).toEqual({ page: 'promotions' });
  });
});

describe('console words', () => {
  it('fills placeholders, in both languages', () => {
    expect(translator('en')('published', { version: 3 })).toBe('Published version 3. Shops use it within 2 seconds.');
    expect(translator('zh-CN')('published', { version: 3 })).toBe('已发布版本 3，2 秒内各店铺生效。');
  });

  it('starts in the chosen language, else the browser first Chinese or English', () => {
    expect(pickLocale('en', ['zh-CN'])).toBe('en');
    expect(pickLocale(null, ['fr', 'zh-TW', 'en'])).toBe('zh-CN');
    expect(pickLocale('de', ['fr'])).toBe('en');
  });
});
