import { normalizeCode } from '@cartlift/core';
import { sum, sumOf } from './allocate-lines.js';
import { EXACT_CAP, searchBestDeal } from './best-deal.js';
import { CLASSES, conflicts } from './combine.js';
import { type Cand, type Ctx, buildContext } from './context.js';
import { type Refusal, refuse, refusalFromFail } from './eligibility.js';
import { price } from './price.js';
import { type Compiled, indexPromotions, push } from './promotion-index.js';
import { nextStep } from './rules/threshold.js';
import { matches } from './selector.js';
import type { Applied, EvaluateInput, EvaluateResult, LineResult, NotApplied, Unlock, UsageLimitFact } from './types.js';

const byStage = (a: Cand, b: Cand) => a.stage - b.stage || a.c.rank - b.c.rank;

/** Every promotion that could touch this cart, with the lines it looks at. */
function gather(ctx: Ctx, notApplied: NotApplied[]): Map<Compiled, number[]> {
  const index = indexPromotions(ctx.input.promotions);
  const hits = new Map<Compiled, number[]>();
  ctx.lines.forEach((line, l) => {
    for (const c of index.bySku.get(line.sku) ?? []) push(hits, c, l);
    for (const tag of line.tags ?? []) for (const c of index.byTag.get(tag) ?? []) push(hits, c, l);
  });
  if (ctx.lines.length) for (const c of index.everyLine) hits.set(c, ctx.all);
  const codes = new Set((ctx.input.codes ?? []).map(normalizeCode).filter(Boolean));
  for (const code of codes) {
    const list = index.byCode.get(code);
    if (!list) {
      notApplied.push({ promotionId: null, code, reason: { code: 'unknown_code', params: { code } } });
    } else for (const c of list) hits.set(c, ctx.all);
  }
  // Scope by selector; buy-x-get-y also looks at its reward lines.
  for (const [c, lines] of hits) {
    const bxgy = c.p.rule.type === 'buy_x_get_y';
    if (c.code || bxgy) {
      hits.set(
        c,
        ctx.all.filter((l) => matches(c.sel, ctx.lines[l]!) || (bxgy && matches(c.getSel, ctx.lines[l]!))),
      );
    } else if (c.cls !== 'product' && lines !== ctx.all) hits.set(c, ctx.all);
  }
  return hits;
}

/** Id, name, `extra`, then code and unlock when present: the shape applied and notApplied entries share. */
function entry<T>(c: Compiled, extra: T, unlock?: Unlock) {
  return { promotionId: c.id, name: c.p.name, ...extra, ...(c.p.code && { code: c.p.code }), ...(unlock && { unlock }) };
}

/**
 * Prices a cart against a promotions config: checks every promotion that could
 * touch the cart, picks the combination that saves the most, splits each
 * discount over the lines by largest remainder and explains every promotion
 * that did not apply (machine-readable `reason` and `unlock`; `describeReason`
 * turns an entry into a sentence when one is shown, so the sentence builder is
 * not part of the engine). Pure: the same input always gives the same result.
 *
 * @example
 * const result = evaluate({
 *   currency: 'CNY',
 *   lines: [{ sku: 'TEA-01', quantity: 1, unitPrice: 17900 }],
 *   customer: { firstPurchase: true },
 *   now: Date.parse('2025-05-01T00:00:00Z'),
 *   promotions: config.promotions,
 * });
 * result.total;                  // 14900 with "首单立减 ¥30" applied
 * describeReason(result.notApplied[0]!); // "Add CN¥20.00 more for CN¥30.00 off."
 */
