import { memoryStorage } from '@cartlift/core';
import { describe, expect, it } from 'vitest';
import { adopt, append, remove } from './queue.js';
import { decodeQueue, type QueuedEvent } from './stored-format.js';
import type { WireEvent } from './wire.js';

const entry = (id: string, owner = 'A', stampedAt = 1): QueuedEvent => [owner, stampedAt, { event_id: id } as WireEvent];
const label = ([owner, , event]: QueuedEvent) => `${event.event_id}:${owner}`;
const queued = async (s: ReturnType<typeof memoryStorage>) => decodeQueue(await s.get('q'))[0].map(label);

describe('persisted queue', () => {
  it('appends without duplicating an event id and drops the oldest beyond the bound', async () => {
    const s = memoryStorage();
    expect(await append(s, 'q', [entry('1'), entry('2'), entry('2')], 3)).toBe(0);
    expect(await append(s, 'q', [entry('1'), entry('3'), entry('4'), entry('5')], 3)).toBe(2);
    expect(await queued(s)).toEqual(['3:A', '4:A', '5:A']);
  });

  it('reads a queue stored as a bare array by earlier versions', async () => {
    const s = memoryStorage();
    await s.update('q', () => [{ o: 'A', t: 1, e: { event_id: '1' } }]);
    expect(await append(s, 'q', [entry('1'), entry('2')], 10)).toBe(0);
    expect(await queued(s)).toEqual(['1:A', '2:A']);
  });

  it('adopts only events of dead pages written before the liveness snapshot, and stamps them anew', async () => {
    const s = memoryStorage();
    await append(s, 'q', [entry('1', 'dead', 5), entry('2', 'alive', 5), entry('3', 'dead', 50), entry('4', 'me', 5)], 10);
    const all = await adopt(s, 'q', 'me', (o) => o === 'alive' || o === 'me', 10);
    expect(all.map(label)).toEqual(['1:me', '2:alive', '3:dead', '4:me']);
    // A tab whose snapshot (10) predates "me" must not take what "me" just adopted.
    expect(all[0]![1]).toBeGreaterThan(10);
    const other = await adopt(s, 'q', 'other', () => false, 10);
    expect(other.map(label)).toEqual(['1:me', '2:other', '3:dead', '4:other']);
    await remove(s, 'q', new Set(['1']));
    expect(await queued(s)).toEqual(['2:other', '3:dead', '4:other']);
  });

  it('remembers the latest 100 removed ids, so a second taker of the same unload stash does not queue them again', async () => {
    const s = memoryStorage();
    await append(s, 'q', [entry('1', 'A'), entry('2', 'A')], 2);
    await remove(s, 'q', new Set(['1']));
    // Tab B took the closed page's stash after tab A delivered event 1: only 3 is new.
    expect(await append(s, 'q', [entry('1', 'B'), entry('2', 'B'), entry('3', 'B')], 2)).toBe(0);
    expect(await queued(s)).toEqual(['2:A', '3:B']);
    const many = Array.from({ length: 150 }, (_, i) => entry(`m${i}`));
    await append(s, 'q', many, 1000);
    await remove(s, 'q', new Set(many.map(([, , event]) => event.event_id)));
    // Only the latest 100 are remembered: '1' and m0…m49 may be queued again, m50… may not.
    expect(await append(s, 'q', [entry('1'), entry('m49'), entry('m50'), entry('m149')], 1000)).toBe(0);
    expect(await queued(s)).toEqual(['2:A', '3:B', '1:A', 'm49:A']);
  });
});
