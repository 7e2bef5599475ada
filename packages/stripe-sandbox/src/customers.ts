import type { OperationContext } from './context.js';
import { notFound } from './errors.js';
import type { FormObject } from './form.js';
import { randomId } from './ids.js';
import { matchesCreated, paginate, type StripeList } from './lists.js';
import { assertKnown, mergeMetadata, readObject, readString, readStringArray } from './params.js';
import { remember, snapshot } from './state.js';
import type { Customer } from './types.js';

const FIELDS = ['email', 'name', 'phone', 'description', 'metadata', 'address', 'shipping', 'preferred_locales', 'expand'];

/**
 * POST /v1/customers.
 *
 * @example
 * createCustomer(ctx, { email: 'li@example.cn' }).id // "cus_…"
 */
export function createCustomer(ctx: OperationContext, params: FormObject): Customer {
  assertKnown(params, FIELDS);
  const customer: Customer = {
    id: randomId('cus', 14),
    object: 'customer',
    address: readObject(params, 'address') ?? null,
    balance: 0,
    created: ctx.now,
    currency: null,
    description: readString(params, 'description') ?? null,
    email: readString(params, 'email', 512) ?? null,
    livemode: false,
    metadata: mergeMetadata({}, params.metadata),
    name: readString(params, 'name', 256) ?? null,
    phone: readString(params, 'phone', 20) ?? null,
    preferred_locales: readStringArray(params, 'preferred_locales') ?? [],
    shipping: readObject(params, 'shipping') ?? null,
  };
  ctx.state.customers.set(customer.id, customer);
  remember(ctx.state, customer.id);
  ctx.emit('customer.created', customer);
  return customer;
}

/**
 * GET /v1/customers/:id.
 *
 * @example
 * retrieveCustomer(ctx, 'cus_123')
 */
export function retrieveCustomer(ctx: OperationContext, id: string): Customer {
  const customer = ctx.state.customers.get(id);
  if (!customer) throw notFound('customer', id);
  return customer;
}

/**
 * POST /v1/customers/:id; an empty string unsets a field, as on Stripe.
 *
 * @example
 * updateCustomer(ctx, 'cus_123', { name: 'Li Lei' })
 */
export function updateCustomer(ctx: OperationContext, id: string, params: FormObject): Customer {
  assertKnown(params, FIELDS);
  const before = retrieveCustomer(ctx, id);
  // Changes go to a draft, stored only if the whole update succeeds.
  const customer = snapshot(before);
  for (const field of ['email', 'name', 'phone', 'description'] as const) {
    if (params[field] !== undefined) customer[field] = readString(params, field) || null;
  }
  if (params.address !== undefined) customer.address = params.address === '' ? null : readObject(params, 'address');
  if (params.shipping !== undefined) customer.shipping = params.shipping === '' ? null : readObject(params, 'shipping');
  if (params.preferred_locales !== undefined)
    customer.preferred_locales = params.preferred_locales === '' ? [] : (readStringArray(params, 'preferred_locales') ?? []);
  customer.metadata = mergeMetadata(customer.metadata, params.metadata);
  const previous: Record<string, unknown> = {};
  for (const key of Object.keys(customer) as (keyof Customer)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(customer[key])) previous[key] = before[key];
  }
  ctx.state.customers.set(id, customer);
  if (Object.keys(previous).length > 0) ctx.emit('customer.updated', customer, previous);
  return customer;
}

/**
 * GET /v1/customers with the `email` and `created` filters.
 *
 * @example
 * listCustomers(ctx, { email: 'li@example.cn' }).data.length
 */
export function listCustomers(ctx: OperationContext, params: FormObject): StripeList<Customer> {
  assertKnown(params, ['email', 'limit', 'starting_after', 'ending_before', 'created', 'expand', 'test_clock']);
  const email = readString(params, 'email', 512);
  const matches = [...ctx.state.customers.values()].filter((c) => (email === undefined || c.email === email) && matchesCreated(params, c.created));
  return paginate(ctx.state, matches, params, '/v1/customers');
}

/**
 * DELETE /v1/customers/:id.
 *
 * @example
 * deleteCustomer(ctx, 'cus_123') // { id: 'cus_123', object: 'customer', deleted: true }
 */
export function deleteCustomer(ctx: OperationContext, id: string): { id: string; object: 'customer'; deleted: true } {
  const customer = retrieveCustomer(ctx, id);
  ctx.state.customers.delete(id);
  ctx.emit('customer.deleted', customer);
  return { id, object: 'customer', deleted: true };
}
