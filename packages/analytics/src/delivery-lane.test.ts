import { memoryStorage } from '@cartlift/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Consent } from './consent.js';
import { zeroCounters } from './counters.js';
import { type DeliveryLane, deliveryLane, deliveryLanes, type LaneContext } from './delivery-lane.js';
import { collector, type PageDestination } from './destinations.js';
import { readOptions } from './options.js';
import { queueStore } from './queue-store.js';
import { decodeQueue } from './stored-format.js';
import type { WireEvent } from './wire.js';

const event = (id: string) => ({ name: 'add_to_cart', event_id: id, time: 1, cart_id: 'c', currency: 'USD', value: 0, items: [] }) as unknown as WireEvent;

type Reply = number | 'network' | Promise<number>;
let lanes: DeliveryLane[] = [];
afterEach(() => {
  for (const lane of lanes) lane.stop();
  lanes = [];
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** What a lane alone in its page shares: memory storage, Web Locks absent, consent as `consent.choice` says. */
function laneContext() {
  const storage = memoryStorage();
  const counters = zeroCounters();
  const consent = { choice: 'granted' as Consent };
  const context: LaneContext = {
    pageId: 'this-page',
    settings: readOptions({ batch: { wait: 5 }, retry: { base: 60_000, cap: 60_000 } }),
    counters,
    choice: () => consent.choice,
    store: queueStore(storage, () => counters.storageErrors++),
    ownership: { claim() {}, held: () => Promise.resolve(), release() {}, liveness: async () => [() => false, Date.now()] },
    keepIdentity() {},
  };
  return { context, storage, counters, consent };
}

/** A collector lane whose fetch answers `replies` in turn (then 200); a 503 asks for 60 s. */
function setup(replies: Reply[] = [], handToPage?: (event: WireEvent) => void) {
  // Backoff draws half its range: 30 s with these settings, longer than any test.
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
  const requests: string[] = [];
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    requests.push(String(init.body));
    const reply = await (replies.shift() ?? 200);
    if (reply === 'network') throw new TypeError('Failed to fetch');
    const headers = reply === 503 ? { 'retry-after': '60' } : undefined;
    return new Response('{"accepted":1}', { status: reply, headers });
  });
  const { context, storage, counters, consent } = laneContext();
  const lane = deliveryLane(collector({ url: 'https://shop.example/events' }), 'https://shop.example/events', context, handToPage);
  lanes.push(lane);
  const queued = async () => decodeQueue(await storage.get(lane.key))[0].map(([, , queuedEvent]) => queuedEvent.event_id);
  return { lane, counters, consent, requests, queued };
}

describe('delivery lane', () => {
  it('backs off after a 503 (no request before Retry-After), and only a return from the back/forward cache ends that early', async () => {
    const { lane, counters, requests, queued } = setup([503]);
    lane.hear(event('1'));
    await lane.flush();
    expect(lane.state()).toBe('backing-off');
    expect(counters).toMatchObject({ retried: 1, sent: 0 });
    expect(await queued()).toEqual(['1']);
    await lane.flush();
    expect(requests).toHaveLength(1);
    lane.resume(false); // back online: not a network error's backoff, so it stands
    expect(lane.state()).toBe('backing-off');
    lane.resume(true);
    expect(lane.state()).toBe('idle');
    await lane.flush();
    expect(counters.sent).toBe(1);
    expect(await queued()).toEqual([]);
  });

  it('goes offline after a network error, and coming back online sends at once', async () => {
    const { lane, counters, requests } = setup(['network']);
    lane.hear(event('1'));
    await lane.flush();
    expect(lane.state()).toBe('offline');
    lane.resume(false);
    expect(lane.state()).toBe('idle');
    await lane.flush();
    expect(requests).toHaveLength(2);
    expect(counters).toMatchObject({ retried: 1, sent: 1 });
  });

  it('drops a batch refused for good (400) and stays idle', async () => {
    const { lane, counters, queued } = setup([400]);
    lane.hear(event('1'));
    await lane.flush();
    expect(lane.state()).toBe('idle');
    expect(counters).toMatchObject({ dropped: 1, sent: 0, retried: 0 });
    expect(await queued()).toEqual([]);
  });

  it("says once on the console why the server refused a batch for good, in the server's words", async () => {
    const sentence = 'Requests from pages on "https://shop.example" are refused by this Cartlift server: add it to its allowedOrigins option.';
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { lane, counters } = setup();
    vi.stubGlobal('fetch', async () => Response.json({ error: { code: 'origin_not_allowed', message: sentence } }, { status: 403 }));
    lane.hear(event('1'));
    await lane.flush();
    lane.hear(event('2'));
    await lane.flush();
    expect(counters).toMatchObject({ dropped: 2, sent: 0 });
    expect(errors.mock.calls).toEqual([[`Cartlift analytics: collector refused 1 events (403). ${sentence}`]]);
  });

  it('is sending while a request is in flight, and stays stopped if the plugin is removed meanwhile', async () => {
    let answer = (_status: number) => {};
    const pending = new Promise<number>((resolve) => {
      answer = resolve;
    });
    const { lane } = setup([pending]);
    lane.hear(event('1'));
    const flushed = lane.flush();
    await vi.waitFor(() => expect(lane.state()).toBe('sending'));
    lane.stop();
    answer(200);
    await flushed;
    expect(lane.state()).toBe('stopped');
  });

  it('keeps events while consent is pending and sends nothing; once granted they go', async () => {
    const { lane, consent, requests, queued } = setup();
    consent.choice = 'pending';
    lane.hear(event('1'));
    await lane.flush();
    expect(requests).toEqual([]);
    expect(await queued()).toEqual(['1']);
    consent.choice = 'granted';
    await lane.flush();
    expect(requests).toEqual([`{"events":[${JSON.stringify(event('1'))}]}`]);
  });

  it("hands the page destinations' waiting events to them once consent is granted, new ones at once, and counts none as sent", async () => {
    const handed: string[] = [];
    const { lane, consent, counters, requests } = setup([], (pageEvent) => handed.push(pageEvent.event_id));
    consent.choice = 'pending';
    lane.hear(event('waited'));
    await lane.flush();
    expect(handed).toEqual([]);
    consent.choice = 'granted';
    lane.hear(event('new'));
    expect(handed).toEqual(['new']);
    await lane.flush();
    expect(handed).toEqual(['new', 'waited']);
    expect(requests).toEqual([]);
    expect(counters.sent).toBe(0);
  });

  it('beacons unsent events once at hide (not again at the next hide), and returns them all for the unload stash', async () => {
    const beacons: string[] = [];
    vi.stubGlobal('navigator', { sendBeacon: (_url: string, body: string) => beacons.push(body) > 0 });
    const { lane, counters, consent } = setup();
    consent.choice = 'pending';
    lane.hear(event('1'));
    lane.hear(event('2'));
    expect(lane.hide(true)).toEqual([
      [lane.key, event('1')],
      [lane.key, event('2')],
    ]);
    expect(lane.hide(true)).toHaveLength(2);
    expect(beacons).toHaveLength(1);
    expect(counters.beaconed).toBe(2);
  });

  it('makes one lane per HTTP destination and one for all page destinations', () => {
    const page: PageDestination = { kind: 'page', name: 'ga4', track() {} };
    const made = deliveryLanes([collector(), page, { ...page, name: 'segment' }], '/api/cartlift', laneContext().context);
    lanes.push(...made);
    expect(made.map((lane) => lane.key)).toEqual(['q:collector', 'q:page']);
  });
});
