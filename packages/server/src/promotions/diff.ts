import type { Promotion, PromotionsConfig } from '@cartlift/discounts';

/** One field that differs, by its path such as `rule.amount` or `name.zh-CN`. */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** What changed in one promotion between two versions. */
export type PromotionChange =
  | { id: string; change: 'added'; after: Promotion }
  | { id: string; change: 'removed'; before: Promotion }
  | { id: string; change: 'changed'; fields: FieldChange[] };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Leaf fields that differ, objects walked by key; arrays compared whole (a list of skus or tiers reads best as one value). */
function fieldChanges(before: unknown, after: unknown, path: string, into: FieldChange[]): FieldChange[] {
  if (isRecord(before) && isRecord(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) fieldChanges(before[key], after[key], path ? `${path}.${key}` : key, into);
  } else if (JSON.stringify(before) !== JSON.stringify(after)) {
    into.push({ path, before, after });
  }
  return into;
}

/**
 * A readable diff of two promotions files, one entry per promotion that was
 * added, removed or changed (with each changed field), in the order the newer
 * file lists them, removals last.
 *
 * @example
 * diffPromotions(v1, v2) // [{ id: 'spring', change: 'changed', fields: [{ path: 'rule.percent', before: 10, after: 15 }] }]
 */
export function diffPromotions(before: PromotionsConfig, after: PromotionsConfig): PromotionChange[] {
  const old = new Map(before.promotions.map((promotion) => [promotion.id, promotion]));
  const changes: PromotionChange[] = [];
  for (const promotion of after.promotions) {
    const previous = old.get(promotion.id);
    old.delete(promotion.id);
    if (!previous) changes.push({ id: promotion.id, change: 'added', after: promotion });
    else {
      const fields = fieldChanges(previous, promotion, '', []);
      if (fields.length) changes.push({ id: promotion.id, change: 'changed', fields });
    }
  }
  for (const [id, promotion] of old) changes.push({ id, change: 'removed', before: promotion });
  return changes;
}
