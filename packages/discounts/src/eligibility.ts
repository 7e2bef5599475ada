import { unitsOf } from './allocate-lines.js';
import type { Cand, Ctx } from './context.js';
import { price } from './price.js';
import type { Compiled } from './promotion-index.js';
import { rewardOf } from './reward.js';
import type { Fail } from './rules/threshold.js';
import type { Reason, Unlock } from './types.js';

export interface Refusal {
  reason: Reason;
  unlock?: Unlock;
  /** Outside its schedule: automatic promotions in this state are not reported. */
  offSchedule?: boolean;
  /** Threshold not met even alone: the reason is worked out against the chosen deal. */
  threshold?: boolean;
}

/** Turns a threshold not met into a reason and the unlock that would meet it. */
export function refusalFromFail(c: Compiled, ctx: Ctx, f: Fail): Refusal {
  const reward = rewardOf(c.p, ctx.currency, f.tier);
  const missing = f.required - f.current;
  return f.kind === 'items'
    ? { reason: { code: 'min_quantity', params: { required: f.required, current: f.current } }, unlock: { kind: 'add_items', quantity: missing, reward } }
    : {
        reason: { code: 'min_subtotal', params: { required: f.required, current: f.current, currency: ctx.currency } },
        unlock: { kind: 'spend_more', amount: missing, currency: ctx.currency, reward },
      };
}

/**
 * Everything about a promotion that does not depend on which others apply:
 * enabled, schedule, currency, channel, segment, first purchase, usage, items,
 * quantity, and thresholds measured before discounts. Null when it passes.
 */
export function refuse(cand: Cand, ctx: Ctx): Refusal | null {
  const { c } = cand;
  const p = c.p;
  const input = ctx.input;
  const cond = p.conditions ?? {};
  const no = (code: Reason['code'], params: Reason['params'] = {}): Refusal => ({ reason: { code, params } });
  if (p.enabled === false) return no('disabled');
  if (input.now < c.start) return { ...no('not_started', { date: p.startsAt, timeZone: p.timeZone }), offSchedule: true };
  if (input.now >= c.end) return { ...no('expired', { date: p.endsAt, timeZone: p.timeZone }), offSchedule: true };
  const currencies = p.currency ? [p.currency] : cond.currencies;
  if (currencies && !currencies.includes(ctx.currency)) return no('currency', { required: currencies, received: ctx.currency });
  if (cond.channels && !cond.channels.includes(input.channel ?? '')) return no('channel', { required: cond.channels, received: input.channel ?? '' });
  const segments = input.customer.segments ?? [];
  if (cond.segments?.length && !cond.segments.some((s) => segments.includes(s))) return no('segment', { required: cond.segments });
  if (cond.firstPurchase && !input.customer.firstPurchase) return no('first_purchase');
  const usage = input.usage?.[p.id];
  if (p.limits?.total !== undefined && (usage?.used ?? 0) >= p.limits.total) return no('usage_limit', { required: p.limits.total });
  if (p.limits?.perCustomer !== undefined && (usage?.usedByCustomer ?? 0) >= p.limits.perCustomer) {
    return no('customer_usage_limit', { required: p.limits.perCustomer });
  }
  if (cand.lines.length === 0) return no('no_items');
  const units = unitsOf(ctx.lines, cand.lines);
  if (cond.minQuantity !== undefined && units < cond.minQuantity) {
    return refusalFromFail(c, ctx, { kind: 'items', required: cond.minQuantity, current: units, tier: 0 });
  }
  // Alone on gross prices is the best this promotion can ever do; if a
  // threshold fails even there (or it saves nothing), no combination helps.
  const alone = price(ctx, [cand]);
  const fail = alone.fails[0];
  if (fail) return { ...refusalFromFail(c, ctx, fail), threshold: true };
  if (alone.savings === 0) return no('no_savings');
  return null;
}
