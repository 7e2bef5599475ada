import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeliveryLane } from './delivery-lane.js';
import { requeueStashed, watchPage } from './page-lifecycle.js';
import type { PageOwnership } from './page-ownership.js';
import type { StashedEvent } from './stored-format.js';
import { stash } from './unload-stash.js';
import type { WireEvent } from './wire.js';
import { webStorage } from '../test/web-storage.js';

afterEach(() => vi.unstubAllGlobals());

const event = (id: string) => ({ event_id: id }) as WireEvent;

/** A lane that records what the page asks of it. */
function recordingLane(key: string, unacknowledged: StashedEvent[] = []) {
  const calls: unknown[][] = [];
  const lane = {
    key,
    requeue: (events: WireEvent[]) => calls.push(['requeue', events.map((queued) => queued.event_id)]),
    hide: (granted: boolean) => {
      calls.push(['hide', granted]);
      return unacknowledged;
    },
    resume: (everything: boolean) => calls.push(['resume', everything]),
  } as unknown as DeliveryLane;
  return { lane, calls };
}

describe('page lifecycle', () => {
  it("requeues every page's stash into the lane whose queue it came from", () => {
    vi.stubGlobal('localStorage', webStorage());
    stash('gone-page', [
      ['q:collector', event('1')],
      ['q:page', event('2')],
    ]);
    const collector = recordingLane('q:collector');
    const page = recordingLane('q:page');
    requeueStashed([collector.lane, page.lane]);
    expect([collector.calls, page.calls]).toEqual([[['requeue', ['1']]], [['requeue', ['2']]]]);
  });

  it('at pagehide beacons, stashes what is unacknowledged and lets the lock go; back from the cache it takes the lock again', () => {
    const local = webStorage();
    vi.stubGlobal('localStorage', local);
    const page = new EventTarget();
    vi.stubGlobal('addEventListener', page.addEventListener.bind(page));
    vi.stubGlobal('removeEventListener', page.removeEventListener.bind(page));
    const ownership = { claim: vi.fn(), release: vi.fn() } as unknown as PageOwnership;
    const { lane, calls } = recordingLane('q:collector', [['q:collector', event('1')]]);
    const stop = watchPage({ pageId: 'this-page', lanes: [lane], ownership, choice: () => 'granted' });
    page.dispatchEvent(new Event('pagehide'));
    expect(calls).toEqual([['hide', true]]);
    expect(JSON.parse(local.getItem('cartlift-analytics:stash:this-page')!)).toEqual([{ k: 'q:collector', e: { event_id: '1' } }]);
    expect(ownership.release).toHaveBeenCalledOnce();
    page.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    expect(ownership.claim).toHaveBeenCalledOnce();
    page.dispatchEvent(new Event('online'));
    expect(calls.slice(1)).toEqual([
      ['resume', true],
      ['resume', false],
    ]);
    stop();
    page.dispatchEvent(new Event('online'));
    expect(calls).toHaveLength(3);
  });
});
