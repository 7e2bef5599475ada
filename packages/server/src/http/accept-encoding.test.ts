import { expect, it } from 'vitest';
import { chooseEncoding } from './accept-encoding.js';

it('prefers br, then gzip, else identity', () => {
  expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
  expect(chooseEncoding('gzip, deflate')).toBe('gzip');
  expect(chooseEncoding('deflate')).toBe('identity');
  expect(chooseEncoding('')).toBe('identity');
  expect(chooseEncoding(null)).toBe('identity');
});

it('follows q-values: q=0 refuses a coding, a higher q wins, * stands for the codings not named', () => {
  expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
  expect(chooseEncoding('BR; Q=0, GZIP;q=0.000')).toBe('identity');
  expect(chooseEncoding('br;q=0.5, gzip;q=0.9')).toBe('gzip');
  expect(chooseEncoding('br;q=0.9, gzip;q=0.9')).toBe('br');
  expect(chooseEncoding('*')).toBe('br');
  expect(chooseEncoding('br;q=0, *')).toBe('gzip');
  expect(chooseEncoding('*;q=0, identity')).toBe('identity');
  expect(chooseEncoding('gzip;q=1, *;q=0')).toBe('gzip');
});

it('leaves out entries whose q is malformed', () => {
  expect(chooseEncoding('br;q=2, gzip')).toBe('gzip');
  expect(chooseEncoding('br;q=abc')).toBe('identity');
  expect(chooseEncoding('br;q=0.0001, gzip;q=0.001')).toBe('gzip');
});
