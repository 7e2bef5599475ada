import { expect, it } from 'vitest';
import { cacheControl } from './static-files.js';

it('keeps hashed chunks for good and revalidates everything else', () => {
  expect(cacheControl('/chunks/checkout-BEqzTJmw.js')).toBe('public, max-age=31536000, immutable');
  expect(cacheControl('/chunks/payment-CanVs-rw.js')).toBe('public, max-age=31536000, immutable');
  expect(cacheControl('/cartlift.js')).toBe('no-cache');
  expect(cacheControl('/cartlift-boot.js')).toBe('no-cache');
  expect(cacheControl('/index.html')).toBe('no-cache');
});
