import type { CheckoutOutcome, CheckoutRecord, OrderRecord, PaymentFlag } from './types.js';

/** Row mapping shared by the SQL store's parts. bigint columns arrive as strings from pg, numbers from PGlite. */
export type Row = Record<string, unknown>;

export const num = (value: unknown): number | null => (value == null ? null : Number(value));
export const str = (value: unknown): string | null => (value == null ? null : String(value));
export const json = (value: unknown): string | null => (value == null ? null : JSON.stringify(value));

export function toCheckout(row: Row): CheckoutRecord {
  return {
    checkoutId: String(row.checkout_id),
    paymentIntentId: str(row.payment_intent_id),
    clientSecret: str(row.client_secret),
    pendingCreate: (row.pending_create as Record<string, unknown> | null) ?? null,
    status: String(row.status) as CheckoutRecord['status'],
    amount: num(row.amount),
    currency: str(row.currency),
    email: str(row.email),
    emailNormalized: str(row.email_normalized),
    stripeCustomerId: str(row.stripe_customer_id),
    lines: row.lines ?? null,
    quote: row.quote ?? null,
    promotionIds: (row.promotion_ids as string[] | null) ?? [],
    outcome: (row.outcome as CheckoutOutcome | null) ?? null,
    cartId: str(row.cart_id),
    anonymousId: str(row.anonymous_id),
  };
}

export function toOrder(row: Row): OrderRecord {
  return {
    paymentIntentId: String(row.payment_intent_id),
    checkoutId: str(row.checkout_id),
    amount: Number(row.amount),
    currency: String(row.currency),
    email: str(row.email),
    emailNormalized: str(row.email_normalized),
    stripeCustomerId: str(row.stripe_customer_id),
    lines: row.lines,
    promotions: (row.promotions as string[]) ?? [],
    createdAt: Number(row.created_at),
    cartId: str(row.cart_id),
    anonymousId: str(row.anonymous_id),
  };
}

export const CHECKOUT_COLUMNS: Record<string, string> = {
  paymentIntentId: 'payment_intent_id',
  clientSecret: 'client_secret',
  pendingCreate: 'pending_create',
  status: 'status',
  amount: 'amount',
  currency: 'currency',
  email: 'email',
  emailNormalized: 'email_normalized',
  stripeCustomerId: 'stripe_customer_id',
  lines: 'lines',
  quote: 'quote',
  promotionIds: 'promotion_ids',
  outcome: 'outcome',
  cartId: 'cart_id',
  anonymousId: 'anonymous_id',
};
export const JSON_COLUMNS = new Set(['pending_create', 'lines', 'quote', 'promotion_ids', 'outcome']);

export function toFlag(row: Row): PaymentFlag {
  return {
    paymentIntentId: String(row.payment_intent_id),
    checkoutId: str(row.checkout_id),
    expectedAmount: num(row.expected_amount),
    expectedCurrency: str(row.expected_currency),
    receivedAmount: Number(row.received_amount),
    receivedCurrency: String(row.received_currency),
    reason: String(row.reason),
    createdAt: Number(row.created_at),
  };
}
