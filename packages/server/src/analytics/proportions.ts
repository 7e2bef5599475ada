/** z for a two-sided 95% interval. */
const Z = 1.959964;

/** An interval of proportions, each from 0 to 1 (or −1 to 1 for a difference). */
export interface Interval {
  low: number;
  high: number;
}

/**
 * The 95% Wilson score interval for a proportion `successes / trials`. Unlike
 * the textbook p ± 1.96·√(p(1−p)/n), it stays inside 0…1 and keeps its 95%
 * coverage for the small counts and rates near 0 that a shop's funnel has
 * (0 of 10 gives 0 to 0.28, not 0 to 0).
 *
 * @example
 * wilsonInterval(0, 10)  // { low: 0, high: 0.2775 }
 * wilsonInterval(56, 70) // { low: 0.6915, high: 0.8759 }
 */
export function wilsonInterval(successes: number, trials: number): Interval {
  if (trials <= 0) return { low: 0, high: 1 };
  const p = successes / trials;
  const z2 = Z * Z;
  const scale = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / scale;
  const half = (Z / scale) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * The 95% interval for the difference of two proportions `a − b` by
 * Newcombe's hybrid score method (his method 10, Statistics in Medicine 1998),
 * built from each side's Wilson interval. The usual Wald interval is too
 * narrow for small groups and says nothing useful when a rate is 0; this one
 * keeps close to 95% coverage there. A difference is clear when the interval
 * leaves out 0.
 *
 * @example
 * differenceInterval({ successes: 56, trials: 70 }, { successes: 48, trials: 80 }) // { low: 0.0524, high: 0.3339 }
 */
export function differenceInterval(a: { successes: number; trials: number }, b: { successes: number; trials: number }): Interval {
  const p1 = a.successes / a.trials;
  const p2 = b.successes / b.trials;
  const one = wilsonInterval(a.successes, a.trials);
  const two = wilsonInterval(b.successes, b.trials);
  const difference = p1 - p2;
  return {
    low: difference - Math.sqrt((p1 - one.low) ** 2 + (two.high - p2) ** 2),
    high: difference + Math.sqrt((one.high - p1) ** 2 + (p2 - two.low) ** 2),
  };
}
