import type { Store } from '../store/types.js';

/** The topic refresh a Store may offer (added with topic extraction); absent, there is nothing to refresh. */
type MaybeTopics = Partial<{ refreshReviewTopics(sku: string): Promise<unknown> }>;

/**
 * The one place the console calls after a review's status changes or reviews
 * are imported: a product's topics count its published reviews, so they are
 * refreshed for that product.
 *
 * @example
 * await afterReviewChanged(store, 'TEA-LJ-100')
 */
export async function afterReviewChanged(store: Store, sku: string): Promise<void> {
  await (store as Store & MaybeTopics).refreshReviewTopics?.(sku);
}
