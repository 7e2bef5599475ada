import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { storeVariants } from '../../test/harness.js';
import type { Store } from '../store/types.js';
import { generateCodes } from './code-batches.js';

describe.each(storeVariants())('generateCodes on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
  }, 60_000);
  afterAll(() => store?.close());

  const newBatch = (prefix: string, count: number) =>
    store.createCodeBatch({ promotionId: 'mailing', count, prefix, length: 8, createdBy: 'li.wei@example.com', now: Date.now() });

  test('codes that collide with stored ones are made again until the batch is full', async () => {
    const batch = await newBatch('AGAIN-', 500);
    // A store that finds the first code of every slice of several already taken, as a collision with another batch would.
    const crowded: Store = { ...store, addCodes: (input) => store.addCodes({ ...input, codes: input.codes.length > 1 ? input.codes.slice(1) : input.codes }) };
    const done = await generateCodes(crowded, batch, { sliceSize: 100 });
    expect(done).toMatchObject({ status: 'ready', generated: 500, error: null });
    const { counts } = await store.listCodes({ batchId: batch.id, limit: 1, offset: 0 });
    expect(counts).toEqual({ unused: 500, held: 0, redeemed: 0 });
  });

  test('a store that refuses a slice fails the batch with a sentence; the full error goes to the log', async () => {
    const batch = await newBatch('BROKEN-', 300);
    let slices = 0;
    const failing: Store = {
      ...store,
      addCodes: (input) => (++slices === 2 ? Promise.reject(new Error('relation "cartlift_codes" is full')) : store.addCodes(input)),
    };
    const logged: unknown[] = [];
    const done = await generateCodes(failing, batch, { sliceSize: 100, log: (_message, error) => logged.push(error) });
    expect(done.status).toBe('failed');
    expect(done.generated).toBe(100);
    expect(done.error).toBe(
      'Generating stopped after 100 of 300 codes because the store refused a slice (the error is in the server log); the codes made so far work, generate a new batch for the rest.',
    );
    expect(logged).toHaveLength(1);
  });

  test('a store that keeps colliding gives up after bounded rounds with a sentence naming length', async () => {
    const batch = await newBatch('FULL-', 50);
    const full: Store = { ...store, addCodes: () => Promise.resolve(0) };
    const done = await generateCodes(full, batch, { sliceSize: 50 });
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/^Only 0 of 50 codes could be made unique .* with a longer length\.$/);
  });
});
