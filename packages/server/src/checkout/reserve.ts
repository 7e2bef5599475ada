import type { EvaluateResult } from '@cartlift/discounts';
import { type CustomerFacts, type CartRequest, type PricingContext, priceCart } from '../pricing';
import type { PromotionClaim } from '../store/types';

/**
 * Prices the cart and reserves the promotions it applies, atomically in the
 * database. When another checkout took the last redemption between pricing
 * and reserving, the lost promotion is priced as used up and the cart priced
 * again, so the amount charged always matches what was reserved.
 */
export async function priceAndReserve(
  ctx: PricingContext,
  cart: CartRequest,
  facts: CustomerFacts,
  { checkoutId, now, expiresAt }: { checkoutId: string; now: number; expiresAt: number },
): Promise<EvaluateResult> {
  const exhausted: string[] = [];
  for (let attempt = 0; ; attempt++) {
    const result = await priceCart(ctx, cart, facts, { now, excludeCheckoutId: checkoutId, exhausted });
    const limits = new Map(result.usageLimits.map((fact) => [fact.promotionId, fact]));
    const claims: PromotionClaim[] = result.applied.map(({ promotionId }) => ({
      id: promotionId,
      limit: limits.get(promotionId)?.total,
      perCustomerLimit: limits.get(promotionId)?.perCustomer,
    }));
    const { denied } = await ctx.store.reservePromotions({ checkoutId, customerKey: facts.emailNormalized, promotions: claims, now, expiresAt });
    if (denied.length === 0) return result;
    exhausted.push(...denied);
    // Each round removes at least one promotion, so this ends; the cap is a guard.
    if (attempt > result.applied.length + 1) throw new Error(`Could not settle promotion reservations for checkout ${checkoutId}.`);
  }
}
