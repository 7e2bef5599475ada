import { unitsOf } from './allocate-lines.js';
import type { Candidate, EvaluationContext } from './context.js';
import { price } from './price.js';
import type { CompiledPromotion } from './promotion-index.js';
import { rewardOf } from './reward.js';
import type { Shortfall } from './rules/threshold.js';
import type { Reason, Unlock } from './types.js';

/** Why a promotion does not apply. Internal: `_` properties are shortened by the build. */
export interface Refusal {
  reason_: Reason;
  unlock_?: Unlock;
  /** Outside its schedule: automatic promotions in this state are not reported. */
  offSchedule_?: boolean;
  /** Threshold not met even alone: the reason is worked out against the chosen deal. */
  belowThreshold_?: boolean;
}

/** A refusal for `code`; `offSchedule` marks one that only the schedule decides. */
export const refusal = (code: Reason['code'], params: Reason['params'] = {}, offSchedule?: true): Refusal => ({
  reason_: { code, params },
  offSchedule_: offSchedule,
});

/** Turns a threshold not met into a reason and the unlock that would meet it. */
export function refusalFromShortfall(promotion: CompiledPromotion, context: EvaluationContext, shortfall: Shortfall): Refusal {
  const required = shortfall.required_;
  const current = shortfall.current_;
  const currency = context.currency_;
  const reward = rewardOf(promotion.definition_, currency, shortfall.tier_);
  const missing = required - current;
  if (shortfall.kind_ === 'items') {
    return { reason_: { code: 'min_quantity', params: { required, current } }, unlock_: { kind: 'add_items', quantity: missing, reward } };
  }
  return {
    reason_: { code: 'min_subtotal', params: { required, current, currency } },
    unlock_: { kind: 'spend_more', amount: missing, currency, reward, threshold: required, thresholdBase: promotion.thresholdBase_ },
  };
}

/** What the promotion's own settings decide against this input: enabled, schedule, currency, channel, segment, first purchase, usage. */
function settingsRefusal(promotion: CompiledPromotion, context: EvaluationContext): Refusal | null {
  const definition = promotion.definition_;
  const input = context.input_;
  const conditions = definition.conditions ?? {};
  if (definition.enabled === false) return refusal('disabled');
  const timeZone = definition.timeZone;
  if (input.now < promotion.startEpoch_) return refusal('not_started', { date: definition.startsAt, timeZone }, true);
  if (input.now >= promotion.endEpoch_) return refusal('expired', { date: definition.endsAt, timeZone }, true);
  const currencies = definition.currency ? [definition.currency] : conditions.currencies;
  if (currencies && !currencies.includes(context.currency_)) return refusal('currency', { required: currencies, received: context.currency_ });
  const channel = input.channel ?? '';
  if (conditions.channels && !conditions.channels.includes(channel)) return refusal('channel', { required: conditions.channels, received: channel });
  const segments = input.customer.segments ?? [];
  if (conditions.segments?.length && !conditions.segments.some((segment) => segments.includes(segment))) {
    return refusal('segment', { required: conditions.segments });
  }
  if (conditions.firstPurchase && !input.customer.firstPurchase) return refusal('first_purchase');
  const usage = input.usage?.[definition.id];
  const limits = definition.limits;
  // No limit is an Infinity that no usage reaches.
  if ((usage?.used ?? 0) >= (limits?.total ?? Infinity)) return refusal('usage_limit', { required: limits!.total });
  if ((usage?.usedByCustomer ?? 0) >= (limits?.perCustomer ?? Infinity)) return refusal('customer_usage_limit', { required: limits!.perCustomer });
  return null;
}

/** What the cart decides: items in scope, their quantity, and thresholds measured alone on gross prices. */
function cartRefusal(candidate: Candidate, context: EvaluationContext): Refusal | null {
  const promotion = candidate.promotion_;
  if (candidate.lines_.length === 0) return refusal('no_items');
  const units = unitsOf(context.lines_, candidate.lines_);
  const minQuantity = promotion.definition_.conditions?.minQuantity;
  if (minQuantity !== undefined && units < minQuantity) {
    return refusalFromShortfall(promotion, context, { kind_: 'items', required_: minQuantity, current_: units, tier_: 0 });
  }
  // Alone on gross prices is the best this promotion can ever do; if a
  // threshold fails even there (or it saves nothing), no combination helps.
  const alone = price(context, [candidate]);
  const shortfall = alone.shortfalls_[0];
  if (shortfall) return { ...refusalFromShortfall(promotion, context, shortfall), belowThreshold_: true };
  if (alone.savings_ === 0) return refusal('no_savings');
  return null;
}

/**
 * Everything about a promotion that does not depend on which others apply:
 * enabled, schedule, currency, channel, segment, first purchase, usage, items,
 * quantity, and thresholds measured before discounts. Null when it passes.
 */
export function refuse(candidate: Candidate, context: EvaluationContext): Refusal | null {
  return settingsRefusal(candidate.promotion_, context) ?? cartRefusal(candidate, context);
}
