// One payload per funnel event. Writers (the cart, checkout, the server's own
// `purchase`) build them with core's funnelEvent(name, …), which checks the
// extra params against these: a misspelt or missing one fails to compile.

/** GA4's item shape. `price` is per unit in minor units (destinations convert for GA4). */
export type FunnelItem = {
  item_id: string;
  item_name?: string;
  item_variant?: string;
  price?: number;
  quantity: number;
};

/** Fields every funnel event carries. `value` is in minor units of `currency`. */
export type FunnelFields = {
  event_id: string;
  time: number;
  cart_id: string;
  currency: string;
  value: number;
  items: FunnelItem[];
};

/** GA4's `coupon`: the cart's codes, comma-separated, when it has any. */
type WithCoupon = { coupon?: string };

/** `method: 'express'` on the steps a wallet button walked (its sheet does the checkout sheet's steps). */
type WithMethod = { method?: 'express' };

/** Events that add nothing to FunnelFields. */
type NoParams = Record<never, never>;

/** The params each event adds to FunnelFields. */
// Type aliases, not interfaces: object types written this way are assignable to
// FunnelEvent's index signature, so a listener to every event can read any param.
export type FunnelParams = {
  view_item: NoParams;
  add_to_cart: NoParams;
  remove_from_cart: NoParams;
  view_cart: NoParams;
  begin_checkout: WithCoupon & WithMethod;
  /** `shipping_tier`: the id of the shipping option. */
  add_shipping_info: WithCoupon & WithMethod & { shipping_tier?: string };
  /** `payment_type`: the Payment Element's method (`card`, `alipay`, `wechat_pay`) or the wallet (`apple_pay`, `link`). */
  add_payment_info: WithCoupon & WithMethod & { payment_type?: string };
  /** `transaction_id` is the PaymentIntent id; the collector keeps one purchase per transaction. */
  purchase: WithCoupon & { transaction_id: string };
  coupon_applied: { coupon: string };
  coupon_denied: { coupon: string; reason?: string };
  /** `kind` is the add-on's kind, such as "gift_wrap". */
  upsell_added: { kind: string };
  /**
   * A shopper used a reviews filter: which product, which filter (`rating`, `media`, `verified`, `variant`,
   * `attr`, `topic`, `q`, `sort` or `clear`), the value toggled or set (`filter_value`: `value` is the
   * funnel's money), and the reviews matching afterwards.
   */
  review_filter_applied: { product: string; filter: string; filter_value: string; total: number };
  // Its params arrive with the AR issue.
  ar_launched: NoParams;
  checkout_error: WithMethod & { error_code: string; message: string };
  experiment_exposure: { experiment: string; variant: string };
};

/** The funnel events by name, GA4's recommended e-commerce names first. */
export type FunnelEventName = keyof FunnelParams;

/** What a listener to `name` receives. */
export type FunnelPayload<Name extends FunnelEventName> = FunnelFields & FunnelParams[Name];
