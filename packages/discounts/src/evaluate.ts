import { normalizeCode } from '@cartlift/core';
import { sum, sumOf } from './allocate-lines.js';
import { EXACT_CAP, type Search, searchBestDeal } from './best-deal.js';
import { CLASSES, conflicts } from './combine.js';
import { buildContext, type Candidate, type EvaluationContext } from './context.js';
import { type Refusal, refusal, refusalFromShortfall, refuse } from './eligibility.js';
import { type Priced, price } from './price.js';
import { addToList, type CompiledPromotion, indexPromotions } from './promotion-index.js';
import { nextStep } from './rules/threshold.js';
import { matches } from './selector.js';
import type { Applied, BestDeal, EvaluateInput, EvaluateResult, LineResult, NotApplied, Unlock, UsageLimitFact } from './types.js';

/** Evaluation order: product, order, shipping; precedence within a class. */
const byStage = (a: Candidate, b: Candidate) => a.stage_ - b.stage_ || a.promotion_.rank_ - b.promotion_.rank_;

/**
 * Every promotion that could touch this cart, with the lines it looks at. An
 * entered code that matches no promotion goes to `notApplied`.
 */
function promotionsInReach(context: EvaluationContext, notApplied: NotApplied[]): Map<CompiledPromotion, number[]> {
  const index = indexPromotions(context.input_.promotions);
  const reach = new Map<CompiledPromotion, number[]>();
  context.lines_.forEach((line, position) => {
    for (const promotion of index.bySku_.get(line.sku) ?? []) addToList(reach, promotion, position);
    for (const tag of line.tags ?? []) for (const promotion of index.byTag_.get(tag) ?? []) addToList(reach, promotion, position);
  });
  if (context.lines_.length) for (const promotion of index.everyLine_) reach.set(promotion, context.everyLine_);
  const codes = new Set((context.input_.codes ?? []).map(normalizeCode).filter(Boolean));
  for (const code of codes) {
    const promotions = index.byCode_.get(code);
    if (!promotions) notApplied.push({ promotionId: null, code, reason: { code: 'unknown_code', params: { code } } });
    else for (const promotion of promotions) reach.set(promotion, context.everyLine_);
  }
  narrowToScope(reach, context);
  return reach;
}

/**
 * Code promotions were found for the whole cart and buy-x-get-y through its
 * buy lines: both keep the lines in their scope (buy-x-get-y its reward lines
 * too). Order and shipping promotions look at every line, whichever found them.
 */
function narrowToScope(reach: Map<CompiledPromotion, number[]>, context: EvaluationContext): void {
  for (const [promotion, lines] of reach) {
    const buyXGetY = promotion.definition_.rule.type === 'buy_x_get_y';
    if (promotion.code_ || buyXGetY) {
      const inScope = (position: number) => {
        const line = context.lines_[position]!;
        return matches(promotion.scope_, line) || (buyXGetY && matches(promotion.rewardScope_, line));
      };
      reach.set(promotion, context.everyLine_.filter(inScope));
    } else if (promotion.class_ !== 'product' && lines !== context.everyLine_) reach.set(promotion, context.everyLine_);
  }
}

/** The promotions in reach as candidates, in precedence order. */
function candidatesOf(context: EvaluationContext, reach: Map<CompiledPromotion, number[]>): Candidate[] {
  const candidates: Candidate[] = [];
  for (const [promotion, lines] of reach) {
    const gross = promotion.class_ === 'product' ? sumOf(context.grossByLine_, lines) : context.grossTotal_;
    candidates.push({ promotion_: promotion, lines_: lines, gross_: gross, stage_: CLASSES.indexOf(promotion.class_) });
  }
  return candidates.sort((a, b) => a.promotion_.rank_ - b.promotion_.rank_);
}

/**
 * The static checks' verdicts: candidates that may apply, those whose
 * threshold is not met even alone (their reason is worked out against the
 * chosen deal), and the refusals to report.
 */
function screen(candidates: Candidate[], context: EvaluationContext): [eligible: Candidate[], belowThreshold: Candidate[], refusals: Map<Candidate, Refusal>] {
  const eligible: Candidate[] = [];
  const belowThreshold: Candidate[] = [];
  const refusals = new Map<Candidate, Refusal>();
  for (const candidate of candidates) {
    const refusal = refuse(candidate, context);
    if (!refusal) eligible.push(candidate);
    else if (refusal.belowThreshold_) belowThreshold.push(candidate);
    // An automatic promotion outside its schedule is not news; an entered code is.
    else if (!refusal.offSchedule_ || candidate.promotion_.code_) refusals.set(candidate, refusal);
  }
  return [eligible, belowThreshold, refusals];
}

/** Id, name, `fields`, then code and unlock when present: the shape applied and notApplied entries share. */
function entryFor<T>(promotion: CompiledPromotion, fields: T, unlock?: Unlock) {
  const code = promotion.definition_.code;
  return { promotionId: promotion.id_, name: promotion.definition_.name, ...fields, ...(code && { code }), ...(unlock && { unlock }) };
}

