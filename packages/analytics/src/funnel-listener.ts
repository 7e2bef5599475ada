import { BUCKETS, bucket, FUNNEL_EVENTS, type FunnelEvent } from '@cartlift/core';
import type { Consent } from './consent.js';
import type { AnalyticsCounters } from './counters.js';
import type { DeliveryLane } from './delivery-lane.js';
import type { Identity, PageIdentity } from './identity.js';
import type { WireEvent } from './wire.js';

const FUNNEL = new Set<string>(FUNNEL_EVENTS);

/** What the listener needs to decide an event's fate. */
export interface FunnelParts {
  counters: AnalyticsCounters;
  choice(): Consent;
  identity: PageIdentity;
  lanes: readonly DeliveryLane[];
  /** Share of anonymous ids that report. */
  sample: number;
  validate?: (name: string, event: unknown) => string[];
}

/** The event as it travels: core's payload with its name, the anonymous id, and the variants it is in. */
const wireEvent = (name: string, payload: FunnelEvent, identity: Identity): WireEvent => {
  const event = { ...payload, name, anonymous_id: identity.id } as WireEvent;
  if (Object.keys(identity.exposures).length) event.experiments = { ...identity.exposures };
  return event;
};

/**
 * The listener for core's events: funnel events are counted, checked in
 * development, then discarded (consent denied), left out (outside the sample)
 * or handed to every lane.
 *
 * @example
 * const off = instance.events.onAny(funnelListener({ counters, choice, identity, lanes, sample: 1 }));
 */
export function funnelListener({ counters, choice, identity, lanes, sample, validate }: FunnelParts): (name: string, payload: unknown) => void {
  // The same id is always in or out of the sample.
  const sampled = () => sample >= 1 || bucket('cartlift-sample', identity.current().id) < sample * BUCKETS;
  return (name, payload) => {
    if (!FUNNEL.has(name)) return;
    counters.tracked++;
    if (validate) for (const problem of validate(name, payload)) console.warn(`Cartlift analytics: ${problem}`);
    if (choice() === 'denied') {
      counters.discarded++;
      return;
    }
    if (!sampled()) {
      counters.sampledOut++;
      return;
    }
    const event = wireEvent(name, payload as FunnelEvent, identity.current());
    for (const lane of lanes) lane.hear(event);
  };
}
