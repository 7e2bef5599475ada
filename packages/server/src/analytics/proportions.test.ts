import { describe, expect, test } from 'vitest';
import { differenceInterval, wilsonInterval } from './proportions.js';

// Reference values from Newcombe, "Interval estimation for the difference between
// independent proportions", Statistics in Medicine 17 (1998), tables I and II.
describe('wilsonInterval', () => {
  test.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i of %i is %f to %f', (successes, trials, low, high) => {
    const interval = wilsonInterval(successes, trials);
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  test('stays within 0 and 1 and says nothing (0 to 1) without trials', () => {
    expect(wilsonInterval(10, 10).high).toBeLessThanOrEqual(1);
    expect(wilsonInterval(10, 10).high).toBeCloseTo(1, 12);
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });
});

describe('differenceInterval (Newcombe method 10)', () => {
  test.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
  ])('%i/%i − %i/%i is %f to %f', (s1, n1, s2, n2, low, high) => {
    const interval = differenceInterval({ successes: s1, trials: n1 }, { successes: s2, trials: n2 });
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });
});
