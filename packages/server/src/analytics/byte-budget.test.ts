import { describe, expect, it } from 'vitest';
import { createRateLimiter, type RateLimiter } from '../rate-limit.js';
import { BYTE_BUDGET_SYNC_MS, byteBudget } from './byte-budget.js';

const DAY = 86_400_000;

/** One shared window counter (the store) and a count of the round trips made to it. */
function sharedStore() {
  const limiter = createRateLimiter(DAY);
  let trips = 0;
  const counted: RateLimiter = {
    ...limiter,
    take: (...args) => {
      trips++;
      return limiter.take(...args);
    },
  };
  return {
    limiter: counted,
    trips: () => trips,
    total: async (key: string, now: number) => (await limiter.take([{ key, limit: Number.MAX_SAFE_INTEGER }], now, 0)).windows[0]?.count,
  };
}

describe('byteBudget', () => {
  it('asks the store once a second per address, not once a request, and the store ends up with every byte', async () => {
    const store = sharedStore();
    const budget = byteBudget(store.limiter, DAY);
    const start = 1_000_000;
    for (let i = 0; i < 100; i++) expect(await budget.take('a', 1_000_000, 1000, start + i)).toBe(0);
    expect(store.trips()).toBe(1);
    await budget.take('a', 1_000_000, 1000, start + BYTE_BUDGET_SYNC_MS);
    expect(store.trips()).toBe(2);
    expect(await store.total('a', start + BYTE_BUDGET_SYNC_MS)).toBe(100_000);
  });

  it('refuses what would pass the limit with the seconds left in the window, and takes back duplicates not yet stored', async () => {
    const budget = byteBudget(sharedStore().limiter, DAY);
    expect(await budget.take('a', 5000, 4000, 0)).toBe(0);
    expect(await budget.take('a', 5000, 2000, 10)).toBe(DAY / 1000);
    budget.giveBack('a', 4000);
    expect(await budget.take('a', 5000, 5000, 20)).toBe(0);
  });

  it("sees the other processes' bytes within a second, so together they stop at the cap plus at most a second's bytes", async () => {
    const store = sharedStore();
    const one = byteBudget(store.limiter, DAY);
    const two = byteBudget(store.limiter, DAY);
    let now = 0;
    let accepted = 0;
    for (let second = 0; second < 20; second++, now += BYTE_BUDGET_SYNC_MS) {
      for (const budget of [one, two]) if ((await budget.take('a', 50_000, 4000, now)) === 0) accepted += 4000;
    }
    expect(accepted).toBeGreaterThanOrEqual(48_000);
    expect(accepted).toBeLessThanOrEqual(50_000 + 2 * 4000);
  });

  it('counts bytes taken while a sync is running once, not twice', async () => {
    const store = sharedStore();
    const budget = byteBudget(store.limiter, DAY);
    await Promise.all(Array.from({ length: 10 }, () => budget.take('a', 1_000_000, 100, 0)));
    await budget.take('a', 1_000_000, 0, BYTE_BUDGET_SYNC_MS);
    expect(store.trips()).toBe(2);
    expect(await store.total('a', BYTE_BUDGET_SYNC_MS)).toBe(1000);
  });
});
