// The promotions file as marketers write it and `GET /config` serves its
// public part. The engine (@cartlift/discounts) evaluates these; the server
// and the browser both read them, so they are part of the contract.

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
  /** Kept in the file for its history (the console archives instead of deleting); always with `enabled: false`. */
  archived?: boolean;
  code?: string;
  /**
   * Applies only with one of its generated single-use codes (never with
   * `code`); the server matches a cart's code to the promotion before pricing.
   */
  uniqueCodes?: boolean;
  currency?: string;
  rule: Rule;
  conditions?: Conditions;
  startsAt?: string;
  endsAt?: string;
  timeZone?: string;
  /**
   * Usage limits, enforced by the server when it reserves a checkout:
   * `total` redemptions across all shoppers, `perCustomer` per shopper, and a
   * `budget` of total discount money in minor units of `currency` (a checkout
   * whose discount would pass what is left is priced without the promotion).
   * Never sent to browsers.
   */
  limits?: { total?: number; perCustomer?: number; budget?: number };
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
