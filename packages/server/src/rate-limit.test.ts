import { expect, test } from 'vitest';
import { createRateLimiter } from './rate-limit';

test('a key over its limit waits until its window ends', () => {
  const limiter = createRateLimiter(60_000);
  const keys = [{ key: 'ip:1', limit: 2 }];
  limiter.hit(['ip:1'], 0);
  expect(limiter.retryAfter(keys, 1000)).toBe(0);
  limiter.hit(['ip:1'], 1000);
  expect(limiter.retryAfter(keys, 30_000)).toBe(30);
  expect(limiter.retryAfter(keys, 60_000)).toBe(0);
  expect(limiter.retryAfter([{ key: 'ip:2', limit: 2 }], 30_000)).toBe(0);
});
