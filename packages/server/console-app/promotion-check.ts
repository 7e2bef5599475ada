import type { PromotionsConfig } from '@cartlift/core/contract';
import { promotionsConfigProblems } from '@cartlift/discounts/schema';
import type { ConsolePromotion, FieldProblem } from './promotion-form.js';

/** The draft with the edited promotion in place, and every problem the engine's schema finds in it. */
export interface PromotionCheck {
  config: PromotionsConfig;
  /** Problems of the edited promotion, at paths relative to it ("rule.amount"). */
  problems: FieldProblem[];
}

/**
 * Puts `promotion` into the draft (over `editingId`, or at the end when new)
 * and checks the whole file with the engine's own schema, so the sentences
 * are the ones the server would answer and a promotion that clashes with
 * another (a code used twice) is caught too.
 *
 * @example
 * checkPromotion(draft, promotion, 'spring').problems // [{ field: 'rule.percent', message: 'rule.percent must be at most 100; received 120' }]
 */
export function checkPromotion(draft: PromotionsConfig, promotion: ConsolePromotion, editingId: string | null): PromotionCheck {
  const index = editingId === null ? -1 : draft.promotions.findIndex((existing) => existing.id === editingId);
  const promotions = [...draft.promotions];
  const at = index === -1 ? promotions.length : index;
  promotions[at] = promotion;
  const config = { ...draft, promotions };
  const own = `promotions[${at}]`;
  const problems = promotionsConfigProblems(config).map(({ field, message }) => ({
    field: field === own ? '' : field.startsWith(`${own}.`) ? field.slice(own.length + 1) : field,
    message,
  }));
  return { config, problems };
}
