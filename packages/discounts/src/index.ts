/**
 * @cartlift/discounts: the promotions engine. Pure functions, the same in the
 * browser (instant preview) and on the server (the authoritative price). The
 * zod schema lives at `@cartlift/discounts/schema` so this entry stays small.
 */
export { evaluate } from './evaluate';
export { describeReason, describeReward, describeUnlock, type Locale } from './reasons';
export { publicPromotions } from './public';
export { promotionName } from './names';
export { promotionClass } from './combine';
export { EXACT_CAP } from './best-deal';
export { percentOf } from './rounding';
export { toEpoch } from './schedule';
export { rewardOf } from './reward';
export type * from './types';
