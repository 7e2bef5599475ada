import { afterEach, describe, expect, it, vi } from 'vitest';
import { isStash, stash, unstash } from './unload-stash.js';
import type { WireEvent } from './wire.js';
import { webStorage } from '../test/web-storage.js';

afterEach(() => vi.unstubAllGlobals());

const event = (id: string) => ({ event_id: id }) as WireEvent;

describe('unload stash', () => {
  it("takes every page's stash once, in the stored shape, leaving other keys alone", () => {
    const local = webStorage();
    vi.stubGlobal('localStorage', local);
    local.setItem('cartlift-analytics', '{"id":"a","x":{}}');
    stash('page-1', [['q:collector', event('1')]]);
    stash('page-2', [['q:page', event('2')]]);
    stash('page-3', []);
    expect(JSON.parse(local.getItem('cartlift-analytics:stash:page-1')!)).toEqual([{ k: 'q:collector', e: { event_id: '1' } }]);
    expect(unstash().sort(([, first], [, second]) => first.event_id.localeCompare(second.event_id))).toEqual([
      ['q:collector', event('1')],
      ['q:page', event('2')],
    ]);
    expect(unstash()).toEqual([]);
    expect(local.length).toBe(1);
  });

  it("knows a stash's key when another tab writes one", () => {
    expect(isStash('cartlift-analytics:stash:page-1')).toBe(true);
    expect(isStash('cartlift-analytics')).toBe(false);
    expect(isStash(null)).toBe(false);
  });

  it('does nothing where localStorage is blocked', () => {
    vi.stubGlobal('localStorage', undefined);
    stash('page-1', [['q:collector', event('1')]]);
    expect(unstash()).toEqual([]);
  });
});
