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

/**
 * What a `review_filter_applied` event says the shopper used: one of the reviews
 * widget's filters or its sort (the `GET /reviews` parameters), or `clear`.
 * core's REVIEW_FILTER_NAMES lists them at run time.
 */
export type ReviewFilterName = 'rating' | 'media' | 'verified' | 'variant' | 'attr' | 'topic' | 'q' | 'sort' | 'clear';

/** Where an add came from when not the page's own buttons: `ar`, the AR viewer's banner (iOS Quick Look). */
export type AddToCartSource = 'ar';

/** How `<cartlift-ar-button>` showed the product: iOS AR Quick Look, Android Scene Viewer, or a QR code for the phone. */
export type ArLaunchMode = 'quick_look' | 'scene_viewer' | 'qr';

/** Events that add nothing to FunnelFields. */
type NoParams = Record<never, never>;

/** The params each event adds to FunnelFields. */
// Type aliases, not interfaces: object types written this way are assignable to
// FunnelEvent's index signature, so a listener to every event can read any param.
export type FunnelParams = {
  view_item: NoParams;
  add_to_cart: { source?: AddToCartSource };
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
   * A shopper used a reviews filter or sort. `filter_value` is what was chosen ("1" for 1★,
   * "true", a topic, the search text, a sort name; "" for `clear`), `total` the matching reviews.
   * Not `value`: every event's `value` is money in minor units.
   */
  review_filter_applied: { product: string; filter: ReviewFilterName; filter_value: string; total: number };
  /** The shopper opened product `sku` in AR (`quick_look`, `scene_viewer`) or asked for its QR code (`qr`). */
  ar_launched: { sku: string; mode: ArLaunchMode };
  checkout_error: WithMethod & { error_code: string; message: string };
  experiment_exposure: { experiment: string; variant: string };
};

/** The funnel events by name, GA4's recommended e-commerce names first. */
export type FunnelEventName = keyof FunnelParams;

/** What a listener to `name` receives. */
export type FunnelPayload<Name extends FunnelEventName> = FunnelFields & FunnelParams[Name];
