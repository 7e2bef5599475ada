import type { Promotion } from '../types.js';

/** A threshold not met: `required` of spend (or items) against `current`; `tier` names the reward to unlock. */
export interface Fail {
  kind: 'spend' | 'items';
  required: number;
  current: number;
  tier: number;
}

export type Reached = { ok: true; tier: number; n: number } | { ok: false; fail: Fail };

/**
 * Checks a promotion's spend thresholds (minSubtotal, tiers, "every") against
 * `base`. The base never includes the promotion's own discount, so applying it
 * cannot push the cart back under its own threshold.
 */
export function reach(p: Promotion, base: number): Reached {
  const min = p.conditions?.minSubtotal;
  if (min !== undefined && base < min) return { ok: false, fail: { kind: 'spend', required: min, current: base, tier: 0 } };
  const r = p.rule;
  if (r.type === 'tiered') {
    let tier = -1;
    r.tiers.forEach((t, i) => {
      if (t.spend <= base) tier = i;
    });
    if (tier < 0) return { ok: false, fail: { kind: 'spend', required: r.tiers[0]!.spend, current: base, tier: 0 } };
    return { ok: true, tier, n: 1 };
  }
  if (r.type === 'every') {
    const n = Math.floor(base / r.every);
    if (n === 0) return { ok: false, fail: { kind: 'spend', required: r.every, current: base, tier: 0 } };
    return { ok: true, tier: 0, n };
  }
  return { ok: true, tier: 0, n: 1 };
}

/** The next tier (or next multiple of an "every" rule) above `base`, if any is left to reach. */
export function nextStep(p: Promotion, base: number): Fail | undefined {
  const reached = reach(p, base);
  if (!reached.ok) return undefined;
  const r = p.rule;
  if (r.type === 'tiered') {
    const next = r.tiers[reached.tier + 1];
    return next && { kind: 'spend', required: next.spend, current: base, tier: reached.tier + 1 };
  }
  if (r.type === 'every' && (r.maxDiscount === undefined || (reached.n + 1) * r.amount <= r.maxDiscount)) {
    return { kind: 'spend', required: (reached.n + 1) * r.every, current: base, tier: 0 };
  }
  return undefined;
}

/**
 * True when `base` values `lo` and `hi` can give different threshold outcomes
 * (a boundary lies in (lo, hi]), so discounts before this promotion matter.
 */
export function boundaryBetween(p: Promotion, lo: number, hi: number): boolean {
  const inside = (b: number) => lo < b && b <= hi;
  const r = p.rule;
  if (p.conditions?.minSubtotal !== undefined && inside(p.conditions.minSubtotal)) return true;
  if (r.type === 'tiered') return r.tiers.some((t) => inside(t.spend));
  if (r.type === 'every') return Math.floor(lo / r.every) !== Math.floor(hi / r.every);
  return false;
}