/** The chosen candidates that take something off (`kept`), and their applied entries with the next tier's unlock. */
function appliedOf(search: Search, final: Priced, context: EvaluationContext): [applied: Applied[], kept: Candidate[]] {
  const applied: Applied[] = [];
  const kept: Candidate[] = [];
  search.chosen_.forEach((candidate, position) => {
    const amount = final.amounts_[position]!;
    if (amount === 0) return;
    kept.push(candidate);
    const promotion = candidate.promotion_;
    const next = nextStep(promotion.definition_, final.bases_[position]!);
    applied.push(entryFor(promotion, { class: promotion.class_, amount }, next && refusalFromShortfall(promotion, context, next).unlock_));
  });
  return [applied, kept];
}

/**
 * Why a candidate is not in the chosen deal (`kept`): it clashes with a kept
 * promotion, or added to the deal its threshold fails, it saves nothing, or
 * the deal without it is better. A candidate below its threshold even alone
 * names no clash: its threshold is the reason.
 */
function whyLeftOut(candidate: Candidate, kept: Candidate[], context: EvaluationContext, belowThreshold: boolean): Refusal {
  const rival = belowThreshold ? undefined : kept.find((chosen) => conflicts(chosen, candidate));
  if (rival) {
    const definition = rival.promotion_.definition_;
    return refusal('not_combinable', { withId: rival.promotion_.id_, withName: definition.name, ...(definition.code && { withCode: definition.code }) });
  }
  const combination = [...kept, candidate].sort(byStage);
  const trial = price(context, combination);
  const position = combination.indexOf(candidate);
  const shortfall = trial.shortfalls_[position];
  if (shortfall) return refusalFromShortfall(candidate.promotion_, context, shortfall);
  if (trial.amounts_[position] === 0) return refusal('no_savings');
  return refusal('better_deal', { chosen: kept.map((chosen) => chosen.promotion_.id_) });
}

/** One result line per input line, in input order, with what each promotion took off it. */
function lineResults(context: EvaluationContext, final: Priced): LineResult[] {
  const lines: LineResult[] = new Array(context.lines_.length);
  context.lines_.forEach((line, position) => {
    const subtotal = context.grossByLine_[position]!;
    const total = final.remaining_[position]!;
    const variant = line.variant;
    lines[context.inputPositions_[position]!] = {
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      subtotal,
      discount: subtotal - total,
      total,
      allocations: final.allocations_![position]!,
      ...(variant !== undefined && { variant }),
    };
  });
  return lines;
}

/** The limits and usage of each applied promotion that has limits, for the server to reserve. */
function usageLimitFacts(kept: Candidate[], input: EvaluateInput): UsageLimitFact[] {
  const facts: UsageLimitFact[] = [];
  for (const { promotion_: promotion } of kept) {
    const limits = promotion.definition_.limits;
    if (limits?.total === undefined && limits?.perCustomer === undefined) continue;
    const usage = input.usage?.[promotion.id_];
    facts.push({ promotionId: promotion.id_, ...limits, used: usage?.used ?? 0, usedByCustomer: usage?.usedByCustomer ?? 0 });
  }
  return facts;
}

function bestDealOf(search: Search, candidates: string[], applied: Applied[], savings: number): BestDeal {
  const runnerUp = search.runnerUp_;
  return {
    mode: search.mode_,
    cap: EXACT_CAP,
    candidates,
    chosen: applied.map((entry) => entry.promotionId),
    considered: search.considered_,
    savings,
    ...(runnerUp && { runnerUp: { promotionIds: runnerUp.combination_.map((candidate) => candidate.promotion_.id_), savings: runnerUp.savings_ } }),
  };
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
  const context = buildContext(input);
  const notApplied: NotApplied[] = [];
  const candidates = candidatesOf(context, promotionsInReach(context, notApplied));
  const [eligible, belowThreshold, refusals] = screen(candidates, context);
  const eligibleIds = eligible.map((candidate) => candidate.promotion_.id_); // precedence order, before the stage sort
  eligible.sort(byStage);
  const search = searchBestDeal(context, eligible);
  const final = price(context, search.chosen_, true);
  const [applied, kept] = appliedOf(search, final, context);
  for (const candidate of eligible) if (!kept.includes(candidate)) refusals.set(candidate, whyLeftOut(candidate, kept, context, false));
  for (const candidate of belowThreshold) refusals.set(candidate, whyLeftOut(candidate, kept, context, true));
  for (const candidate of candidates) {
    const refusal = refusals.get(candidate);
    if (refusal) notApplied.push(entryFor(candidate.promotion_, { reason: refusal.reason_ }, refusal.unlock_));
  }
  const discountTotal = context.grossTotal_ - sum(final.remaining_);
  const shippingDiscount = context.shipping_ - final.shippingLeft_;
  return {
    currency: context.currency_,
    lines: lineResults(context, final),
    subtotal: context.grossTotal_,
    discountTotal,
    shipping: context.shipping_,
    shippingDiscount,
    shippingTotal: final.shippingLeft_,
    total: context.grossTotal_ - discountTotal + final.shippingLeft_,
    applied,
    notApplied,
    bestDeal: bestDealOf(search, eligibleIds, applied, discountTotal + shippingDiscount),
    usageLimits: usageLimitFacts(kept, input),
  };
}
