import { afterEach, describe, expect, it, vi } from 'vitest';
import { isAccepted, isWorthRetrying, postBatch } from './post-batch.js';

afterEach(() => vi.unstubAllGlobals());

describe('posting a batch', () => {
  it("answers the status, the Retry-After wait and the collector's reply", async () => {
    vi.stubGlobal('fetch', async () => new Response('{"accepted":2,"duplicates":1}', { status: 200 }));
    expect(await postBatch('/events', '{"events":[]}')).toEqual([200, 0, { accepted: 2, duplicates: 1 }]);
    vi.stubGlobal('fetch', async () => new Response('busy', { status: 429, headers: { 'retry-after': '3' } }));
    expect(await postBatch('/events', '{"events":[]}')).toEqual([429, 3000, {}]);
  });

  it('answers status 0 for a network error, never throwing', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await postBatch('/events', '{"events":[]}')).toEqual([0, 0, {}]);
  });

  it('retries no network, 408, 429 and 5xx; takes 2xx; gives up on other refusals', () => {
    expect([0, 408, 429, 500, 503].map(isWorthRetrying)).toEqual([true, true, true, true, true]);
    expect([400, 404, 413].map(isWorthRetrying)).toEqual([false, false, false]);
    expect([200, 204, 299, 300].map(isAccepted)).toEqual([true, true, true, false]);
  });
});
