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
    await remove(s, 'q', new Set(['1']));
    expect(((await s.get<Entry[]>('q')) ?? []).map((x) => `${x.e.event_id}:${x.o}`)).toEqual(['2:alive', '3:dead', '4:me']);
  });
});
