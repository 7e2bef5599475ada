import { describe, expect, it } from 'vitest';
import { skippedSentence } from './link-notice.js';

describe('what a cart link could not add, in words', () => {
  const skipped = [
    { part: 'NOPE-1:1', reason: 'unknown_sku' as const },
    { part: 'CUP-CELADON:0', reason: 'invalid' as const },
    { part: 'SET-GIFT:1', reason: 'too_many_lines' as const },
  ];
  it('lists each part with its reason in English', () => {
    expect(skippedSentence(skipped, 'en')).toBe(
      'Not added from the link: NOPE-1:1 (not sold here), CUP-CELADON:0 (not a valid item or quantity), SET-GIFT:1 (the cart is full).',
    );
  });
  it('and in Simplified Chinese', () => {
    expect(skippedSentence(skipped, 'zh-CN')).toBe(
      '链接中以下商品未加入购物车：NOPE-1:1（本店未售）、CUP-CELADON:0（商品或数量无效）、SET-GIFT:1（购物车已满）。',
    );
  });
});
