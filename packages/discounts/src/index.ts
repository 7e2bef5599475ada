/**
 * @cartlift/discounts: the promotions engine. Pure functions, the same in the
 * browser (instant preview) and on the server (the authoritative price). The
 * zod schema lives at `@cartlift/discounts/schema` so this entry stays small.
 */
export { evaluate } from './evaluate.js';
export { describeReason, describeReward, describeUnlock, type Locale } from './reasons.js';
export { publicPromotions } from './public.js';
export { promotionName } from './names.js';
export { promotionClass } from './combine.js';
export { EXACT_CAP } from './best-deal.js';
export { percentOf } from './rounding.js';
export { toEpoch } from './schedule.js';
export { rewardOf } from './reward.js';
export type * from './types.js';
