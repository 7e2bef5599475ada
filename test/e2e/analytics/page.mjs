// The harness page: Cartlift core plus the analytics plugin with its defaults,
// posting to this origin's /events (or `?endpoint=`'s). The test drives it through window.track.
import { createCartlift, funnelEvent, memoryStorage } from '@cartlift/core';
import { analytics, collector, ga4 } from '@cartlift/analytics';

// ?consent=pending|granted|denied, ?ga4 (GA4 events land in window.ga4Events),
// ?tag (requests carry ?page=<this page's id>, so the harness knows which page delivered what).
const params = new URLSearchParams(location.search);
const endpoint = params.get('endpoint') ?? location.origin;
const cartlift = createCartlift({ currency: 'USD', endpoint, storage: memoryStorage() });
const pageId = crypto.randomUUID();
const options = {};
if (params.has('consent')) options.consent = params.get('consent');
if (params.has('tag')) options.destinations = [collector({ url: `${endpoint}/events?page=${pageId}` })];
if (params.has('ga4')) {
  window.ga4Events = [];
  options.destinations = [collector(), ga4({ dataLayer: window.ga4Events })];
}
const plugin = analytics(options);
cartlift.use(plugin);
// After the plugin's own pagehide listener: what this page beaconed, summed over the tab's pages.
addEventListener('pagehide', () =>
  sessionStorage.setItem('harness-beaconed', String(Number(sessionStorage.getItem('harness-beaconed') ?? 0) + plugin.counters.beaconed)),
);

/** Emits one add_to_cart per harness sequence id (the id is our ground truth, independent of event_id). */
window.track = (seqs) => {
  for (const seq of seqs)
    cartlift.events.emit('add_to_cart', funnelEvent('add_to_cart', cartlift.cart.get(), [{ item_id: 'TEA-LJ-100', quantity: 1, price: 2400 }], { seq }));
};
window.cartlift = cartlift;
window.analyticsPlugin = plugin;
window.pageId = pageId;
window.ready = true;
window.core = { createCartlift, funnelEvent, memoryStorage };