export function evaluate(input: EvaluateInput): EvaluateResult {
  const ctx = buildContext(input);
  const notApplied: NotApplied[] = [];
  const hits = gather(ctx, notApplied);
  const all: Cand[] = [];
  for (const [c, lines] of hits) {
    const gross = c.cls === 'product' ? sumOf(ctx.gross, lines) : ctx.grossTotal;
    all.push({ c, lines, gross, stage: CLASSES.indexOf(c.cls) });
  }
  all.sort((a, b) => a.c.rank - b.c.rank);
  const cands: Cand[] = [];
  const later: Cand[] = [];
  const refusals = new Map<Cand, Refusal>();
  for (const cand of all) {
    const r = refuse(cand, ctx);
    if (!r) cands.push(cand);
    else if (r.threshold) later.push(cand);
    else if (!r.offSchedule || cand.c.code) refusals.set(cand, r);
  }
  const candidates = cands.map((cand) => cand.c.id); // precedence order, before the stage sort
  cands.sort(byStage);
  const search = searchBestDeal(ctx, cands);
  const final = price(ctx, search.chosen, true);
  const applied: Applied[] = [];
  const kept: Cand[] = [];
  search.chosen.forEach((cand, k) => {
    const amount = final.amounts[k]!;
    if (amount === 0) return;
    kept.push(cand);
    const next = nextStep(cand.c.p, final.bases[k]!);
    applied.push(entry(cand.c, { class: cand.c.cls, amount }, next && refusalFromFail(cand.c, ctx, next).unlock));
  });
  // Why each other candidate is out, judged against the chosen deal.
  for (const cand of [...cands.filter((c) => !kept.includes(c)), ...later]) {
    const rival = later.includes(cand) ? undefined : kept.find((a) => conflicts(a, cand));
    if (rival) {
      const params = { withId: rival.c.id, withName: rival.c.p.name, ...(rival.c.p.code && { withCode: rival.c.p.code }) };
      refusals.set(cand, { reason: { code: 'not_combinable', params } });
      continue;
    }
    const combo = [...kept, cand].sort(byStage);
    const trial = price(ctx, combo);
    const k = combo.indexOf(cand);
    const fail = trial.fails[k];
    refusals.set(
      cand,
      fail
        ? refusalFromFail(cand.c, ctx, fail)
        : { reason: trial.amounts[k] === 0 ? { code: 'no_savings', params: {} } : { code: 'better_deal', params: { chosen: kept.map((a) => a.c.id) } } },
    );
  }
  for (const cand of all) {
    const r = refusals.get(cand);
    if (r) notApplied.push(entry(cand.c, { reason: r.reason }, r.unlock));
  }
  const lines: LineResult[] = new Array(ctx.lines.length);
  ctx.lines.forEach((line, l) => {
    const subtotal = ctx.gross[l]!;
    const total = final.rem[l]!;
    const variant = line.variant;
    lines[ctx.order[l]!] = {
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      subtotal,
      discount: subtotal - total,
      total,
      allocations: final.allocs![l]!,
      ...(variant !== undefined && { variant }),
    };
  });
  const usageLimits: UsageLimitFact[] = [];
  for (const cand of kept) {
    const limits = cand.c.p.limits;
    if (limits?.total === undefined && limits?.perCustomer === undefined) continue;
    const used = input.usage?.[cand.c.id];
    usageLimits.push({ promotionId: cand.c.id, ...limits, used: used?.used ?? 0, usedByCustomer: used?.usedByCustomer ?? 0 });
  }
  const discountTotal = ctx.grossTotal - sum(final.rem);
  const shippingDiscount = ctx.shipping - final.ship;
  const savings = discountTotal + shippingDiscount;
  return {
    currency: ctx.currency,
    lines,
    subtotal: ctx.grossTotal,
    discountTotal,
    shipping: ctx.shipping,
    shippingDiscount,
    shippingTotal: final.ship,
    total: ctx.grossTotal - discountTotal + final.ship,
    applied,
    notApplied,
    bestDeal: {
      mode: search.mode,
      cap: EXACT_CAP,
      candidates,
      chosen: applied.map((a) => a.promotionId),
      considered: search.considered,
      savings,
      ...(search.runnerUp && { runnerUp: { promotionIds: search.runnerUp.combo.map((c) => c.c.id), savings: search.runnerUp.savings } }),
    },
    usageLimits,
  };
}
