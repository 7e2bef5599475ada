import type { StoragePort } from '@cartlift/core';
import { type Consent, CONSENT_STATES, isConsent } from './consent.js';
import { collector, type Destination } from './destinations.js';
import { BEACON_BYTES } from './wire.js';

export interface AnalyticsOptions {
  /** Where events go. Default: `[collector()]`, i.e. `POST {endpoint}/events`. */
  destinations?: Destination[];
  /** The shopper's choice so far. Default "granted"; pass "pending" while a consent banner is up. */
  consent?: Consent;
  /** Share of anonymous ids that report, 0–1 (default 1). The same id is always in or out. */
  sample?: number;
  /** A batch is sent when it reaches `count` events or `bytes`, or `wait` ms after its first event. Default 20 / 16000 / 250: soon enough that a shopper bouncing after 400 ms leaves little for the unload beacon. */
  batch?: { count?: number; bytes?: number; wait?: number };
  /** Most events kept waiting; beyond it the oldest are dropped (and counted). Default 1000. */
  maxQueue?: number;
  /** Retry backoff: full jitter over base·2^attempt ms, at most `cap`. Default 1000 / 30000. */
  retry?: { base?: number; cap?: number };
  /** Queue storage. Default: IndexedDB database "cartlift-analytics" in browsers, memory elsewhere. */
  storage?: StoragePort;
  /** Development schema check, e.g. `validateEvent`; each problem is a console warning. */
  validate?: (name: string, event: unknown) => string[];
}

/** The options with every default filled in and every bad value replaced by its default. */
export interface Settings {
  consent: Consent;
  sample: number;
  batch: { count: number; bytes: number; wait: number };
  maxQueue: number;
  retry: { base: number; cap: number };
  destinations: Destination[];
}

/**
 * The sentence for an option (or argument) that is not what it must be.
 *
 * @example
 * optionSentence('sample', 'a number above 0 and at most 1', 2)
 * // 'Cartlift analytics: sample must be a number above 0 and at most 1; received 2.'
 */
export const optionSentence = (option: string, expected: string, value: unknown): string =>
  `Cartlift analytics: ${option} must be ${expected}; received ${JSON.stringify(value)}.`;

// A bad option must not break the page: one clear sentence, then the default.
const useDefault = <T>(fallback: T, option: string, expected: string, value: unknown): T => {
  console.error(`${optionSentence(option, expected, value)} Using the default.`);
  return fallback;
};

// Every tuning knob is a positive number (sample at most 1).
const positive = (value: number | undefined, fallback: number, option: string, max = 1e9): number =>
  value === undefined || (value > 0 && value <= max) ? (value ?? fallback) : useDefault(fallback, option, `a number above 0 and at most ${max}`, value);

const consentOption = (value: Consent | undefined): Consent =>
  value === undefined || isConsent(value) ? (value ?? 'granted') : useDefault('granted', 'consent', CONSENT_STATES, value);

/**
 * The settings the plugin runs with; each bad option is reported once on the console.
 *
 * @example
 * readOptions({ batch: { count: 0 } }).batch.count // 20, after one console error naming batch.count
 */
export function readOptions(options: AnalyticsOptions): Settings {
  const { batch, retry } = options;
  return {
    consent: consentOption(options.consent),
    sample: positive(options.sample, 1, 'sample', 1),
    batch: {
      count: positive(batch?.count, 20, 'batch.count'),
      bytes: positive(batch?.bytes, 16_000, 'batch.bytes', BEACON_BYTES),
      wait: positive(batch?.wait, 250, 'batch.wait'),
    },
    maxQueue: positive(options.maxQueue, 1000, 'maxQueue'),
    retry: { base: positive(retry?.base, 1000, 'retry.base'), cap: positive(retry?.cap, 30_000, 'retry.cap') },
    destinations: options.destinations ?? [collector()],
  };
}
