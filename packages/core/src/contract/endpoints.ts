import type { CartLimits } from '../cart.js';
import type { Promotion } from './promotions.js';
import type { EvaluateResult, LineResult, NotApplied } from './quote.js';

// Every endpoint's request and answer, as JSON. The server's zod schemas are
// type-tested against the request types (packages/server/src/contract.test-d.ts);
// the browser's client sends and reads these types.

/** A name shown to shoppers: one string, or one per locale such as {"en": "Tea", "zh-CN": "茶"}. */
export type LocalizedName = string | Record<string, string>;

/** One cart line as a request carries it: prices never travel this way. */
export interface LineRequest {
  sku: string;
  variant?: string;
  quantity: number;
}

/**
 * A postal address as Stripe takes it (`shipping.address`). Which of city,
 * state and postal_code are required depends on the country
 * (@cartlift/core/address, from libaddressinput's data): a US address needs
 * all three, a Chinese one no postcode, a Singaporean one no city. China's
 * district travels as `line2`.
 */
export interface AddressRequest {
  line1: string;
  line2?: string;
  city?: string;
  state?: string;
  postal_code?: string;
  country: string;
}

/** The cart fields `/quote` and `/checkout` share. */
export interface CartRequest {
  /** The shopper's cart id: the server counts coupon guesses per cart and joins the order to the funnel. */
  cartId?: string;
  lines: LineRequest[];
  codes?: string[];
  shipping?: { optionId?: string; name?: string; address?: AddressRequest };
  currency?: string;
}

/** `POST /quote`. `lines` may be left out only when a cart `link` stands for them. */
export interface QuoteRequest extends Omit<CartRequest, 'lines'> {
  lines?: LineRequest[];
  contact?: { email?: string };
  /** A cart link's raw parameters, for the server to check (and verify its signature). */
  link?: { cart: string; coupon?: string; sig?: string };
}

/** A cart-link part the server did not put in the cart, and why. */
export interface SkippedPart {
  part: string;
  reason: 'invalid' | 'unknown_sku' | 'too_many_lines';
  message: string;
}

/** `POST /quote`'s answer: the engine's result with display names and one English sentence per refusal. */
export interface QuoteResponse extends Omit<EvaluateResult, 'lines' | 'notApplied'> {
  lines: (LineResult & { name?: LocalizedName; image?: string })[];
  notApplied: (NotApplied & { message: string })[];
  skipped?: SkippedPart[];
}

/** `POST /checkout`: one payment attempt, decided by the server. */
export interface CheckoutRequest extends CartRequest {
  /** One per attempt, and Stripe's idempotency key: retries never charge twice. */
  checkoutId: string;
  /** From `stripe.createConfirmationToken()`. */
  confirmationToken: string;
  /** The total the shopper was shown: the server charges it or nothing. */
  expectedTotal: number;
  contact: { email: string; name?: string; phone?: string };
  /** The analytics plugin's anonymous id, joining the order to the funnel. */
  anonymousId?: string;
}

/** `POST /checkout/complete`: where an attempt stands after a next action. */
export interface CompleteRequest {
  checkoutId: string;
  /** True when the shopper left the next action unfinished (a closed QR code). */
  abandon?: boolean;
}

/** One bought line as the thank-you screen shows it. */
export interface OrderItem {
  sku: string;
  variant?: string;
  name?: LocalizedName;
  quantity: number;
  unitPrice: number;
  /** What the line cost after its discounts, minor units. */
  total: number;
}

/** A paid order as the shopper is told it: number, items, the amount charged and where the receipt goes. */
export interface OrderSummary {
  orderNumber: string;
  /** The PaymentIntent id: the funnel's `transaction_id`. */
  transactionId: string;
  amount: number;
  currency: string;
  email: string | null;
  items: OrderItem[];
  createdAt: number;
}

/** `POST /checkout` and `/checkout/complete`'s answer: where the attempt stands. */
export type CheckoutResponse =
  | { status: 'succeeded' | 'processing'; paymentIntentId: string; amount: number; currency: string; order: OrderSummary | null }
  | { status: 'requires_action'; paymentIntentId: string; clientSecret: string; amount: number; currency: string };

/** An add-on a product offers, sold at the server's price. */
export interface AddOnOffer {
  sku: string;
  kind: string;
  price: number;
  name: LocalizedName;
}

/** A shipping option the shop offers. */
export interface ShippingOption {
  id: string;
  name: LocalizedName;
  /** Minor units in the store currency. */
  amount: number;
}

/** `GET /config`: what the browser may know. Never a secret key or a secret code. */
export interface ConfigResponse {
  publishableKey: string;
  /** Set in sandbox mode: where the Stripe.js look-alike is served. */
  stripeJsUrl?: string;
  currency: string;
  promotions: Promotion[];
  addOns: Record<string, AddOnOffer[]>;
  shippingOptions: ShippingOption[];
  /** The bounds the server enforces; the browser cart uses them. */
  limits: CartLimits;
  /** The shop mails review links (an `onReviewInvitation` hook): the thank-you screen offers "Review later". */
  reviewEmails?: boolean;
}

/**
 * Every error answer: 4xx for the client's mistakes, 503 for the server's
 * outages. A `price_changed` carries the new quote to show instead.
 */
export interface ErrorResponse {
  error: { code: string; message: string; field?: string };
  quote?: QuoteResponse;
}
