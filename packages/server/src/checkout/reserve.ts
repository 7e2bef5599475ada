import type { EvaluateResult } from '@cartlift/discounts';
import { promotionBudgets } from '../budgets.js';
import { type CustomerFacts, type CartRequest, type PricingContext, FIRST_PURCHASE_CUSTOMER_HOLD, FIRST_PURCHASE_HOLD, priceCart } from '../pricing.js';
import { appliedSingleUseCodes } from '../promotions/single-use-codes.js';
import type { PromotionClaim } from '../store/types.js';

/**
 * Prices the cart and reserves the promotions it applies, atomically in the
 * database. When another checkout took the last redemption (or the rest of a
 * budget) between pricing and reserving, the lost promotion is priced as used up and the cart priced
 * again, so the amount charged always matches what was reserved. A cart
 * priced with a first-order offer also holds the shopper's first purchase
 * (by normalised email, and by the Stripe Customer `identifyCustomer`
 * named); a checkout that finds it held by another open
 * checkout of the same email is priced as a repeat purchase. A single-use
 * code the cart applied is held in the same transaction; one that another
 * checkout took first is priced as used up, the same way.
 */
export async function priceAndReserve(
  ctx: PricingContext,
  cart: CartRequest,
  facts: CustomerFacts,
  { checkoutId, now, expiresAt }: { checkoutId: string; now: number; expiresAt: number },
): Promise<EvaluateResult> {
  const exhausted: string[] = [];
  const lostCodes: string[] = [];
  for (let attempt = 0; ; attempt++) {
    const result = await priceCart(ctx, cart, facts, { now, excludeCheckoutId: checkoutId, exhausted, lostCodes });
    const limits = new Map(result.usageLimits.map((fact) => [fact.promotionId, fact]));
    const budgets = promotionBudgets(ctx.promotions);
    // A budget is held with the discount this cart gets, so the charge matches what was reserved.
    const claims: PromotionClaim[] = result.applied.map(({ promotionId, amount }) => ({
      id: promotionId,
      limit: limits.get(promotionId)?.total,
      perCustomerLimit: limits.get(promotionId)?.perCustomer,
      budget: budgets.get(promotionId),
      amount,
    }));
    // A first-order offer is held like a per-customer limit of 1 on the shopper's
    // first purchase, so two open checkouts of one email cannot both take one.
    const firstOrder = result.applied.some(
      ({ promotionId }) => ctx.promotions.promotions.find((p) => p.id === promotionId)?.conditions?.firstPurchase === true,
    );
    if (firstOrder && facts.emailNormalized) claims.push({ id: FIRST_PURCHASE_HOLD, perCustomerLimit: 1 });
    if (firstOrder && facts.identifiedCustomer) claims.push({ id: FIRST_PURCHASE_CUSTOMER_HOLD, perCustomerLimit: 1, customerKey: facts.identifiedCustomer });
    const codes = appliedSingleUseCodes(ctx.promotions, result.applied);
    const { denied, deniedCodes } = await ctx.store.reservePromotions({
      checkoutId,
      customerKey: facts.emailNormalized,
      promotions: claims,
      codes,
      now,
      expiresAt,
    });
    if (denied.length === 0 && deniedCodes.length === 0) return result;
    exhausted.push(...denied);
    lostCodes.push(...deniedCodes);
    // Each round removes at least one promotion, so this ends; the cap is a guard.
    if (attempt > result.applied.length + 1) throw new Error(`Could not settle promotion reservations for checkout ${checkoutId}.`);
  }
}
