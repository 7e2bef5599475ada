import { describe, expect, it } from 'vitest';
import { backoffDelay, retryAfterMs } from './backoff.js';

describe('backoff schedule', () => {
  it('doubles the ceiling per attempt up to the cap, with full jitter below it', () => {
    const top = () => 0.999999;
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, 1000, 30_000, top))).toEqual([999, 1999, 3999, 7999, 15999, 29999, 29999]);
    expect([0, 1, 5, 9].map((n) => backoffDelay(n, 1000, 30_000, () => 0))).toEqual([0, 0, 0, 0]);
    for (let i = 0; i < 1000; i++) {
      const d = backoffDelay(3, 1000, 30_000);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(8000);
    }
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(null)).toBe(0);
    expect(retryAfterMs('soon')).toBe(0);
    expect(retryAfterMs('-3')).toBe(0);
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(retryAfterMs('Tue, 01 Jan 2030 00:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('999999')).toBe(3_600_000);
  });
});
