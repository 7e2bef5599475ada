import { memoryStorage } from '@cartlift/core';
import { describe, expect, it } from 'vitest';
import { adopt, append, type Entry, remove } from './queue';
import type { WireEvent } from './wire';

const entry = (id: string, owner = 'A', t = 1): Entry => ({ o: owner, t, e: { event_id: id } as WireEvent });

describe('persisted queue', () => {
  it('appends without duplicating an event id and drops the oldest beyond the bound', async () => {
    const s = memoryStorage();
    expect(await append(s, 'q', [entry('1'), entry('2'), entry('2')], 3)).toBe(0);
    expect(await append(s, 'q', [entry('1'), entry('3'), entry('4'), entry('5')], 3)).toBe(2);
    expect(((await s.get<Entry[]>('q')) ?? []).map((x) => x.e.event_id)).toEqual(['3', '4', '5']);
  });

  it('adopts only events of dead pages written before the liveness snapshot', async () => {
    const s = memoryStorage();
    await append(s, 'q', [entry('1', 'dead', 5), entry('2', 'alive', 5), entry('3', 'dead', 50), entry('4', 'me', 5)], 10);
    const all = await adopt(s, 'q', 'me', (o) => o === 'alive' || o === 'me', 10);
    expect(all.map((x) => `${x.e.event_id}:${x.o}`)).toEqual(['1:me', '2:alive', '3:dead', '4:me']);
    // Adopted entries are stamped anew: a tab whose liveness snapshot is older than "me" leaves them alone.
    expect(all[0]!.t).toBeGreaterThanOrEqual(10);
    const other = await adopt(s, 'q', 'other', () => false, 10);
    expect(other.map((x) => `${x.e.event_id}:${x.o}`)).toEqual(['1:me', '2:other', '3:dead', '4:other']);
    await remove(s, 'q', new Set(['1']));
    expect(((await s.get<Entry[]>('q')) ?? []).map((x) => `${x.e.event_id}:${x.o}`)).toEqual(['1:', '2:other', '3:dead', '4:other']);
  });

  it('keeps a tombstone of each removed event for a minute, so a second taker of the same unload stash does not queue it again', async () => {
    const s = memoryStorage();
    await append(s, 'q', [entry('1', 'A'), entry('2', 'A')], 2);
    await remove(s, 'q', new Set(['1']), 1000);
    // Tab B took the closed page's stash after tab A delivered event 1: only 3 is new.
    expect(await append(s, 'q', [entry('1', 'B'), entry('2', 'B'), entry('3', 'B')], 2)).toBe(0);
    const all = (await s.get<Entry[]>('q')) ?? [];
    expect(all.map((x) => `${x.e.event_id}:${x.o}`)).toEqual(['1:', '2:A', '3:B']);
    // Tombstones are never adopted, never count toward the bound, and go after a minute.
    expect((await adopt(s, 'q', 'C', () => false, 2000)).map((x) => `${x.e.event_id}:${x.o}`)).toEqual(['1:', '2:C', '3:C']);
    await remove(s, 'q', new Set(['2']), 61_001);
    expect(((await s.get<Entry[]>('q')) ?? []).map((x) => `${x.e.event_id}:${x.o}`)).toEqual(['2:', '3:C']);
  });
});
