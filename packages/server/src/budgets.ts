import type { Applied, EvaluateResult, Promotion, PromotionsConfig, UsageLimitFact } from '@cartlift/discounts';
import type { PromotionUsage } from './store/types.js';

// A budget (limits.budget) caps the discount money a promotion gives. The
// engine knows nothing of it (its size budget is spent), so the server prices
// a promotion whose budget can't cover this cart's discount as used up, the
// way it presents one that lost the race for its last redemption.

const budgetCache = new WeakMap<PromotionsConfig, Map<string, number>>();

/**
 * The budget of each promotion that has one, by id.
 *
 * @example
 * promotionBudgets(config).get('spring') // 500000
 */
export function promotionBudgets(config: PromotionsConfig): Map<string, number> {
  let budgets = budgetCache.get(config);
  if (!budgets) {
    budgets = new Map(config.promotions.flatMap((p) => (p.limits?.budget != null ? [[p.id, p.limits.budget] as const] : [])));
    budgetCache.set(config, budgets);
  }
  return budgets;
}

/** Promotions whose budget other checkouts have already spent to the last minor unit. */
export function spentBudgets(config: PromotionsConfig, usage: Record<string, PromotionUsage>): string[] {
  return [...promotionBudgets(config)].filter(([id, budget]) => (usage[id]?.discount ?? 0) >= budget).map(([id]) => id);
}

/**
 * Applied promotions whose discount in this cart is more than what is left
 * of their budget (the budget less what other checkouts hold or were given).
 *
 * @example
 * overBudget(config, usage, result.applied) // ['spring'] when 300 is left and the cart would get 480
 */
export function overBudget(config: PromotionsConfig, usage: Record<string, PromotionUsage>, applied: readonly Applied[]): string[] {
  const budgets = promotionBudgets(config);
  return applied
    .filter(({ promotionId, amount }) => {
      const budget = budgets.get(promotionId);
      return budget !== undefined && (usage[promotionId]?.discount ?? 0) + amount > budget;
    })
    .map(({ promotionId }) => promotionId);
}

// The engine refuses a promotion as used up only through its total or
// per-customer limit. A budgeted promotion without a total gets one, so it
// reads "fully redeemed" rather than "you have already used it"; so does one
// with no count limit at all. Its usage is marked at the maximum, so any
// total refuses it: 1 keeps the rewritten list the same whatever the usage.
const needsTotal = ({ limits }: Promotion): boolean => limits?.total === undefined && (limits?.budget !== undefined || limits?.perCustomer === undefined);

// Rewritten lists are kept per config so the engine's index of them (cached
// per list) is not rebuilt on every quote while a budget stays spent.
const rewrittenCache = new WeakMap<readonly Promotion[], Map<string, Promotion[]>>();
const REWRITTEN_KEPT = 32;

function withTotalLimits(promotions: readonly Promotion[], ids: readonly string[]): readonly Promotion[] {
  const needing = new Set(ids.filter((id) => promotions.some((p) => p.id === id && needsTotal(p))));
  if (needing.size === 0) return promotions;
  const key = [...needing].sort().join('\u0000');
  const kept = rewrittenCache.get(promotions) ?? new Map<string, Promotion[]>();
  rewrittenCache.set(promotions, kept);
  let rewritten = kept.get(key);
  if (!rewritten) {
    rewritten = promotions.map((p) => (needing.has(p.id) ? { ...p, limits: { ...p.limits, total: 1 } } : p));
    if (kept.size >= REWRITTEN_KEPT) kept.clear();
    kept.set(key, rewritten);
  }
  return rewritten;
}

/**
 * The engine's `promotions` and `usage` with `usedUp` promotions presented as
 * fully redeemed: lost a reservation race, or out of budget for this cart.
 *
 * @example
 * evaluate({ ...cart, ...asUsedUp(config, usage, ['spring']) })
 */
export function asUsedUp(
  config: PromotionsConfig,
  usage: Record<string, PromotionUsage>,
  usedUp: readonly string[],
): { promotions: readonly Promotion[]; usage: Record<string, PromotionUsage> } {
  if (usedUp.length === 0) return { promotions: config.promotions, usage };
  const promotions = withTotalLimits(config.promotions, usedUp);
  const marked = { ...usage };
  for (const id of usedUp)
    marked[id] = { ...marked[id], used: Number.MAX_SAFE_INTEGER, usedByCustomer: Number.MAX_SAFE_INTEGER, discount: marked[id]?.discount ?? 0 };
  return { promotions, usage: marked };
}

/**
 * The result without budgets in its `usageLimits` (the engine copies a
 * promotion's limits there): a quote goes to the browser, a budget never does.
 */
export function withoutBudgets(result: EvaluateResult): EvaluateResult {
  const facts: Array<UsageLimitFact & { budget?: number }> = result.usageLimits;
  if (!facts.some((fact) => 'budget' in fact)) return result;
  return { ...result, usageLimits: facts.map(({ budget: _budget, ...fact }) => fact) };
}
