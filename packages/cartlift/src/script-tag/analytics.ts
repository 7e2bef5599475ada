// This module is itself a lazy chunk (api.ts imports it on use), so the plugin is imported statically here.
import { analytics, collector, type AnalyticsOptions, type AnalyticsPlugin, type Destination } from '@cartlift/analytics';
import type { ga4 } from '@cartlift/analytics/ga4';
import type { segment } from '@cartlift/analytics/segment';

type CollectorOptions = { url?: string };
type Ga4Options = Parameters<typeof ga4>[0];
type SegmentOptions = Parameters<typeof segment>[0];

/**
 * A destination as a script-tag page names it, since it can't import the
 * factories: a name, a `[name, options]` pair, or a destination object.
 */
export type ScriptDestination =
  | Destination
  | 'collector'
  | 'ga4'
  | 'segment'
  | readonly ['collector', CollectorOptions]
  | readonly ['ga4', Ga4Options]
  | readonly ['segment', SegmentOptions];

/** `Cartlift.use('analytics', options)`: the plugin's options, with destinations by name. */
export interface ScriptAnalyticsOptions extends Omit<AnalyticsOptions, 'destinations'> {
  destinations?: readonly ScriptDestination[];
}

type Factory = (options?: never) => Destination;

// GA4 and Segment are chunks of their own, fetched only by the pages that name them.
const FACTORIES: Record<string, () => Promise<Factory>> = {
  collector: async () => collector as Factory,
  ga4: async () => (await import('@cartlift/analytics/ga4')).ga4 as Factory,
  segment: async () => (await import('@cartlift/analytics/segment')).segment as Factory,
};

async function resolveDestination(entry: unknown, index: number): Promise<Destination> {
  const [name, options] = typeof entry === 'string' ? [entry] : Array.isArray(entry) ? entry : [];
  if (name === undefined && entry && typeof entry === 'object') return entry as Destination;
  const load = typeof name === 'string' && Object.hasOwn(FACTORIES, name) ? FACTORIES[name] : undefined;
  if (!load) {
    throw new TypeError(
      `Cartlift.use('analytics'): destinations[${index}] must be "collector", "ga4", "segment", a [name, options] pair or a destination object; received ${JSON.stringify(entry) ?? typeof entry}.`,
    );
  }
  return (await load())(options as never);
}

/**
 * Loads the destination chunks the options name and creates the plugin.
 *
 * @example
 * const plugin = await loadAnalytics({ consent: 'pending', destinations: ['collector', 'ga4'] });
 * instance.use(plugin);
 */
export async function loadAnalytics(options: ScriptAnalyticsOptions = {}): Promise<AnalyticsPlugin> {
  const destinations = options.destinations && (await Promise.all(options.destinations.map(resolveDestination)));
  return analytics(destinations ? { ...options, destinations } : (options as AnalyticsOptions));
}
