import type { PageDestination } from './destinations.js';
import { major } from './major.js';
import type { WireEvent } from './wire.js';

type Gtag = (command: 'event', name: string, params: Record<string, unknown>) => void;

// Keys of ours that GA4 gets under its own names or not at all.
const OWN = new Set(['name', 'event_id', 'time', 'value', 'items', 'currency', 'anonymous_id', 'experiments', 'cart_id']);

/**
 * GA4 parameters for one of our events: same names (ours are GA4's recommended
 * e-commerce names), `value` and item `price` in major units, plus `event_id`,
 * `cart_id`, and extras such as `transaction_id`, `coupon`.
 *
 * @example
 * ga4Params({ name: 'purchase', value: 4800, currency: 'USD', items: [{ item_id: 'TEA', price: 2400, quantity: 2 }], transaction_id: 'ord_1', … })
 * // { currency: 'USD', value: 48, items: [{ item_id: 'TEA', price: 24, quantity: 2 }], transaction_id: 'ord_1', … }
 */
export function ga4Params(event: WireEvent): Record<string, unknown> {
  const params: Record<string, unknown> = {
    currency: event.currency,
    value: major(event.value, event.currency),
    items: event.items.map((item) => ({ ...item, price: item.price === undefined ? undefined : major(item.price, event.currency) })),
    event_id: event.event_id,
    cart_id: event.cart_id,
  };
  for (const [key, value] of Object.entries(event)) if (!OWN.has(key)) params[key] = value;
  if (event.name === 'experiment_exposure') {
    params.experiment_id = event.experiment;
    params.variant_id = event.variant;
  }
  return params;
}

/**
 * GA4 through `gtag('event', …)` when the page has gtag, otherwise Google Tag
 * Manager's dataLayer (`{ event, ecommerce }`, clearing the previous ecommerce object first).
 *
 * @example
 * analytics({ destinations: [collector(), ga4()] })
 * analytics({ destinations: [ga4({ dataLayer: window.dataLayer })] })
 */
export function ga4(options: { dataLayer?: unknown[]; gtag?: Gtag } = {}): PageDestination {
  return {
    kind: 'page',
    name: 'ga4',
    track(event) {
      const w = globalThis as { gtag?: Gtag; dataLayer?: unknown[] };
      const gtag = options.gtag ?? (options.dataLayer ? undefined : w.gtag);
      const params = ga4Params(event);
      if (gtag) return gtag('event', event.name, params);
      let layer = options.dataLayer;
      if (!layer) {
        // No dataLayer on the page yet: start the one Google Tag Manager reads when it loads.
        w.dataLayer ??= [];
        layer = w.dataLayer;
      }
      layer.push({ ecommerce: null }, { event: event.name, ecommerce: params });
    },
  };
}
