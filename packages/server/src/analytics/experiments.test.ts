import { describe, expect, test } from 'vitest';
// Tests may cross packages; the server's runtime code never imports analytics.
import * as browser from '@cartlift/analytics/experiments';
import { assignVariant, bucket, hash32 } from './experiments';

describe('server bucketing', () => {
  test('matches the documented test vectors', () => {
    expect(hash32('')).toBe(2872998923);
    expect(bucket('checkout-button', '00000000-0000-4000-8000-000000000000')).toBe(6933);
    expect(bucket('first-order-offer', '6f9619ff-8b86-4d01-b42d-00cf4fc964ff')).toBe(1579);
    expect(bucket('首单立减', 'user-1')).toBe(9132);
  });

  test('assigns the same bucket and variant as @cartlift/analytics/experiments for 10,000 ids', () => {
    const experiments: [string, string[], number[] | undefined][] = [
      ['checkout-button', ['control', 'one-click'], undefined],
      ['first-order-offer', ['none', '首单立减'], [90, 10]],
      ['三路', ['a', 'b', 'c'], [1, 0, 3]],
    ];
    let differences = 0;
    for (let i = 0; i < 10_000; i++) {
      const id = i % 2 ? crypto.randomUUID() : `user-${i}`;
      for (const [key, variants, weights] of experiments) {
        if (bucket(key, id) !== browser.bucket(key, id)) differences++;
        if (assignVariant(key, id, variants, weights) !== browser.assignVariant(key, id, variants, weights)) differences++;
      }
    }
    expect(differences).toBe(0);
  });

  test('refuses bad variants with a sentence', () => {
    expect(() => assignVariant('k', 'id', [])).toThrow(/needs non-empty variant names/);
    expect(() => assignVariant('k', 'id', ['a', 'b'], [0, 0])).toThrow(/not all 0/);
  });
});
