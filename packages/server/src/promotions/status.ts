import { type Promotion, toEpoch } from '@cartlift/discounts';

/** Where a promotion stands, as the console lists it. */
export type PromotionStatus = 'draft' | 'scheduled' | 'active' | 'paused' | 'expired' | 'archived';

/**
 * A promotion's status at `now`: archived when archived; a draft until a
 * published version holds it; then paused when switched off, scheduled before its start, expired after
 * its end, else active. Wall-clock times are read in the promotion's
 * `timeZone`, else the shop's.
 *
 * @example
 * promotionStatus({ ...promotion, startsAt: '2027-01-01' }, { now: Date.now(), published: true, shopTimeZone: 'Asia/Shanghai' }) // "scheduled"
 */
export function promotionStatus(
  promotion: Promotion,
  { now, published, shopTimeZone }: { now: number; published: boolean; shopTimeZone: string },
): PromotionStatus {
  if (promotion.archived) return 'archived';
  if (!published) return 'draft';
  if (promotion.enabled === false) return 'paused';
  const timeZone = promotion.timeZone ?? shopTimeZone;
  if (promotion.startsAt && now < toEpoch(promotion.startsAt, timeZone)) return 'scheduled';
  if (promotion.endsAt && now >= toEpoch(promotion.endsAt, timeZone)) return 'expired';
  return 'active';
}
