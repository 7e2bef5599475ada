import { conflicts } from './combine.js';
import type { Candidate, EvaluationContext } from './context.js';
import { price } from './price.js';
import { boundaryBetween } from './rules/threshold.js';

/**
 * Most contested promotions the exact search takes on (2^10 = 1,024
 * combinations at worst). Beyond it the greedy heuristic runs instead.
 *
 * @example
 * if (result.bestDeal.mode === 'heuristic') console.log(`more than ${EXACT_CAP} promotions contested this cart`);
 */
export const EXACT_CAP = 10;

/** The chosen combination and how it was found. Internal: `_` properties are shortened by the build. */
export interface Search {
  mode_: 'exact' | 'heuristic';
  chosen_: Candidate[];
  /** Combinations priced. */
  considered_: number;
  runnerUp_?: { combination_: Candidate[]; savings_: number };
}

/** A combination as ascending positions in the candidate list, and what it saves. */
interface Scored {
  picks_: number[];
  savings_: number;
}

/** Most savings, then fewest promotions, then the earliest in precedence. */
function better(a: Scored, b: Scored): boolean {
  let difference = b.savings_ - a.savings_ || a.picks_.length - b.picks_.length;
  for (let i = 0; !difference && i < a.picks_.length; i++) difference = a.picks_[i]! - b.picks_[i]!;
  return difference < 0;
}

/**
 * A candidate is "forced" when it conflicts with no other and cannot move any
 * threshold across a boundary: adding it then never lowers the savings, so
 * only the others ("contested") need searching.
 */
function splitForced(
  candidates: Candidate[],
  clashes: boolean[][],
  context: EvaluationContext,
  savingsAlone: number[],
): [forced: number[], contested: number[]] {
  // Lowest possible bases: gross minus everything earlier stages could take off.
  let productCut = 0;
  let orderCut = 0;
  candidates.forEach((candidate, i) => {
    if (candidate.stage_ === 0) productCut += savingsAlone[i]!;
    if (candidate.stage_ === 1) orderCut += savingsAlone[i]!;
  });
  const gross = context.grossTotal_;
  const unstable = candidates.filter((candidate) => {
    const base = candidate.promotion_.thresholdBase_;
    if (base === 'before_discounts') return false;
    const cut = base === 'after_order_discounts' && candidate.stage_ > 1 ? productCut + orderCut : productCut;
    return boundaryBetween(candidate.promotion_.definition_, Math.max(0, gross - cut), gross);
  });
  const forced: number[] = [];
  const contested: number[] = [];
  candidates.forEach((candidate, i) => {
    // A later-stage threshold this candidate's discount could push under.
    const harmful = unstable.some(
      (threshold) => threshold.stage_ > candidate.stage_ && (candidate.stage_ === 0 || threshold.promotion_.thresholdBase_ === 'after_order_discounts'),
    );
    (clashes[i]!.some(Boolean) || harmful ? contested : forced).push(i);
  });
  return [forced, contested];
}

/** Prices the forced candidates plus `extra` (ascending positions in the candidate list). */
type Score = (extra: number[]) => Scored;
/** Whether candidate `i` conflicts with none of `chosen`. */
type Compatible = (i: number, chosen: number[]) => boolean;

/** Every compatible subset of the contested candidates: the best and the runner-up. */
function exhaustive(contested: number[], score: Score, compatible: Compatible): [best: Scored, second: Scored | undefined] {
  let best: Scored | undefined;
  let second: Scored | undefined;
  const visit = (k: number, chosen: number[]) => {
    if (k === contested.length) {
      const scored = score(chosen);
      if (!best || better(scored, best)) [second, best] = [best, scored];
      else if (!second || better(scored, second)) second = scored;
      return;
    }
    const i = contested[k]!;
    if (compatible(i, chosen)) visit(k + 1, [...chosen, i]);
    visit(k + 1, chosen);
  };
  visit(0, []);
  return [best!, second];
}

/**
 * Greedy twice, the better pass kept: by what each saves alone, and (over the
 * 2 × cap best, to bound the cost) by fewest conflicts first, so one big
 * exclusive deal can't shut out a larger stack.
 */
function heuristic(contested: number[], clashes: boolean[][], savingsAlone: number[], score: Score, compatible: Compatible): Scored {
  const greedy = (order: number[]) => {
    const chosen: number[] = [];
    let top = score(chosen);
    for (const i of order) {
      const scored = compatible(i, chosen) && score([...chosen, i]);
      if (scored && scored.savings_ > top.savings_) {
        chosen.push(i);
        top = scored;
      }
    }
    return top;
  };
  const conflictCount = (i: number) => clashes[i]!.filter(Boolean).length;
  const bySavings = [...contested].sort((a, b) => savingsAlone[b]! - savingsAlone[a]! || a - b);
  const first = greedy(bySavings);
  const other = greedy(bySavings.slice(0, 2 * EXACT_CAP).sort((a, b) => conflictCount(a) - conflictCount(b)));
  return better(other, first) ? other : first;
}

/**
 * Chooses the combination of compatible candidates that saves the most.
 * Exact over every compatible subset of the contested candidates up to
 * EXACT_CAP; beyond it, greedy twice — contested candidates in order of what
 * each saves alone, then in order of fewest conflicts — each kept only if
 * compatible and it raises the total; the better pass wins. Candidates arrive
 * sorted by stage, then precedence.
 */
export function searchBestDeal(context: EvaluationContext, candidates: Candidate[]): Search {
  const clashes = candidates.map((a, i) => candidates.map((b, j) => i !== j && conflicts(a, b)));
  const savingsAlone = candidates.map((candidate) => price(context, [candidate]).savings_);
  const [forced, contested] = splitForced(candidates, clashes, context, savingsAlone);
  const combinationOf = (picks: number[]) => picks.map((i) => candidates[i]!);
  let considered = 0;
  const score = (extra: number[]): Scored => {
    considered++;
    const picks = [...forced, ...extra].sort((a, b) => a - b);
    return { picks_: picks, savings_: price(context, combinationOf(picks)).savings_ };
  };
  const compatible = (i: number, chosen: number[]) => chosen.every((j) => !clashes[i]![j]);
  if (contested.length <= EXACT_CAP) {
    const [best, second] = exhaustive(contested, score, compatible);
    return {
      mode_: 'exact',
      chosen_: combinationOf(best.picks_),
      considered_: considered,
      ...(second && { runnerUp_: { combination_: combinationOf(second.picks_), savings_: second.savings_ } }),
    };
  }
  const best = heuristic(contested, clashes, savingsAlone, score, compatible);
  return { mode_: 'heuristic', chosen_: combinationOf(best.picks_), considered_: considered };
}
