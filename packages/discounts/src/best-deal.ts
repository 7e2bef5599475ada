import { conflicts } from './combine.js';
import type { Cand, Ctx } from './context.js';
import { type Priced, price } from './price.js';
import { boundaryBetween } from './rules/threshold.js';

/**
 * Most contested promotions the exact search takes on (2^10 = 1,024
 * combinations at worst). Beyond it the greedy heuristic runs instead.
 */
export const EXACT_CAP = 10;

export interface Search {
  mode: 'exact' | 'heuristic';
  chosen: Cand[];
  considered: number;
  runnerUp?: { combo: Cand[]; savings: number };
}

interface Scored {
  pick: number[];
  savings: number;
}

/** Most savings, then fewest promotions, then the earliest in precedence. */
function better(a: Scored, b: Scored): boolean {
  let d = b.savings - a.savings || a.pick.length - b.pick.length;
  for (let i = 0; !d && i < a.pick.length; i++) d = a.pick[i]! - b.pick[i]!;
  return d < 0;
}

/**
 * A candidate is "forced" when it conflicts with no other and cannot move any
 * threshold across a boundary: adding it then never lowers the savings, so
 * only the others ("contested") need searching.
 */
function split(cands: Cand[], clash: boolean[][], ctx: Ctx, alone: number[]): { forced: number[]; contested: number[] } {
  // Lowest possible bases: gross minus everything earlier stages could take off.
  let product = 0;
  let order = 0;
  cands.forEach((c, i) => {
    if (c.stage === 0) product += alone[i]!;
    if (c.stage === 1) order += alone[i]!;
  });
  const unstable = cands.filter((c) => {
    if (c.c.base === 'before_discounts') return false;
    const cut = c.c.base === 'after_order_discounts' && c.stage > 1 ? product + order : product;
    return boundaryBetween(c.c.p, Math.max(0, ctx.grossTotal - cut), ctx.grossTotal);
  });
  const forced: number[] = [];
  const contested: number[] = [];
  cands.forEach((c, i) => {
    const harmful = unstable.some((t) => t.stage > c.stage && (c.stage === 0 || t.c.base === 'after_order_discounts'));
    (clash[i]!.some(Boolean) || harmful ? contested : forced).push(i);
  });
  return { forced, contested };
}

/**
 * Chooses the combination of compatible candidates that saves the most.
 * Exact over every compatible subset of the contested candidates up to
 * EXACT_CAP; beyond it, greedy twice — contested candidates in order of what
 * each saves alone, then in order of fewest conflicts — each kept only if
 * compatible and it raises the total; the better pass wins. Candidates arrive
 * sorted by stage, then precedence.
 */
export function searchBestDeal(ctx: Ctx, cands: Cand[]): Search {
  const clash = cands.map((a, i) => cands.map((b, j) => i !== j && conflicts(a, b)));
  const alone = cands.map((c) => price(ctx, [c]).savings);
  const { forced, contested } = split(cands, clash, ctx, alone);
  let considered = 0;
  const score = (extra: number[]): Scored => {
    considered++;
    const pick = [...forced, ...extra].sort((a, b) => a - b);
    return {
      pick,
      savings: price(
        ctx,
        pick.map((i) => cands[i]!),
      ).savings,
    };
  };
  const ok = (i: number, chosen: number[]) => chosen.every((j) => !clash[i]![j]);
  const toCands = (s: Scored) => s.pick.map((i) => cands[i]!);

  if (contested.length <= EXACT_CAP) {
    let best: Scored | undefined;
    let second: Scored | undefined;
    const visit = (k: number, chosen: number[]) => {
      if (k === contested.length) {
        const s = score(chosen);
        if (!best || better(s, best)) [second, best] = [best, s];
        else if (!second || better(s, second)) second = s;
        return;
      }
      const i = contested[k]!;
      if (ok(i, chosen)) visit(k + 1, [...chosen, i]);
      visit(k + 1, chosen);
    };
    visit(0, []);
    return {
      mode: 'exact',
      chosen: toCands(best!),
      considered,
      ...(second && { runnerUp: { combo: toCands(second), savings: second.savings } }),
    };
  }
  const greedy = (order: number[]) => {
    const chosen: number[] = [];
    let top = score(chosen);
    for (const i of order) {
      const s = ok(i, chosen) && score([...chosen, i]);
      if (s && s.savings > top.savings) chosen.push(i), (top = s);
    }
    return top;
  };
  // Two passes, the better kept: by what each saves alone, and (over the 2 × cap
  // best, to bound the cost) by fewest conflicts first, so one big exclusive
  // deal can't shut out a larger stack.
  const degree = (i: number) => clash[i]!.filter(Boolean).length;
  const bySavings = [...contested].sort((a, b) => alone[b]! - alone[a]! || a - b);
  const first = greedy(bySavings);
  const other = greedy(bySavings.slice(0, 2 * EXACT_CAP).sort((a, b) => degree(a) - degree(b)));
  const best = better(other, first) ? other : first;
  return { mode: 'heuristic', chosen: toCands(best), considered };
}

export type { Priced };
