import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { describeReason } from './reasons.js';
import { toEpoch } from './schedule.js';
import { cart, line, promo } from './test-helpers.js';

describe('schedule in an IANA time zone', () => {
  it('reads wall-clock times in the zone', () => {
    expect(toEpoch('2025-04-01', 'Asia/Shanghai')).toBe(Date.parse('2025-03-31T16:00:00Z'));
    expect(toEpoch('2025-04-01T10:30', 'America/New_York')).toBe(Date.parse('2025-04-01T14:30:00Z'));
    expect(toEpoch('2025-01-15T10:30', 'America/New_York')).toBe(Date.parse('2025-01-15T15:30:00Z'));
    expect(toEpoch('2025-04-01T00:00:00+09:00', 'UTC')).toBe(Date.parse('2025-03-31T15:00:00Z'));
    expect(toEpoch('2025-04-01')).toBe(Date.parse('2025-04-01T00:00:00Z'));
  });

  it('handles DST: a skipped time moves forward, a repeated time is its first occurrence', () => {
    // New York skipped 02:00-03:00 on 2025-03-09 and repeated 01:00-02:00 on 2025-11-02.
    expect(toEpoch('2025-03-09T02:30', 'America/New_York')).toBe(Date.parse('2025-03-09T07:30:00Z')); // 03:30 EDT
    expect(toEpoch('2025-11-02T01:30', 'America/New_York')).toBe(Date.parse('2025-11-02T05:30:00Z')); // 01:30 EDT
  });

  it('runs while startsAt <= now < endsAt', () => {
    const p = promo('S', { type: 'percent_off', percent: 10 }, { startsAt: '2025-04-01', endsAt: '2025-04-02', timeZone: 'Asia/Shanghai' });
    const at = (iso: string) => evaluate(cart([line('A', 1000)], [p], { now: Date.parse(iso) })).discountTotal;
    expect(at('2025-03-31T15:59:59Z')).toBe(0);
    expect(at('2025-03-31T16:00:00Z')).toBe(100);
    expect(at('2025-04-01T15:59:59Z')).toBe(100);
    expect(at('2025-04-01T16:00:00Z')).toBe(0);
  });

  it('tells an entered code it has not started yet', () => {
    const p = promo('S', { type: 'percent_off', percent: 10 }, { code: 'SOON', startsAt: '2025-06-01T09:00', timeZone: 'Asia/Shanghai' });
    expect(describeReason(evaluate(cart([line('A', 1000)], [p], { codes: ['SOON'] })).notApplied[0]!)).toBe('Code SOON starts on 2025-06-01T09:00.');
  });
});
