import { isCouponCode } from '@cartlift/core/contract';
import { describe, expect, it } from 'vitest';
import { UNAMBIGUOUS_ALPHABET, codesCsv, uniqueCodes } from './unique-codes.js';

const all = (options: Parameters<typeof uniqueCodes>[0]) => [...uniqueCodes(options)].flat();

describe('unique single-use codes', () => {
  it('makes the count asked, all distinct, each the prefix then the length from the alphabet, in slices', () => {
    const slices = [...uniqueCodes({ count: 12_000, prefix: 'spring-' }, 5000)];
    expect(slices.map((slice) => slice.length)).toEqual([5000, 5000, 2000]);
    const codes = slices.flat();
    expect(new Set(codes).size).toBe(12_000);
    for (const code of codes.slice(0, 500)) {
      expect(code).toMatch(new RegExp(`^SPRING-[${UNAMBIGUOUS_ALPHABET}]{10}$`));
      expect(isCouponCode(code)).toBe(true);
    }
  });

  it('has no look-alike characters in its default alphabet', () => {
    for (const lookAlike of '0O1IL5S2Z8B') expect(UNAMBIGUOUS_ALPHABET).not.toContain(lookAlike);
  });

  it('refuses a batch it cannot make well, naming the field', () => {
    expect(() => all({ count: 100_001 })).toThrow(/^count must be a whole number from 1 to 100,000; received 100001\.$/);
    expect(() => all({ count: 10, length: 4 })).toThrow(/^length must be a whole number from 6 to 64/);
    expect(() => all({ count: 10, prefix: 'SPRING 2027' })).toThrow(/^prefix must be letters, digits/);
    expect(() => all({ count: 10, alphabet: 'AB' })).toThrow(/^alphabet must be at least 16 different/);
    expect(() => all({ count: 100_000, length: 6, alphabet: 'ABCDEFGHJKMNPQRT' })).toThrow(/^length must be long enough for 100000 codes/);
  });

  it('exports CSV with a header row', () => {
    expect(
      codesCsv([
        { code: 'SPRING-ACDE34', status: 'unused' },
        { code: 'SPRING-FGHJ67', status: 'redeemed', order: 'pi_123' },
      ]),
    ).toBe('code,status,order\r\nSPRING-ACDE34,unused,\r\nSPRING-FGHJ67,redeemed,pi_123\r\n');
  });
});
