import { sum } from './allocate-lines.js';
import type { Cand, Ctx } from './context.js';
import { amountOff } from './rules/amount-off.js';
import { buyXGetY } from './rules/buy-x-get-y.js';
import { every } from './rules/every.js';
import type { Outcome } from './rules/outcome.js';
import { percentOff } from './rules/percent-off.js';
import { type Fail, reach } from './rules/threshold.js';
import { tiered } from './rules/tiered.js';
import type { Allocation } from './types.js';

/** One combination, priced. Arrays run parallel to the combination. */
export interface Priced {
  savings: number;
  amounts: number[];
  bases: number[];
  fails: (Fail | undefined)[];
  rem: number[];
  ship: number;
  allocs: Allocation[][] | undefined;
}

function outcome(cand: Cand, ctx: Ctx, rem: number[], ship: number, base: number): Outcome {
  const c = cand.c;
  const r = c.p.rule;
  const reached = reach(c.p, base);
  if (!reached.ok) return { fail: reached.fail };
  switch (r.type) {
    case 'percent_off':
      return percentOff(r, c.bp, cand.lines, rem, ship);
    case 'amount_off':
      return amountOff(r, ctx, cand.lines, rem, ship);
    case 'tiered':
      return tiered(r, reached.tier, cand.lines, rem);
    case 'every':
      return every(r, reached.n, cand.lines, rem);
    default:
      return buyXGetY(r, c, ctx, cand.lines, rem);
  }
}

/**
 * Applies a combination (sorted by class stage, then precedence): product
 * discounts, then order discounts, then shipping, each on what the earlier ones
 * left. Each threshold is read on its declared base, fixed before its stage.
 */
export function price(ctx: Ctx, combo: readonly Cand[], full = false): Priced {
  const rem = ctx.gross.slice();
  let ship = ctx.shipping;
  const allocs = full ? ctx.gross.map((): Allocation[] => []) : undefined;
  const amounts: number[] = [];
  const bases: number[] = [];
  const fails: (Fail | undefined)[] = [];
  let afterProduct = -1;
  let afterOrder = -1;
  const left = () => sum(rem);
  combo.forEach((cand) => {
    if (cand.stage > 0 && afterProduct < 0) afterProduct = left();
    if (cand.stage > 1 && afterOrder < 0) afterOrder = left();
    const kind = cand.c.base;
    const base =
      kind === 'before_discounts' ? cand.gross : kind === 'after_order_discounts' && cand.stage > 1 ? afterOrder : afterProduct < 0 ? cand.gross : afterProduct;
    const out = outcome(cand, ctx, rem, ship, base);
    let amount = 0;
    if ('fail' in out) fails.push(out.fail);
    else {
      fails.push(undefined);
      if ('shipping' in out) {
        amount = out.shipping;
        ship -= amount;
      } else {
        out.lines.forEach((l, k) => {
          const a = out.amounts[k]!;
          rem[l]! -= a;
          amount += a;
          if (allocs && a > 0) allocs[l]!.push({ promotionId: cand.c.id, amount: a });
        });
      }
    }
    amounts.push(amount);
    bases.push(base);
  });
  return { savings: sum(amounts), amounts, bases, fails, rem, ship, allocs };
}
