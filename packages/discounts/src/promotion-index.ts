import { byPrecedence, combinesWith, promotionClass, thresholdBase } from './combine.js';
import { basisPoints } from './rounding.js';
import { toEpoch } from './schedule.js';
import { compileSelector, type CompiledSelector } from './selector.js';
import type { Promotion, PromotionClass, Selector, ThresholdBase } from './types.js';

/** A promotion with everything that does not depend on the cart worked out once. */
export interface Compiled {
  p: Promotion;
  id: string;
  cls: PromotionClass;
  /** Position in precedence order across the whole config. */
  rank: number;
  code: string | undefined;
  start: number;
  end: number;
  /** Lines in scope (buy lines for buy-x-get-y); null = every line. */
  sel: CompiledSelector;
  getSel: CompiledSelector;
  base: ThresholdBase;
  cw: Record<PromotionClass, boolean>;
  exclusive: boolean;
  bp: number;
}

export interface PromotionIndex {
  bySku: Map<string, Compiled[]>;
  byTag: Map<string, Compiled[]>;
  /** Automatic promotions that look at every line. */
  everyLine: Compiled[];
  byCode: Map<string, Compiled[]>;
}

const cache = new WeakMap<readonly Promotion[], PromotionIndex>();

/** Appends `v` to `key`'s list, skipping a repeat of the last value. */
export function push<K, V>(map: Map<K, V[]>, key: K, v: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [v]);
  else if (list[list.length - 1] !== v) list.push(v);
}

function scopeOf(p: Promotion): Selector | undefined {
  const r = p.rule;
  if (r.type === 'buy_x_get_y') return r.buy;
  return typeof r.appliesTo === 'object' ? r.appliesTo : undefined;
}

function compile(p: Promotion, rank: number): Compiled {
  const cls = promotionClass(p.rule);
  const r = p.rule;
  const getSel = r.type === 'buy_x_get_y' ? (r.get.skus?.length || r.get.tags?.length ? r.get : r.buy) : undefined;
  return {
    p,
    id: p.id,
    cls,
    rank,
    code: p.code?.toUpperCase(),
    start: p.startsAt ? toEpoch(p.startsAt, p.timeZone) : -Infinity,
    end: p.endsAt ? toEpoch(p.endsAt, p.timeZone) : Infinity,
    sel: compileSelector(scopeOf(p)),
    getSel: compileSelector(getSel),
    base: thresholdBase(p, cls),
    cw: combinesWith(p, cls),
    exclusive: p.exclusive === true,
    bp: basisPoints(r.type === 'percent_off' ? r.percent : r.type === 'buy_x_get_y' ? (r.get.percent ?? 100) : 0),
  };
}

/**
 * Indexes promotions by what they target (sku, tag, every line, code), so a
 * cart only meets the promotions that could touch it. Built once per config
 * array and cached: treat a config as immutable once evaluated.
 */
export function indexPromotions(promotions: readonly Promotion[]): PromotionIndex {
  const hit = cache.get(promotions);
  if (hit) return hit;
  const index: PromotionIndex = { bySku: new Map(), byTag: new Map(), everyLine: [], byCode: new Map() };
  const sorted = [...promotions].sort(byPrecedence);
  sorted.forEach((p, rank) => {
    const c = compile(p, rank);
    if (c.code) return push(index.byCode, c.code, c);
    if (p.enabled === false) return;
    if (!c.sel) return void index.everyLine.push(c);
    for (const sku of c.sel.skus) push(index.bySku, sku, c);
    for (const tag of c.sel.tags) push(index.byTag, tag, c);
  });
  cache.set(promotions, index);
  return index;
}
