import type { PaymentMethodType } from './currencies.js';

/** The Stripe objects the sandbox keeps, shaped like the API's JSON. */

export type Metadata = Record<string, string>;

export type PaymentIntentStatus = 'requires_payment_method' | 'requires_confirmation' | 'requires_action' | 'processing' | 'succeeded' | 'canceled';

export interface PaymentIntent {
  id: string;
  object: 'payment_intent';
  allowed_payment_method_types: string[] | null;
  amount: number;
  amount_capturable: number;
  amount_received: number;
  automatic_payment_methods: { enabled: boolean; allow_redirects: 'always' | 'never' } | null;
  canceled_at: number | null;
  cancellation_reason: string | null;
  capture_method: 'automatic' | 'automatic_async';
  client_secret: string;
  confirmation_method: 'automatic' | 'manual';
  created: number;
  currency: string;
  customer: string | Customer | null;
  description: string | null;
  excluded_payment_method_types: string[] | null;
  last_payment_error: LastPaymentError | null;
  latest_charge: string | null;
  livemode: false;
  metadata: Metadata;
  next_action: Record<string, unknown> | null;
  payment_method: string | PaymentMethod | null;
  payment_method_options: Record<string, unknown>;
  payment_method_types: PaymentMethodType[];
  processing: null;
  receipt_email: string | null;
  setup_future_usage: string | null;
  shipping: unknown;
  statement_descriptor: string | null;
  statement_descriptor_suffix: string | null;
  status: PaymentIntentStatus;
}

export interface LastPaymentError {
  type: 'card_error' | 'invalid_request_error';
  code: string;
  decline_code?: string;
  message: string;
  doc_url?: string;
  payment_method?: PaymentMethod;
}

export interface PaymentMethod {
  id: string;
  object: 'payment_method';
  type: PaymentMethodType;
  billing_details: { address: Record<string, string | null>; email: string | null; name: string | null; phone: string | null };
  card?: { brand: string; last4: string; exp_month: number; exp_year: number; funding: string; country: string; wallet: null | { type: string } };
  alipay?: Record<string, never>;
  wechat_pay?: Record<string, never>;
  link?: { email: string | null };
  created: number;
  customer: string | null;
  livemode: false;
  metadata: Metadata;
}

export interface Customer {
  id: string;
  object: 'customer';
  address: unknown;
  balance: number;
  created: number;
  currency: string | null;
  description: string | null;
  email: string | null;
  livemode: false;
  metadata: Metadata;
  name: string | null;
  phone: string | null;
  preferred_locales: string[];
  shipping: unknown;
}

export interface StripeEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: unknown; previous_attributes?: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

/** What a ConfirmationToken shows of the payment method it will create (no card number, no CVC). */
export type PaymentMethodPreview = Pick<PaymentMethod, 'type' | 'billing_details' | 'card' | 'alipay' | 'wechat_pay' | 'link'>;

export interface ConfirmationToken {
  id: string;
  object: 'confirmation_token';
  created: number;
  /** 12 hours after `created`; null once the token has been used. */
  expires_at: number | null;
  livemode: false;
  mandate_data: Record<string, unknown> | null;
  /** The PaymentIntent the token confirmed, or null while unused. */
  payment_intent: string | null;
  payment_method_options: Record<string, unknown> | null;
  payment_method_preview: PaymentMethodPreview;
  return_url: string | null;
  setup_future_usage: 'on_session' | 'off_session' | null;
  setup_intent: null;
  shipping: unknown;
  /** True when Stripe.js created it: next actions are then handled by `stripe.handleNextAction`. */
  use_stripe_sdk: boolean;
}

/** How a sandbox test payment method behaves when confirmed. */
export type Outcome =
  | { kind: 'succeed' }
  | { kind: 'decline'; code: string; declineCode?: string; message: string }
  | { kind: 'authenticate' }
  | { kind: 'redirect' }
  | { kind: 'qr' };

/** A customer action the sandbox waits for (3-D Secure, Alipay redirect, WeChat Pay QR). */
export interface PendingAction {
  token: string;
  kind: 'three_d_secure' | 'alipay' | 'wechat_pay';
  returnUrl: string | null;
}
