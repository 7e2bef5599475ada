import type { PromotionClass, PromotionName, ThresholdBase } from './promotions.js';

// What the engine answers for a cart, and so what `POST /quote` answers
// (see QuoteResponse in endpoints.ts for what the server adds).

export interface Allocation {
  promotionId: string;
  amount: number;
}

export interface LineResult {
  sku: string;
  variant?: string;
  quantity: number;
  unitPrice: number;
  subtotal: number;
  discount: number;
  total: number;
  allocations: Allocation[];
}

/** What a shopper gets when they unlock something. */
export type Reward =
  | { kind: 'amount_off'; amount: number; currency: string }
  | { kind: 'percent_off'; percent: number }
  | { kind: 'free_shipping' }
  | { kind: 'buy_x_get_y'; buy: number; get: number; percent: number };

/**
 * What would make a promotion apply (or reach its next tier). A spend_more
 * carries the threshold it counts toward and what that threshold is measured
 * on: a shopper compares the threshold with the subtotal they see, so the hint
 * must say when discounts come off first ("free shipping from $50 after discounts").
 */
export type Unlock =
  | { kind: 'spend_more'; amount: number; currency: string; reward: Reward; threshold: number; thresholdBase: ThresholdBase }
  | { kind: 'add_items'; quantity: number; reward: Reward };

export type ReasonCode =
  | 'unknown_code'
  | 'disabled'
  | 'not_started'
  | 'expired'
  | 'currency'
  | 'channel'
  | 'segment'
  | 'first_purchase'
  | 'usage_limit'
  | 'customer_usage_limit'
  | 'no_items'
  | 'min_quantity'
  | 'min_subtotal'
  | 'not_combinable'
  | 'no_savings'
  | 'better_deal';

/** A machine-readable reason; `params` holds the facts the sentence needs. */
export interface Reason {
  code: ReasonCode;
  params: {
    code?: string;
    date?: string;
    timeZone?: string;
    required?: number | string[];
    current?: number;
    received?: string;
    currency?: string;
    withId?: string;
    withName?: PromotionName;
    withCode?: string;
    chosen?: string[];
  };
}

export interface Applied {
  promotionId: string;
  name: PromotionName;
  class: PromotionClass;
  amount: number;
  code?: string;
  /** The next tier or multiple, when there is one to reach. */
  unlock?: Unlock;
}

export interface NotApplied {
  /** Null for an entered code that matches no promotion. */
  promotionId: string | null;
  name?: PromotionName;
  code?: string;
  reason: Reason;
  /** What would make it apply; `describeReason(entry, locale)` gives the sentence. */
  unlock?: Unlock;
}

export interface BestDeal {
  /** "exact": every combination was tried; "heuristic": greedy beyond the cap. */
  mode: 'exact' | 'heuristic';
  /** Contested promotions the exact search handles at most. */
  cap: number;
  /** Eligible promotions, in precedence order. */
  candidates: string[];
  chosen: string[];
  considered: number;
  savings: number;
  /** The best combination not chosen, when there was a choice to make. */
  runnerUp?: { promotionIds: string[]; savings: number };
}

/** Usage limits of an applied promotion, for the server to reserve atomically. */
export interface UsageLimitFact {
  promotionId: string;
  total?: number;
  perCustomer?: number;
  used: number;
  usedByCustomer: number;
}

export interface EvaluateResult {
  currency: string;
  lines: LineResult[];
  subtotal: number;
  /** Product and order discounts on merchandise. */
  discountTotal: number;
  /** Selected shipping price before its discount. */
  shipping: number;
  shippingDiscount: number;
  /** Shipping after its discount. */
  shippingTotal: number;
  total: number;
  applied: Applied[];
  notApplied: NotApplied[];
  bestDeal: BestDeal;
  usageLimits: UsageLimitFact[];
}
