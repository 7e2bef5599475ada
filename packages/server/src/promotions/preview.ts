import type { EvaluateResult, PromotionsConfig } from '@cartlift/discounts';
import { type CartRequest, type PricingContext, priceCart } from '../pricing.js';

/** The shopper a marketer imagines: first purchase or not, and their segments. */
export interface PreviewShopper {
  firstPurchase: boolean;
  segments?: string[];
}

/**
 * One cart priced twice, by the promotions in force and by a draft, for the
 * console's preview: the same catalog prices, usage and engine as `/quote`,
 * for a made-up shopper (no email, so no ledger lookup).
 *
 * @example
 * const { live, draft } = await previewCart(pricing, draftConfig, { lines: [{ sku: 'TEA-LJ-100', quantity: 2 }] }, { firstPurchase: true }, Date.now());
 */
export async function previewCart(
  pricing: PricingContext,
  draft: PromotionsConfig,
  cart: CartRequest,
  shopper: PreviewShopper,
  now: number,
): Promise<{ live: EvaluateResult; draft: EvaluateResult }> {
  const facts = {
    emailNormalized: null,
    stripeCustomerId: null,
    identifiedCustomer: null,
    firstPurchase: shopper.firstPurchase,
    segments: shopper.segments ?? [],
  };
  const [live, drafted] = await Promise.all([priceCart(pricing, cart, facts, { now }), priceCart({ ...pricing, promotions: draft }, cart, facts, { now })]);
  return { live, draft: drafted };
}
