/**
 * @cartlift/analytics: the funnel plugin. It only listens to core's events;
 * nothing in Cartlift depends on it. Nothing runs at import.
 */
export type { AnalyticsCounters, AnalyticsOptions, AnalyticsPlugin } from './analytics.js';
export { analytics } from './analytics.js';
export type { Consent } from './consent.js';
export { effectiveConsent, gtagConsent } from './consent.js';
export type { Destination, HttpDestination, PageDestination } from './destinations.js';
export { collector } from './destinations.js';
export { major } from './major.js';
export { ga4, ga4Params } from './ga4.js';
export { SEGMENT_NAMES, segment, segmentMessage, segmentProperties } from './segment.js';
export { assignVariant, bucket, BUCKETS, hash32 } from './experiments.js';
export { backoffDelay, retryAfterMs } from './backoff.js';
export { validateEvent } from './schema.js';
export type { CollectorReply, WireEvent } from './wire.js';
export { chunkBodies } from './wire.js';
