import { CartliftError, describeValue as describe } from '@cartlift/core';

/** Default cap on stored event bytes per address per day: 16 MiB. */
export const DEFAULT_STORED_BYTES_PER_DAY = 16 * 1024 * 1024;
/** Default retention of analytics events, in days. */
export const DEFAULT_RETENTION_DAYS = 400;

/**
 * Reads `analytics.storedBytesPerDay`: a positive whole number of bytes, or false for no cap.
 *
 * @example
 * storedBytesPerDay(undefined) // 16777216
 */
export function storedBytesPerDay(value: unknown): number | false {
  if (value === undefined) return DEFAULT_STORED_BYTES_PER_DAY;
  if (value === false || (Number.isSafeInteger(value) && (value as number) > 0)) return value as number | false;
  throw new CartliftError(
    'invalid_option',
    `analytics.storedBytesPerDay must be a positive whole number of bytes or false; received ${describe(value)}.`,
    'analytics.storedBytesPerDay',
  );
}

/**
 * Reads `analytics.retentionDays`: a whole number of days from 1 to 36500.
 *
 * @example
 * retentionDays(undefined) // 400
 */
export function retentionDays(value: unknown): number {
  if (value === undefined) return DEFAULT_RETENTION_DAYS;
  if (Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= 36_500) return value as number;
  throw new CartliftError(
    'invalid_option',
    `analytics.retentionDays must be a whole number of days from 1 to 36500; received ${describe(value)}.`,
    'analytics.retentionDays',
  );
}
