/** Running totals since the plugin was created. */
export interface AnalyticsCounters {
  /** Funnel events heard. */
  tracked: number;
  /** Events the collector (or an HTTP destination) accepted. */
  sent: number;
  /** Events in batches that failed and will be tried again. */
  retried: number;
  /** Events given up: queue bound, 4xx other than 408/429, larger than a request may be. */
  dropped: number;
  /** Events the collector reported as invalid. */
  invalid: number;
  /** Events discarded because consent was denied. */
  discarded: number;
  /** Events not reported because the anonymous id is outside the sample. */
  sampledOut: number;
  /** Events handed to sendBeacon when the page was hidden. */
  beaconed: number;
  /** Events the collector already had (a beacon that did arrive, then a resend): deduplicated there. */
  duplicates: number;
  /** Times the queue storage failed (quota, private mode) and memory took over. */
  storageErrors: number;
}

/**
 * Counters at zero, for a new plugin.
 *
 * @example
 * const counters = zeroCounters();
 * counters.tracked++;
 */
export function zeroCounters(): AnalyticsCounters {
  return { tracked: 0, sent: 0, retried: 0, dropped: 0, invalid: 0, discarded: 0, sampledOut: 0, beaconed: 0, duplicates: 0, storageErrors: 0 };
}
