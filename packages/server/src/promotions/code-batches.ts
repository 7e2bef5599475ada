import type { CodeBatch, Store } from '../store/types.js';
import { uniqueCodes } from './unique-codes.js';

/** A batch with no progress for this long was left by a process that stopped (a slice takes well under a second). */
export const ABANDONED_AFTER_MS = 60_000;
/** Codes per INSERT: progress moves every slice, and a slice is one short statement. */
export const CODES_PER_SLICE = 2000;
/** Rounds of topping up after codes collided with stored ones; each round only makes the missing ones. */
const MAX_ROUNDS = 10;

export interface GenerateOptions {
  /** The clock (the handler's, injectable in tests). */
  now?: () => number;
  sliceSize?: number;
  /** Where a store failure is logged in full; the batch keeps a sentence. */
  log?: (message: string, error: unknown) => void;
}

/**
 * Writes a batch's codes slice by slice (`generated` grows with each), then
 * marks it ready. A code that collides with one already stored (another
 * batch's) is skipped by the store, and the missing codes are made again;
 * when the store fails, the batch is marked failed with a sentence. Never
 * throws: it runs in the background of the request that started it.
 *
 * @example
 * const batch = await store.createCodeBatch({ promotionId: 'mailing', count: 10_000, prefix: 'SPRING-', length: 10, createdBy: 'li.wei@example.com', now: Date.now() });
 * void generateCodes(store, batch); // the console polls the batch's `generated`
 */
export async function generateCodes(store: Store, batch: CodeBatch, options: GenerateOptions = {}): Promise<CodeBatch> {
  const { now = Date.now, sliceSize = CODES_PER_SLICE, log = () => {} } = options;
  let generated = batch.generated;
  try {
    for (let round = 0; generated < batch.count; round++) {
      if (round === MAX_ROUNDS) throw new CollisionError(generated, batch.count);
      const missing = { count: batch.count - generated, prefix: batch.prefix, length: batch.length };
      for (const slice of uniqueCodes(missing, sliceSize)) {
        generated = await store.addCodes({ batchId: batch.id, promotionId: batch.promotionId, codes: slice, now: now() });
      }
    }
    await store.finishCodeBatch({ batchId: batch.id, status: 'ready', now: now() });
  } catch (error) {
    await failBatch(store, batch, generated, error, { now, log });
  }
  return (await store.codeBatch(batch.id)) ?? batch;
}

/** Stored codes kept colliding: the space of codes is too crowded for this length. */
class CollisionError extends Error {
  constructor(generated: number, count: number) {
    super(
      `Only ${generated} of ${count} codes could be made unique against the codes already stored after ${MAX_ROUNDS} tries; generate the rest with a longer length.`,
    );
  }
}

async function failBatch(store: Store, batch: CodeBatch, generated: number, error: unknown, { now, log }: Required<Omit<GenerateOptions, 'sliceSize'>>) {
  // The store's own message may name tables and constraints: it goes to the log, the console gets a sentence.
  const sentence =
    error instanceof CollisionError
      ? error.message
      : `Generating stopped after ${generated} of ${batch.count} codes because the store refused a slice (the error is in the server log); the codes made so far work, generate a new batch for the rest.`;
  if (!(error instanceof CollisionError)) log(`[cartlift] generating code batch ${batch.id} failed.`, error);
  try {
    await store.finishCodeBatch({ batchId: batch.id, status: 'failed', error: sentence, now: now() });
  } catch (again) {
    // Left generating, the batch is failed by failAbandonedBatches once its heartbeat is old.
    log(`[cartlift] code batch ${batch.id} could not be marked failed.`, again);
  }
}

/**
 * Marks failed the batches left generating by a process that stopped: no
 * progress for ABANDONED_AFTER_MS. A batch another live process is writing
 * keeps moving, so it is left alone. Run at start and when batches are listed.
 *
 * @example
 * await failAbandonedBatches(store, Date.now()) // 1 when a crash left one behind
 */
export function failAbandonedBatches(store: Store, now: number): Promise<number> {
  return store.failStalledCodeBatches({
    stalledBefore: now - ABANDONED_AFTER_MS,
    error: `The server stopped while generating this batch (no progress for ${ABANDONED_AFTER_MS / 1000} s), so it is incomplete; the codes made so far work, generate a new batch for the rest.`,
    now,
  });
}
