// The promotion and quote shapes are the wire contract's, in @cartlift/core/contract;
// the engine's own input types stay here.
import type { Promotion } from '@cartlift/core/contract';

export type {
  PromotionName,
  PromotionClass,
  Selector,
  AppliesTo,
  PercentOffRule,
  AmountOffRule,
  Tier,
  TieredRule,
  EveryRule,
  BuyXGetYRule,
  Rule,
  ThresholdBase,
  Conditions,
  Promotion,
  PromotionsConfig,
  Allocation,
  LineResult,
  Reward,
  Unlock,
  ReasonCode,
  Reason,
  Applied,
  NotApplied,
  BestDeal,
  UsageLimitFact,
  EvaluateResult,
} from '@cartlift/core/contract';

export interface CartLineInput {
  sku: string;
  variant?: string;
  quantity: number;
  /** Minor units. */
  unitPrice: number;
  tags?: string[];
}

export interface EvaluateInput {
  currency: string;
  lines: CartLineInput[];
  /** The selected shipping option's price in minor units. */
  shipping?: { amount: number; optionId?: string };
  customer: { firstPurchase: boolean; segments?: string[]; id?: string };
  codes?: string[];
  /** Epoch milliseconds; the engine never reads the clock itself. */
  now: number;
  channel?: string;
  promotions: readonly Promotion[];
  usage?: Record<string, { used: number; usedByCustomer?: number }>;
}
