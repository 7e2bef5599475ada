import { HttpError } from '../http/errors.js';
import type { HandlerContext } from '../options.js';
import type { Store } from '../store/types.js';
import { settleAttempt } from './settle.js';

const LEASE_MS = 30_000;
/** Stale attempts settled per request at most, so one request never waits on a backlog. */
const PER_REQUEST = 5;
/**
 * After a look that found nothing to settle, this process looks again only
 * this much later: holds last minutes, so a second's delay frees nothing
 * later that matters, and a busy shop's quotes don't each pay for the query.
 */
const QUIET_MS = 1000;
const quietUntil = new WeakMap<Store, number>();

/**
 * Frees holds that outlived their payment attempt before anyone prices with
 * those promotions. An expired hold keeps counting until its attempt is
 * settled: its intent canceled at Stripe (then the hold is released) or
 * found paid (then it becomes the order's redemption). So a late Alipay
 * payment can never use a redemption someone else has since taken.
 *
 * @example
 * await reapStaleHolds(ctx, store, ['limited100', '@first-purchase'])
 */
export async function reapStaleHolds(ctx: HandlerContext, store: Store, promotionIds: string[] | null): Promise<void> {
  if (promotionIds?.length === 0 || ctx.now() < (quietUntil.get(store) ?? 0)) return;
  const stale = await store.staleHolds(promotionIds, ctx.now(), PER_REQUEST);
  if (stale.length === 0) quietUntil.set(store, ctx.now() + QUIET_MS);
  for (const hold of stale) {
    const token = crypto.randomUUID();
    // A request working on that checkout right now settles it itself.
    const record = await store.acquireCheckout(hold.checkoutId, token, ctx.now(), LEASE_MS);
    if (!record) continue;
    try {
      await settleAttempt(ctx, store, record, token, { expired: true });
    } catch (error) {
      // A settled failure answers with an HttpError: the hold is released all the same.
      if (!(error instanceof HttpError) || error.status >= 500)
        ctx.logger.error(`[cartlift] could not settle the expired checkout ${hold.checkoutId}; its holds stay until it can be.`, error);
    } finally {
      await store.releaseCheckout(hold.checkoutId, token);
    }
  }
}
