import { describe, expect, it } from 'vitest';
import { addedSentence } from './added.js';

describe('addedSentence', () => {
  it('names the product in English and in Chinese', () => {
    expect(addedSentence('en', 'Celadon tea cup')).toBe('Celadon tea cup added to cart.');
    expect(addedSentence('zh-CN', '青瓷茶杯')).toBe('已将青瓷茶杯加入购物车。');
  });

  it('says a whole sentence without a name, or with an empty one', () => {
    expect(addedSentence('en')).toBe('Item added to cart.');
    expect(addedSentence('zh-CN')).toBe('已将商品加入购物车。');
    expect(addedSentence('en', '')).toBe('Item added to cart.');
  });

  it('keeps a name as it is written: it is shown as text, never parsed', () => {
    expect(addedSentence('en', '<b>Tea</b>')).toBe('<b>Tea</b> added to cart.');
  });
});
