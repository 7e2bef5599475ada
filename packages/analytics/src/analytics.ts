import { assignVariant, type CartliftInstance, type CartliftPlugin, CartliftError, funnelEvent, uuid } from '@cartlift/core';
import { type Consent, CONSENT_STATES, isConsent, storageAllowed } from './consent.js';
import { type AnalyticsCounters, zeroCounters } from './counters.js';
import { type DeliveryLane, deliveryLanes, type LaneContext } from './delivery-lane.js';
import { funnelListener } from './funnel-listener.js';
import { pageIdentity, refresh, saveIdentity } from './identity.js';
import { type AnalyticsOptions, optionSentence, readOptions } from './options.js';
import { requeueStashed, watchPage } from './page-lifecycle.js';
import { pageOwnership } from './page-ownership.js';
import { queueStore } from './queue-store.js';
import { unstash } from './unload-stash.js';

export type { AnalyticsCounters } from './counters.js';
export type { AnalyticsOptions } from './options.js';

export interface AnalyticsPlugin extends CartliftPlugin {
  /** Reads, or sets, the shopper's consent. */
  consent(state?: Consent): Consent;
  /** The variant of this shopper in experiment `key`; sends `experiment_exposure` once per id. */
  experiment(key: string, variants: readonly string[], weights?: readonly number[]): string;
  /** The persisted anonymous id experiments and sampling use. */
  anonymousId(): string;
  /** Sends what is queued now (resolves when the attempt is over). */
  flush(): Promise<void>;
  readonly counters: Readonly<AnalyticsCounters>;
}

/**
 * The analytics plugin: listens to core's funnel events, keeps them in a
 * persisted queue shared by the shop's tabs, and delivers each to the
 * first-party collector (and GA4 / Segment) without loss, within consent.
 *
 * @example
 * import { analytics, ga4 } from '@cartlift/analytics';
 * const plugin = analytics({ consent: 'pending', destinations: [collector(), ga4()] });
 * cartlift.use(plugin);
 * banner.onAccept(() => plugin.consent('granted'));
 * const variant = plugin.experiment('checkout-button', ['control', 'one-click']);
 */
export function analytics(options: AnalyticsOptions = {}): AnalyticsPlugin {
  const settings = readOptions(options);
  let choice = settings.consent;
  const counters = zeroCounters();
  const identity = pageIdentity(() => storageAllowed(choice));
  const store = queueStore(options.storage, () => counters.storageErrors++);
  const pageId = uuid();
  const ownership = pageOwnership(pageId, () => !store.inMemory());
  const context: LaneContext = { pageId, settings, counters, choice: () => choice, store, ownership, keepIdentity: identity.keepOnce };
  // Lanes are made at setup(), which knows the endpoint.
  let lanes: DeliveryLane[] = [];
  let instance: CartliftInstance | undefined;

  return {
    name: 'analytics',
    counters,
    setup(setUp) {
      instance = setUp;
      lanes = deliveryLanes(settings.destinations, (setUp.options.endpoint ?? '/api/cartlift').replace(/\/$/, ''), context);
      identity.keep();
      ownership.claim();
      requeueStashed(lanes);
      const parts = { ...context, lanes, identity, sample: settings.sample, validate: options.validate };
      const stopHearing = setUp.events.onAny(funnelListener(parts));
      const stopWatching = watchPage(parts);
      return () => {
        stopHearing();
        stopWatching();
        for (const lane of lanes) lane.stop();
        ownership.release();
        instance = undefined;
      };
    },
    consent(state) {
      if (state === undefined) return choice;
      if (!isConsent(state)) throw new CartliftError('invalid_consent', optionSentence('consent', CONSENT_STATES, state), 'consent');
      choice = state;
      if (state === 'denied') {
        // The shopper said no: what was waiting goes, and so does the stored id.
        saveIdentity(null);
        unstash();
        for (const lane of lanes) lane.forget();
      } else identity.keep();
      for (const lane of lanes) lane.nudge();
      return choice;
    },
    experiment(key, variants, weights) {
      // Another tab may have exposed this id since we read it: look again (and saving merges).
      const shopper = refresh(identity.current());
      const variant = assignVariant(key, shopper.id, variants, weights);
      // Exposure needs the cart (for cart id and currency): before use() the assignment is returned, not yet recorded.
      if (instance && shopper.exposures[key] !== variant) {
        shopper.exposures[key] = variant;
        identity.keep();
        instance.events.emit('experiment_exposure', funnelEvent('experiment_exposure', instance.cart.get(), [], { experiment: key, variant }));
      }
      return variant;
    },
    anonymousId: () => identity.current().id,
    async flush() {
      await Promise.all(lanes.map((lane) => lane.flush()));
    },
  };
}
