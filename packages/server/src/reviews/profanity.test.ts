import { describe, expect, test } from 'vitest';
import { profanityHold } from './profanity.js';

describe('profanityHold', () => {
  test('clean English and Chinese pass, including words that merely contain a listed one', () => {
    expect(profanityHold(['Great tea, lovely aroma', 'Scunthorpe delivery was quick'])).toBeNull();
    expect(profanityHold(['回甘很好，好喝极了', '用来去死皮的工具也不错'])).toBeNull();
  });

  test('English profanity is held, also stretched, starred or in leetspeak; "assassin" and "cocktail" are not', () => {
    expect(profanityHold(['This is shit'])).toBe('profanity: en');
    expect(profanityHold(['', 'fuuuuck this seller'])).toBe('profanity: en');
    expect(profanityHold(['what the f*ck'])).toBe('profanity: en');
    expect(profanityHold(['sh1t tea'])).toBe('profanity: en');
    expect(profanityHold(['an assassin of a cocktail'])).toBeNull();
  });

  test('Chinese profanity is held after NFKC, with spaces or punctuation between the characters', () => {
    expect(profanityHold(['卖家是傻逼'])).toBe('profanity: zh-CN');
    expect(profanityHold(['傻 逼'])).toBe('profanity: zh-CN');
    expect(profanityHold(['傻.逼'])).toBe('profanity: zh-CN');
    expect(profanityHold(['傻Ｂ'])).toBe('profanity: zh-CN');
    expect(profanityHold(['草-泥-马'])).toBe('profanity: zh-CN');
  });
});
