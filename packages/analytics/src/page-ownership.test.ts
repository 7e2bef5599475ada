import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageOwnership } from './page-ownership.js';

afterEach(() => vi.unstubAllGlobals());

/** Web Locks as a browser has them, enough for one page: a request is granted at once and held until its callback's promise settles. */
function fakeLocks() {
  const held = new Set<string>();
  return {
    held,
    locks: {
      request: async (name: string, callback: () => Promise<void>) => {
        held.add(name);
        await callback();
        held.delete(name);
      },
      query: async () => ({ held: [...held].map((name) => ({ name })), pending: [] }),
    },
  };
}

describe('page ownership', () => {
  it('holds a lock named after the page from claim() to release(), and sees its holder alive', async () => {
    const { held, locks } = fakeLocks();
    vi.stubGlobal('navigator', { locks });
    const ownership = pageOwnership('page-1', () => true);
    ownership.claim();
    await ownership.held();
    expect([...held]).toEqual(['cartlift-analytics:page-1']);
    const [alive] = await ownership.liveness();
    expect([alive('page-1'), alive('page-2')]).toEqual([true, false]);
    ownership.release();
    await vi.waitFor(() => expect(held.size).toBe(0));
  });

  it('takes no lock while the queue is in memory, which no other tab sees', async () => {
    const { held, locks } = fakeLocks();
    vi.stubGlobal('navigator', { locks });
    const ownership = pageOwnership('page-1', () => false);
    ownership.claim();
    await ownership.held();
    expect(held.size).toBe(0);
  });

  it('without Web Locks, counts every owner as gone once its events are a 60 s lease old', async () => {
    vi.stubGlobal('navigator', {});
    const ownership = pageOwnership('page-1', () => true);
    ownership.claim();
    await ownership.held();
    const [alive, since] = await ownership.liveness();
    expect(alive('page-1')).toBe(false);
    expect(Date.now() - since).toBeGreaterThanOrEqual(60_000);
  });
});
