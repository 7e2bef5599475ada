import { byPrecedence, combinesWith, promotionClass, thresholdBase } from './combine.js';
import { toBasisPoints } from './rounding.js';
import { toEpoch } from './schedule.js';
import { type CompiledSelector, compileSelector } from './selector.js';
import type { Promotion, PromotionClass, Rule, Selector, ThresholdBase } from './types.js';

/**
 * A promotion with everything that does not depend on the cart worked out once.
 * Internal, like every record whose properties end in `_`: the build shortens
 * those names (packages/discounts/build/internal-props.mjs).
 */
export interface CompiledPromotion {
  /** The promotion as the config declares it. */
  definition_: Promotion;
  id_: string;
  class_: PromotionClass;
  /** Position in precedence order across the whole config. */
  rank_: number;
  /** The code in capitals; undefined for automatic promotions. */
  code_: string | undefined;
  /** Epoch ms of `startsAt` and `endsAt`; -Infinity and Infinity when unset. */
  startEpoch_: number;
  endEpoch_: number;
  /** Lines in scope (buy lines for buy-x-get-y); null = every line. */
  scope_: CompiledSelector;
  /** Buy-x-get-y's reward lines (its buy lines when `get` names none). */
  rewardScope_: CompiledSelector;
  thresholdBase_: ThresholdBase;
  /** Whether it may apply together with a promotion of each class. */
  combinesWith_: Record<PromotionClass, boolean>;
  exclusive_: boolean;
  /** Percent off in basis points (percent_off, and buy-x-get-y's reward); 0 for other rules. */
  basisPoints_: number;
}

/** Promotions by what they target. Internal: `_` properties are shortened by the build. */
export interface PromotionIndex {
  bySku_: Map<string, CompiledPromotion[]>;
  byTag_: Map<string, CompiledPromotion[]>;
  /** Automatic promotions that look at every line. */
  everyLine_: CompiledPromotion[];
  byCode_: Map<string, CompiledPromotion[]>;
}

const cache = new WeakMap<readonly Promotion[], PromotionIndex>();

/** Appends `value` to `key`'s list, skipping a repeat of the last value. */
export function addToList<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

/** The lines a promotion looks at: buy-x-get-y's buy lines, or what it applies to; undefined = every line. */
function scopeOf(rule: Rule): Selector | undefined {
  if (rule.type === 'buy_x_get_y') return rule.buy;
  return typeof rule.appliesTo === 'object' ? rule.appliesTo : undefined;
}

/** Buy-x-get-y's reward lines: those `get` names, else the buy lines. */
function rewardScopeOf(rule: Rule): Selector | undefined {
  if (rule.type !== 'buy_x_get_y') return undefined;
  return rule.get.skus?.length || rule.get.tags?.length ? rule.get : rule.buy;
}

function percentOffOf(rule: Rule): number {
  if (rule.type === 'percent_off') return rule.percent;
  return rule.type === 'buy_x_get_y' ? (rule.get.percent ?? 100) : 0;
}

function compilePromotion(promotion: Promotion, rank: number): CompiledPromotion {
  const promotionClassName = promotionClass(promotion.rule);
  return {
    definition_: promotion,
    id_: promotion.id,
    class_: promotionClassName,
    rank_: rank,
    code_: promotion.code?.toUpperCase(),
    startEpoch_: promotion.startsAt ? toEpoch(promotion.startsAt, promotion.timeZone) : -Infinity,
    endEpoch_: promotion.endsAt ? toEpoch(promotion.endsAt, promotion.timeZone) : Infinity,
    scope_: compileSelector(scopeOf(promotion.rule)),
    rewardScope_: compileSelector(rewardScopeOf(promotion.rule)),
    thresholdBase_: thresholdBase(promotion, promotionClassName),
    combinesWith_: combinesWith(promotion, promotionClassName),
    exclusive_: promotion.exclusive === true,
    basisPoints_: toBasisPoints(percentOffOf(promotion.rule)),
  };
}

/**
 * Indexes promotions by what they target (sku, tag, every line, code), so a
 * cart only meets the promotions that could touch it. Built once per config
 * array and cached: treat a config as immutable once evaluated.
 */
export function indexPromotions(promotions: readonly Promotion[]): PromotionIndex {
  const cached = cache.get(promotions);
  if (cached) return cached;
  const index: PromotionIndex = { bySku_: new Map(), byTag_: new Map(), everyLine_: [], byCode_: new Map() };
  [...promotions].sort(byPrecedence).forEach((promotion, rank) => {
    const compiled = compilePromotion(promotion, rank);
    // Code promotions are found by their code, even disabled ones (so the shopper hears why).
    if (compiled.code_) {
      addToList(index.byCode_, compiled.code_, compiled);
      return;
    }
    if (promotion.enabled === false) return;
    if (!compiled.scope_) {
      index.everyLine_.push(compiled);
      return;
    }
    for (const sku of compiled.scope_.skus_) addToList(index.bySku_, sku, compiled);
    for (const tag of compiled.scope_.tags_) addToList(index.byTag_, tag, compiled);
  });
  cache.set(promotions, index);
  return index;
}
