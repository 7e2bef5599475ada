import { describe, expect, test } from 'vitest';
import { HttpError } from '../http/errors.js';
import { basisPoints, buildFunnel, parseFunnelQuery } from './funnel.js';

const NOW = Date.parse('2026-02-01T12:00:00Z');
const q = (text: string) => parseFunnelQuery(new URLSearchParams(text), NOW);

describe('funnel queries', () => {
  test('defaults to the 30 days before now; a date `to` includes that day', () => {
    expect(q('')).toEqual({ from: NOW - 30 * 86_400_000, to: NOW, by: null, experiment: null });
    expect(q('from=2026-01-01&to=2026-01-07&by=day')).toMatchObject({
      from: Date.parse('2026-01-01T00:00:00Z'),
      to: Date.parse('2026-01-08T00:00:00Z'),
      by: 'day',
    });
    expect(q('from=2026-01-01T08:00:00%2B08:00&to=1767312000000')).toMatchObject({
      from: Date.parse('2026-01-01T00:00:00Z'),
      to: Date.parse('2026-01-02T00:00:00Z'),
    });
  });

  test.each([
    ['from=yesterday', 'from', /^from must be a UTC date .*; received "yesterday"\.$/],
    ['from=2026-01-08&to=2026-01-01', 'from', /^from must be before to/],
    ['by=week', 'by', /^by must be "variant" or "day"; received "week"\.$/],
    ['by=variant', 'experiment', /^experiment must name the experiment .*; received nothing\.$/],
    ['experiment=k', 'experiment', /^experiment is only read with by=variant/],
    ['from=2024-01-01&to=2026-01-01&by=day', 'from', /at most 366 days apart/],
    ['by=variant&experiment=%00', 'experiment', /characters of text/],
  ])('%s is a 400 naming %s', (text, field, message) => {
    try {
      q(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HttpError);
      expect((error as HttpError).status).toBe(400);
      expect((error as HttpError).field).toBe(field);
      expect((error as HttpError).message).toMatch(message);
    }
  });
});

describe('buildFunnel', () => {
  test('counts shoppers at their furthest step and every step before it', () => {
    const [all] = buildFunnel(
      [
        { day: null, variant: null, furthest: 0, shoppers: 1 },
        { day: null, variant: null, furthest: 1, shoppers: 6 },
        { day: null, variant: null, furthest: 2, shoppers: 1 },
        { day: null, variant: null, furthest: 7, shoppers: 3 },
      ],
      { from: 0, to: 1, by: null, experiment: null },
    );
    expect(all!.shoppers).toBe(11);
    expect(all!.steps.map((s) => s.shoppers)).toEqual([10, 4, 3, 3, 3, 3, 3]);
    expect(all!.steps[1]).toEqual({ name: 'add_to_cart', shoppers: 4, dropOff: 6, conversionBp: 4000, fromFirstBp: 4000, source: 'browser' });
    expect(all!.steps[0]!.conversionBp).toBeNull();
  });

  test('lists every day of the range, empty ones too', () => {
    const from = Date.parse('2026-01-01T00:00:00Z');
    const groups = buildFunnel([{ day: from / 86_400_000 + 1, variant: null, furthest: 2, shoppers: 2 }], {
      from,
      to: from + 3 * 86_400_000,
      by: 'day',
      experiment: null,
    });
    expect(groups.map((g) => [g.key, g.steps[1]!.shoppers])).toEqual([
      ['2026-01-01', 0],
      ['2026-01-02', 2],
      ['2026-01-03', 0],
    ]);
    expect(groups[0]!.steps[1]!.conversionBp).toBeNull();
  });

  test('rounds basis points half up in integers', () => {
    expect([basisPoints(1, 3), basisPoints(2, 3), basisPoints(1, 8), basisPoints(0, 5), basisPoints(1, 0)]).toEqual([3333, 6667, 1250, 0, null]);
  });
});
