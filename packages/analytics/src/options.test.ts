import { afterEach, describe, expect, it, vi } from 'vitest';
import { collector } from './destinations.js';
import { optionSentence, readOptions } from './options.js';

afterEach(() => vi.restoreAllMocks());

describe('options', () => {
  it('fills in every default', () => {
    expect(readOptions({})).toEqual({
      consent: 'granted',
      sample: 1,
      batch: { count: 20, bytes: 16_000, wait: 250 },
      maxQueue: 1000,
      retry: { base: 1000, cap: 30_000 },
      destinations: [collector()],
    });
  });

  it('replaces each bad value by its default, with one sentence naming the option', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const settings = readOptions({ consent: 'yes' as never, sample: 2, batch: { bytes: 70_000 }, retry: { cap: -1 } });
    expect(settings).toMatchObject({ consent: 'granted', sample: 1, batch: { bytes: 16_000 }, retry: { cap: 30_000 } });
    expect(error.mock.calls.map(([message]) => message)).toEqual([
      'Cartlift analytics: consent must be "pending", "granted" or "denied"; received "yes". Using the default.',
      'Cartlift analytics: sample must be a number above 0 and at most 1; received 2. Using the default.',
      'Cartlift analytics: batch.bytes must be a number above 0 and at most 60000; received 70000. Using the default.',
      'Cartlift analytics: retry.cap must be a number above 0 and at most 1000000000; received -1. Using the default.',
    ]);
  });

  it('says what was expected and what was received', () => {
    expect(optionSentence('maxQueue', 'a number', 'lots')).toBe('Cartlift analytics: maxQueue must be a number; received "lots".');
  });
});
