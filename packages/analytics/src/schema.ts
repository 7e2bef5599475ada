import { ADD_TO_CART_SOURCES, AR_LAUNCH_MODES, FUNNEL_EVENTS, isCurrency, REVIEW_FILTER_NAMES } from '@cartlift/core';

const names = new Set<string>(FUNNEL_EVENTS);
const reviewFilters = new Set<string>(REVIEW_FILTER_NAMES);
const whole = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/**
 * Development check of one funnel event against its schema: returns one
 * sentence per problem (empty when valid). Pass it as `analytics({ validate })`
 * in development builds; production bundles leave it out.
 *
 * @example
 * validateEvent('purchase', { …, transaction_id: '' })
 * // ['purchase.transaction_id must be a non-empty string (the order id); received "".']
 */
export function validateEvent(name: string, event: unknown): string[] {
  const problems: string[] = [];
  const e = (event ?? {}) as Record<string, unknown>;
  const need = (ok: boolean, field: string, expected: string, value: unknown) =>
    ok || problems.push(`${name}.${field} must be ${expected}; received ${JSON.stringify(value) ?? String(value)}.`);
  need(names.has(name), 'name', `one of ${FUNNEL_EVENTS.join(', ')}`, name);
  need(typeof e.event_id === 'string' && /^[0-9a-f-]{36}$/i.test(e.event_id), 'event_id', 'a UUID', e.event_id);
  need(whole(e.time), 'time', 'a timestamp in milliseconds', e.time);
  need(typeof e.cart_id === 'string', 'cart_id', 'a string', e.cart_id);
  need(isCurrency(e.currency), 'currency', 'an ISO 4217 code such as "USD"', e.currency);
  need(whole(e.value), 'value', 'a whole number of minor units', e.value);
  need(Array.isArray(e.items), 'items', 'an array of GA4 items', e.items);
  if (Array.isArray(e.items)) {
    e.items.forEach((item: Record<string, unknown>, i) => {
      need(typeof item?.item_id === 'string' && item.item_id !== '', `items[${i}].item_id`, 'a non-empty string', item?.item_id);
      need(whole(item?.quantity), `items[${i}].quantity`, 'a whole number', item?.quantity);
      need(item?.price === undefined || whole(item.price), `items[${i}].price`, 'a whole number of minor units', item?.price);
    });
  }
  if (name === 'purchase')
    need(typeof e.transaction_id === 'string' && e.transaction_id !== '', 'transaction_id', 'a non-empty string (the order id)', e.transaction_id);
  if (name === 'review_filter_applied') {
    need(typeof e.product === 'string' && e.product !== '', 'product', 'a non-empty string (the SKU)', e.product);
    need(reviewFilters.has(e.filter as string), 'filter', `one of ${REVIEW_FILTER_NAMES.join(', ')}`, e.filter);
    need(typeof e.filter_value === 'string', 'filter_value', 'a string ("" for clear)', e.filter_value);
    need(whole(e.total), 'total', 'a whole number of matching reviews', e.total);
  }
  if (name === 'ar_launched') {
    need(typeof e.sku === 'string' && e.sku !== '', 'sku', 'a non-empty string (the SKU)', e.sku);
    need((AR_LAUNCH_MODES as readonly unknown[]).includes(e.mode), 'mode', `one of ${AR_LAUNCH_MODES.join(', ')}`, e.mode);
  }
  if (name === 'add_to_cart')
    need(
      e.source === undefined || (ADD_TO_CART_SOURCES as readonly unknown[]).includes(e.source),
      'source',
      `absent or one of ${ADD_TO_CART_SOURCES.join(', ')}`,
      e.source,
    );
  return problems;
}
