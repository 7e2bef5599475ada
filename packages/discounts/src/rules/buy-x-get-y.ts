import { spread, sum, unitsOf } from '../allocate-lines.js';
import type { Ctx } from '../context.js';
import type { Compiled } from '../promotion-index.js';
import { percentOf } from '../rounding.js';
import { matches } from '../selector.js';
import type { BuyXGetYRule } from '../types.js';
import type { Outcome } from './outcome.js';

/** Reward units taken from the cheapest get-lines first: [line, units][]. */
function cheapest(ctx: Ctx, getLines: number[], units: number): [number, number][] {
  const sorted = [...getLines].sort((a, b) => ctx.lines[a]!.unitPrice - ctx.lines[b]!.unitPrice || a - b);
  const out: [number, number][] = [];
  for (const l of sorted) {
    if (units <= 0) break;
    const take = Math.min(units, ctx.lines[l]!.quantity);
    if (take > 0) out.push([l, take]);
    units -= take;
  }
  return out;
}

/**
 * Buy X get Y: the most applications `k` (up to maxApplications) such that the
 * k*Y cheapest reward units leave k*X buy units. Rewards are `get.percent` (100
 * = free) off their unit price, rounded once, split over the reward lines.
 */
export function buyXGetY(r: BuyXGetYRule, c: Compiled, ctx: Ctx, lines: number[], rem: number[]): Outcome {
  const buyLines = lines.filter((l) => matches(c.sel, ctx.lines[l]!));
  const getLines = lines.filter((l) => matches(c.getSel, ctx.lines[l]!));
  const buyUnits = unitsOf(ctx.lines, buyLines);
  const getUnits = unitsOf(ctx.lines, getLines);
  const X = r.buy.quantity;
  const Y = r.get.quantity;
  const fits = (k: number) => {
    const inBuy = cheapest(ctx, getLines, k * Y).reduce((s, [l, u]) => s + (buyLines.includes(l) ? u : 0), 0);
    return buyUnits - inBuy >= k * X;
  };
  // fits() only gets harder as k grows, so binary search the largest k.
  let lo = 0;
  let hi = Math.min(r.maxApplications ?? Infinity, Math.floor(buyUnits / X), Math.floor(getUnits / Y));
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  if (lo === 0) {
    const same = !(r.get.skus?.length || r.get.tags?.length);
    const missing = same ? X + Y - buyUnits : buyUnits < X ? X - buyUnits : Y - getUnits;
    return { fail: { kind: 'items', required: buyUnits + Math.max(1, missing), current: buyUnits, tier: 0 } };
  }
  const rewards = cheapest(ctx, getLines, lo * Y);
  const caps = rewards.map(([l, u]) => Math.min(rem[l]!, u * ctx.lines[l]!.unitPrice));
  const base = rewards.reduce((s, [l, u]) => s + u * ctx.lines[l]!.unitPrice, 0);
  const capTotal = sum(caps);
  const d = Math.min(percentOf(base, c.bp), capTotal);
  const rl = rewards.map(([l]) => l);
  return { lines: rl, amounts: capTotal === 0 ? rl.map(() => 0) : spread(rem, rl, d, caps) };
}
