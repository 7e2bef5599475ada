import type { Promotion } from '@cartlift/discounts';
import { describe, expect, it } from 'vitest';
import { promotionStatus } from './status.js';

const promotion: Promotion = { id: 'spring', name: { en: 'Spring', 'zh-CN': '春季' }, rule: { type: 'percent_off', percent: 10 } };
// 2026-04-01 00:00 in Shanghai is 2026-03-31 16:00 UTC.
const shanghaiMidnight = Date.parse('2026-03-31T16:00:00Z');
const at = (now: number, changes: Partial<Promotion> = {}, published = true) =>
  promotionStatus({ ...promotion, ...changes }, { now, published, shopTimeZone: 'Asia/Shanghai' });

describe("a promotion's status", () => {
  it('is a draft until a published version holds it, and paused when switched off', () => {
    expect(at(shanghaiMidnight, {}, false)).toBe('draft');
    expect(at(shanghaiMidnight, { enabled: false })).toBe('paused');
    expect(at(shanghaiMidnight)).toBe('active');
    expect(at(shanghaiMidnight, { archived: true, enabled: false })).toBe('archived');
    expect(at(shanghaiMidnight, { archived: true, enabled: false }, false)).toBe('archived');
  });

  it("reads start and end in the shop's time zone, or the promotion's own", () => {
    const april = { startsAt: '2026-04-01', endsAt: '2026-05-01' };
    expect(at(shanghaiMidnight - 1, april)).toBe('scheduled');
    expect(at(shanghaiMidnight, april)).toBe('active');
    expect(at(Date.parse('2026-04-30T16:00:00Z'), april)).toBe('expired');
    // The same dates in New York start 12 hours later.
    expect(at(shanghaiMidnight, { ...april, timeZone: 'America/New_York' })).toBe('scheduled');
  });
});
