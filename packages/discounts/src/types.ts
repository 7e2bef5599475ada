/** A display name: one string, or one per locale ("en" is the fallback). */
export type PromotionName = string | { en: string; 'zh-CN'?: string };

/** Which part of the price a promotion reduces; decides combining and evaluation order. */
export type PromotionClass = 'product' | 'order' | 'shipping';

/** Picks cart lines by sku or tag (either matches). Empty or omitted = every line. */
export interface Selector {
  skus?: string[];
  tags?: string[];
}

/** What a percentage or amount comes off: the whole order, shipping, or chosen items. */
export type AppliesTo = 'order' | 'shipping' | Selector;

/** `percent` off (up to two decimals; 100 = free), optionally capped at `maxDiscount` minor units. */
export interface PercentOffRule {
  type: 'percent_off';
  percent: number;
  appliesTo?: AppliesTo;
  maxDiscount?: number;
}

/** A fixed `amount` (minor units) off once, or off every unit when `perItem`. */
export interface AmountOffRule {
  type: 'amount_off';
  amount: number;
  appliesTo?: AppliesTo;
  perItem?: boolean;
}

/** One step of a tiered promotion: spend `spend` or more, get `amount` or `percent` off. */
export interface Tier {
  spend: number;
  amount?: number;
  percent?: number;
}

/** "Spend 199 get 30 off, spend 299 get 60 off": the highest tier reached applies. */
export interface TieredRule {
  type: 'tiered';
  tiers: Tier[];
  appliesTo?: 'order' | Selector;
}

/** 每满减: `amount` off for every full `every` spent, up to `maxDiscount`. */
export interface EveryRule {
  type: 'every';
  every: number;
  amount: number;
  maxDiscount?: number;
  appliesTo?: 'order' | Selector;
}

/** Buy `buy.quantity` get `get.quantity` free (or `get.percent` off), per multiple. */
export interface BuyXGetYRule {
  type: 'buy_x_get_y';
  buy: Selector & { quantity: number };
  get: Selector & { quantity: number; percent?: number };
  maxApplications?: number;
}

export type Rule = PercentOffRule | AmountOffRule | TieredRule | EveryRule | BuyXGetYRule;

/** The money a threshold is measured on; a promotion's own discount is never part of it. */
export type ThresholdBase = 'before_discounts' | 'after_product_discounts' | 'after_order_discounts';

export interface Conditions {
  minSubtotal?: number;
  minQuantity?: number;
  firstPurchase?: boolean;
  segments?: string[];
  channels?: string[];
  currencies?: string[];
  thresholdBase?: ThresholdBase;
}

/** One promotion as the config declares it (see docs/discounts.md for every field). */
export interface Promotion {
  id: string;
  name: PromotionName;
  description?: PromotionName;
  enabled?: boolean;
  code?: string;
  currency?: string;
  rule: Rule;
  conditions?: Conditions;
  startsAt?: string;
  endsAt?: string;
  timeZone?: string;
  limits?: { total?: number; perCustomer?: number };
  combinesWith?: { product?: boolean; order?: boolean; shipping?: boolean };
  exclusive?: boolean;
  priority?: number;
}

/** The promotions file: a `version` and the promotions. */
export interface PromotionsConfig {
  $schema?: string;
  version: 1;
  promotions: Promotion[];
}

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

/** What would make a promotion apply (or reach its next tier). */
export type Unlock = { kind: 'spend_more'; amount: number; currency: string; reward: Reward } | { kind: 'add_items'; quantity: number; reward: Reward };

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
