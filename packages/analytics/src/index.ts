/**
 * @cartlift/analytics: the funnel plugin. It only listens to core's events;
 * nothing in Cartlift depends on it. Nothing runs at import.
 */
export type { AnalyticsCounters, AnalyticsOptions, AnalyticsPlugin } from './analytics';
export { analytics } from './analytics';
export type { Consent } from './consent';
export { effectiveConsent, gtagConsent } from './consent';
export type { Destination, HttpDestination, PageDestination } from './destinations';
export { collector } from './destinations';
export { major } from './major';
export { ga4, ga4Params } from './ga4';
export { SEGMENT_NAMES, segment, segmentMessage, segmentProperties } from './segment';
export { assignVariant, bucket, BUCKETS, hash32 } from './experiments';
export { backoffDelay, retryAfterMs } from './backoff';
export { validateEvent } from './schema';
export type { CollectorReply, WireEvent } from './wire';
export { chunkBodies } from './wire';
