import type { OperationContext } from './context.js';
import { invalidRequest } from './errors.js';
import { snapshot } from './state.js';
import type { PaymentIntent } from './types.js';

/** Fields a publishable key may read, as Stripe.js sees a PaymentIntent (no metadata, no customer). */
const PUBLIC_FIELDS: (keyof PaymentIntent)[] = [
  'id',
  'object',
  'allowed_payment_method_types',
  'amount',
  'automatic_payment_methods',
  'excluded_payment_method_types',
  'canceled_at',
  'cancellation_reason',
  'capture_method',
  'client_secret',
  'confirmation_method',
  'created',
  'currency',
  'description',
  'last_payment_error',
  'livemode',
  'next_action',
  'payment_method',
  'payment_method_types',
  'processing',
  'receipt_email',
  'setup_future_usage',
  'shipping',
  'status',
];

/**
 * The PaymentIntent a publishable key sees.
 *
 * @example
 * publicIntent(intent).metadata // undefined
 */
export function publicIntent(intent: PaymentIntent): Partial<PaymentIntent> {
  const out: Partial<PaymentIntent> = {};
  for (const key of PUBLIC_FIELDS) (out as Record<string, unknown>)[key] = snapshot(intent[key]);
  return out;
}

/**
 * A response copy of a PaymentIntent with `expand` applied (`customer`, `payment_method`).
 *
 * @example
 * expandIntent(ctx, intent, ['payment_method']).payment_method // { id: 'pm_…', type: 'card', … }
 */
export function expandIntent(ctx: OperationContext, intent: PaymentIntent, expand: readonly string[]): PaymentIntent {
  const copy = snapshot(intent);
  for (const path of expand) {
    if (path === 'customer') {
      const id = copy.customer;
      copy.customer = typeof id === 'string' ? (snapshot(ctx.state.customers.get(id) ?? null) ?? id) : id;
    } else if (path === 'payment_method') {
      const id = copy.payment_method;
      copy.payment_method = typeof id === 'string' ? (snapshot(ctx.state.paymentMethods.get(id) ?? null) ?? id) : id;
    } else {
      throw invalidRequest('expand', `This property cannot be expanded (${path}). The sandbox expands customer and payment_method.`);
    }
  }
  return copy;
}

/**
 * Strips a list prefix (`data.customer` → `customer`) for expanding list items.
 *
 * @example
 * listExpand(['data.customer']) // ["customer"]
 */
export function listExpand(expand: readonly string[]): string[] {
  return expand.map((path) => {
    if (!path.startsWith('data.')) throw invalidRequest('expand', `This property cannot be expanded (${path}). In lists, expand data.<field>.`);
    return path.slice(5);
  });
}
