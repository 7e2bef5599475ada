import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRateLimiter, LONGEST_RATE_WINDOW_MS, storeRateLimiter, type RateLimiter } from './rate-limit.js';
import type { Store } from './store/types.js';
import { storeVariants, unique } from '../test/harness.js';

async function waitsUntilTheWindowEnds(limiter: RateLimiter, prefix: string) {
  const [a, b] = [`${prefix}:a`, `${prefix}:b`];
  const keys = [{ key: a, limit: 2 }];
  await limiter.hit([a], 0);
  expect(await limiter.retryAfter(keys, 1000)).toBe(0);
  await limiter.hit([a], 1000);
  expect(await limiter.retryAfter(keys, 30_000)).toBe(30);
  expect(await limiter.retryAfter(keys, 60_000)).toBe(0);
  expect(await limiter.retryAfter([{ key: b, limit: 2 }], 30_000)).toBe(0);
  // A new window starts after the old one ended, weighted hits included.
  await limiter.hit([a, b], 60_000, 5);
  expect(
    await limiter.retryAfter(
      [
        { key: a, limit: 6 },
        { key: b, limit: 6 },
      ],
      61_000,
    ),
  ).toBe(0);
  expect(await limiter.retryAfter([{ key: a, limit: 5 }], 61_000)).toBe(59);
}

async function takesAtomicallyAndGivesBack(limiter: RateLimiter, prefix: string) {
  const keys = [
    { key: `${prefix}:ip`, limit: 3 },
    { key: `${prefix}:email`, limit: 5 },
  ];
  const first = await limiter.take(keys, 1000, 2);
  expect(first.wait).toBe(0);
  // 2 + 2 > 3: refused, and nothing of it stays counted.
  expect((await limiter.take(keys, 2000, 2)).wait).toBe(59);
  const second = await limiter.take(keys, 2000, 1);
  expect(second.wait).toBe(0);
  expect(second.windows.find((w) => w.key === keys[0]!.key)?.count).toBe(3);
  await limiter.giveBack(second.windows, 1);
  expect(await limiter.retryAfter([{ key: keys[0]!.key, limit: 3 }], 3000)).toBe(0);
  // A ticket from an ended window gives nothing back to the new one.
  await limiter.take(keys, 70_000, 3);
  await limiter.giveBack(first.windows, 2);
  expect(await limiter.retryAfter([{ key: keys[0]!.key, limit: 3 }], 71_000)).toBe(59);
}

test('in memory: a key over its limit waits until its window ends', async () => {
  await waitsUntilTheWindowEnds(createRateLimiter(60_000), 'memory');
});

test('in memory: take counts and judges at once; giveBack returns part of it', async () => {
  await takesAtomicallyAndGivesBack(createRateLimiter(60_000), 'memory-take');
});

describe.each(storeVariants())('in the database on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
  }, 60_000);
  afterAll(() => store?.close());

  test('a key over its limit waits until its window ends', async () => {
    await waitsUntilTheWindowEnds(
      storeRateLimiter(async () => store, 60_000),
      unique('db'),
    );
  });

  test('take counts and judges at once; giveBack returns part of it', async () => {
    await takesAtomicallyAndGivesBack(
      storeRateLimiter(async () => store, 60_000),
      unique('take'),
    );
  });

  test('100 takes at once against a limit of 30: exactly 30 pass', async () => {
    const key = unique('burst');
    const limiters = [storeRateLimiter(async () => store, 60_000), storeRateLimiter(async () => store, 60_000)];
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => limiters[i % 2]!.take([{ key, limit: 30 }], 1000, 1)));
    expect(results.filter((r) => r.wait === 0)).toHaveLength(30);
    expect(await store.rateWindows([key], 0)).toEqual([{ key, start: 1000, count: 30 }]);
  });

  test('two limiters on one database share the count, even hitting at once', async () => {
    const key = unique('shared');
    const limiters = [storeRateLimiter(async () => store, 60_000), storeRateLimiter(async () => store, 60_000)];
    await Promise.all(Array.from({ length: 40 }, (_, i) => limiters[i % 2]!.hit([key, `${key}:email`], 1000)));
    expect(await store.rateWindows([key, `${key}:email`], 0)).toEqual(
      [
        { key, start: 1000, count: 40 },
        { key: `${key}:email`, start: 1000, count: 40 },
      ].sort((x, y) => x.key.localeCompare(y.key)),
    );
    expect(await limiters[1]!.retryAfter([{ key, limit: 40 }], 2000)).toBe(59);
    expect(await store.sweepRateWindows(61_000)).toBeGreaterThanOrEqual(2);
    expect(await store.rateWindows([key], 0)).toEqual([]);
  });

  test("a limiter with a short window never sweeps a longer limiter's live window (coupons beside console sign-ins)", async () => {
    const signIns = storeRateLimiter(async () => store, 15 * 60_000);
    const coupons = storeRateLimiter(async () => store, 60_000);
    const account = unique('admin-login:account');
    await signIns.hit([account], 10_000_000);
    // Five minutes on, the coupon limiter counts (and sweeps): the sign-in window is 10 minutes from its end.
    await coupons.hit([unique('coupon')], 10_300_000);
    expect(await store.rateWindows([account], 0)).toEqual([{ key: account, start: 10_000_000, count: 1 }]);
    // Past the longest window, a sweep takes it.
    await coupons.hit([unique('coupon')], 10_000_000 + LONGEST_RATE_WINDOW_MS + 1);
    expect(await store.rateWindows([account], 0)).toEqual([]);
  });
});
