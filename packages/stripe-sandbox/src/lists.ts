import { invalidRequest } from './errors.js';
import type { FormObject } from './form.js';
import { readInteger, readString } from './params.js';
import type { SandboxState } from './state.js';

/** Stripe's list envelope. */
export interface StripeList<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

/**
 * Pages items newest first with Stripe's `limit`, `starting_after` and `ending_before`.
 *
 * @example
 * paginate(state, intents, { limit: '2' }, '/v1/payment_intents')
 */
export function paginate<T extends { id: string }>(state: SandboxState, items: Iterable<T>, params: FormObject, url: string): StripeList<T> {
  const limit = readInteger(params, 'limit') ?? 10;
  if (limit < 1 || limit > 100) throw invalidRequest('limit', `Invalid limit: must be between 1 and 100, received ${limit}.`, 'parameter_invalid_integer');
  const after = readString(params, 'starting_after');
  const before = readString(params, 'ending_before');
  const sorted = [...items].sort((a, b) => (state.order.get(b.id) ?? 0) - (state.order.get(a.id) ?? 0));
  if (before) {
    const end = indexOf(sorted, before, 'ending_before');
    const start = Math.max(0, end - limit);
    return { object: 'list', data: sorted.slice(start, end), has_more: start > 0, url };
  }
  const start = after ? indexOf(sorted, after, 'starting_after') + 1 : 0;
  return { object: 'list', data: sorted.slice(start, start + limit), has_more: start + limit < sorted.length, url };
}

function indexOf(items: { id: string }[], id: string, param: string): number {
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) throw invalidRequest(param, `No such object: '${id}' (${param} must name an object in this list).`, 'resource_missing');
  return index;
}

/**
 * Applies Stripe's `created` filter (`created=…` or `created[gte]=…` etc.).
 *
 * @example
 * matchesCreated({ created: { gte: '1700000000' } }, 1700000001) // true
 */
export function matchesCreated(params: FormObject, created: number): boolean {
  const filter = params.created;
  if (filter === undefined) return true;
  if (typeof filter === 'string') return created === Number(filter);
  if (Array.isArray(filter)) throw invalidRequest('created', 'Invalid created filter: expected a timestamp or created[gt|gte|lt|lte].');
  const bound = (key: string) => (typeof filter[key] === 'string' ? Number(filter[key]) : undefined);
  const [gt, gte, lt, lte] = [bound('gt'), bound('gte'), bound('lt'), bound('lte')];
  return (
    (gt === undefined || created > gt) && (gte === undefined || created >= gte) && (lt === undefined || created < lt) && (lte === undefined || created <= lte)
  );
}
