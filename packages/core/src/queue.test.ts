import { describe, expect, it, vi } from 'vitest';
import { replayQueue } from './queue.js';

describe('replayQueue', () => {
  it('replays calls in order and reports failures without stopping', async () => {
    const order: string[] = [];
    const api = {
      on: (name: string) => void order.push(`on:${name}`),
      add: (sku: string) => {
        if (sku === 'BAD') throw new Error('bad sku');
        order.push(`add:${sku}`);
      },
      open: () => Promise.reject(new Error('later')),
    };
    const onError = vi.fn();
    replayQueue([['on', 'add_to_cart'], ['add', 'BAD'], ['nope'], ['add', 'TEA'], ['open']], api, onError);
    await Promise.resolve();
    expect(order).toEqual(['on:add_to_cart', 'add:TEA']);
    expect(onError.mock.calls.map(([e]) => (e as Error).message)).toEqual([
      'bad sku',
      'Cartlift.nope is not a method; expected one of on, add, open.',
      'later',
    ]);
  });
});
