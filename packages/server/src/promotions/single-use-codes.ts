import { normalizeCode } from '@cartlift/core';
import type { NotApplied, Promotion, PromotionsConfig } from '@cartlift/discounts';
import type { SingleUseCode, Store } from '../store/types.js';

/** What the engine is given for one cart once its single-use codes are matched. */
export interface SingleUseMatch {
  /** The promotions to evaluate: a uniqueCodes promotion carries the cart's code for it as its `code`, or is left out. */
  promotions: Promotion[];
  /** The cart's codes, minus the single-use ones refused here. */
  codes: string[];
  /** Single-use codes that can't be used now, as the engine reports a used-up code. */
  refused: NotApplied[];
}

/** True when `code` may be used by this checkout: unused, or already held by it. */
function usable(row: SingleUseCode, checkoutId: string | undefined, lost: readonly string[]): boolean {
  if (lost.includes(row.code)) return false;
  return row.status === 'unused' || (row.status === 'held' && checkoutId !== undefined && row.checkoutId === checkoutId);
}

/** A code redeemed or held elsewhere reads "Code X has been fully redeemed.", as a promotion at its limit does. */
function usedUp(promotion: Promotion, code: string): NotApplied {
  return { promotionId: promotion.id, name: promotion.name, code, reason: { code: 'usage_limit', params: { code } } };
}

/** A second code for a promotion that already has one in the cart: the promotion applies once. */
function secondCode(promotion: Promotion, code: string, first: string): NotApplied {
  return {
    promotionId: promotion.id,
    name: promotion.name,
    code,
    reason: { code: 'not_combinable', params: { code, withId: promotion.id, withName: promotion.name, withCode: first } },
  };
}

/**
 * Maps a cart's codes onto the uniqueCodes promotions before pricing, so the
 * engine (which knows only one `code` per promotion) stays as it is: each
 * promotion whose single-use code is in the cart and usable is evaluated as a
 * copy whose `code` is that code; the others are left out, so they never apply
 * on their own. A code redeemed, or held by another open checkout (or lost
 * to one in `lost`), is refused with the engine's `usage_limit` reason.
 *
 * @example
 * const match = await matchSingleUseCodes(store, config, ['MAIL-ACDE3479QT'], { checkoutId: 'co_1' });
 * evaluate({ ...input, promotions: match.promotions, codes: match.codes }); // then add match.refused to notApplied
 */
export async function matchSingleUseCodes(
  store: Store,
  config: PromotionsConfig,
  cartCodes: readonly string[],
  { checkoutId, lost = [] }: { checkoutId?: string | undefined; lost?: readonly string[] } = {},
): Promise<SingleUseMatch> {
  const singleUse = new Map(config.promotions.filter((promotion) => promotion.uniqueCodes).map((promotion) => [promotion.id, promotion]));
  if (singleUse.size === 0) return { promotions: config.promotions, codes: [...cartCodes], refused: [] };
  const wanted = [...new Set(cartCodes.map(normalizeCode).filter(Boolean))];
  const stored = new Map((await store.findCodes(wanted)).map((row) => [row.code, row]));
  const chosen = new Map<string, string>();
  const refused: NotApplied[] = [];
  for (const code of wanted) {
    const row = stored.get(code);
    const promotion = row && singleUse.get(row.promotionId);
    // Not a single-use code of a promotion in force: the engine answers for it as for any code.
    if (!row || !promotion) continue;
    const first = chosen.get(promotion.id);
    if (!usable(row, checkoutId, lost)) refused.push(usedUp(promotion, code));
    else if (first) refused.push(secondCode(promotion, code, first));
    else chosen.set(promotion.id, code);
  }
  const promotions = config.promotions.flatMap((promotion) => {
    if (!promotion.uniqueCodes) return [promotion];
    const code = chosen.get(promotion.id);
    return code ? [{ ...promotion, code }] : [];
  });
  const refusedCodes = new Set(refused.map((entry) => entry.code));
  return { promotions, codes: cartCodes.filter((code) => !refusedCodes.has(normalizeCode(code))), refused };
}

/**
 * The single-use codes a priced cart applied: what its checkout must hold.
 *
 * @example
 * appliedSingleUseCodes(config, result.applied) // ['MAIL-ACDE3479QT']
 */
export function appliedSingleUseCodes(config: PromotionsConfig, applied: readonly { promotionId: string; code?: string }[]): string[] {
  const singleUse = new Set(config.promotions.filter((promotion) => promotion.uniqueCodes).map((promotion) => promotion.id));
  return applied.flatMap(({ promotionId, code }) => (singleUse.has(promotionId) && code ? [code] : []));
}
