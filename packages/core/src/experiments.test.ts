import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignVariant, bucket, BUCKETS, hash32 } from './experiments.js';

describe('bucketing', () => {
  it('is stable: the same key and id always give the same bucket and variant', () => {
    fc.assert(
      fc.property(fc.string(), fc.uuid(), (key, id) => {
        expect(bucket(key, id)).toBe(bucket(key, id));
        expect(bucket(key, id)).toBeGreaterThanOrEqual(0);
        expect(bucket(key, id)).toBeLessThan(BUCKETS);
        expect(assignVariant(key, id, ['a', 'b', 'c'])).toBe(assignVariant(key, id, ['a', 'b', 'c']));
      }),
    );
  });

  it('matches the documented algorithm (FNV-1a 32 over UTF-8, then fmix32) on fixed vectors', () => {
    // Vectors computed by an independent Python port of the algorithm in docs/analytics.md.
    expect(hash32('')).toBe(2872998923);
    expect(hash32('checkout-button:00000000-0000-4000-8000-000000000000')).toBe(2609826933);
    const vectors = [
      ['checkout-button', '00000000-0000-4000-8000-000000000000'],
      ['first-order-offer', '6f9619ff-8b86-4d01-b42d-00cf4fc964ff'],
      ['首单立减', 'user-1'],
    ] as const;
    expect(vectors.map(([k, id]) => bucket(k, id))).toEqual([6933, 1579, 9132]);
  });

  it.each([
    [['control', 'one-click'], undefined, [0.5, 0.5]],
    [
      ['none', '10-off'],
      [90, 10],
      [0.9, 0.1],
    ],
    [
      ['a', 'b', 'c'],
      [1, 1, 2],
      [0.25, 0.25, 0.5],
    ],
  ] as const)('spreads 100,000 ids within 1%% of each weight: %j %j', (variants, weights, shares) => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 100_000; i++) {
      const v = assignVariant('exp', crypto.randomUUID(), variants, weights);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    for (const [i, v] of variants.entries()) expect(Math.abs((counts.get(v) ?? 0) / 100_000 - shares[i]!)).toBeLessThan(0.01);
  });

  it('spreads sequential ids too (the finaliser mixes similar inputs)', () => {
    let b = 0;
    for (let i = 0; i < 100_000; i++) if (assignVariant('exp', `user-${i}`, ['a', 'b']) === 'b') b++;
    expect(Math.abs(b / 100_000 - 0.5)).toBeLessThan(0.01);
  });

  it('gives a zero-weight variant nobody', () => {
    for (let i = 0; i < 2000; i++) expect(assignVariant('exp', `id-${i}`, ['a', 'b'], [1, 0])).toBe('a');
  });

  it('refuses bad variants and weights with a sentence naming the experiment', () => {
    expect(() => assignVariant('exp', 'id', [])).toThrow(/experiment "exp" needs non-empty variant names/);
    expect(() => assignVariant('exp', 'id', ['a', 'b'], [1])).toThrow(/received \["a","b"\] and \[1\]|received/);
    expect(() => assignVariant('exp', 'id', ['a', 'b'], [0, 0])).toThrow(/not all 0/);
    expect(() => assignVariant('exp', 'id', ['a', 'b'], [0.5, 0.5])).toThrow(/whole weights/);
  });
});
