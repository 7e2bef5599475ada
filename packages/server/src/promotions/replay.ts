import type { PromotionsConfig } from '@cartlift/discounts';
import type { PricingContext } from '../pricing.js';
import type { QuotedCart } from '../store/types.js';
import { previewCart } from './preview.js';

/** What a draft would have done to the carts shoppers priced recently. */
export interface ReplaySummary {
  /** Carts replayed. */
  carts: number;
  /** Carts whose total the draft changes. */
  changed: number;
  /** Carts that can't be priced any more (a product no longer sold): left out. */
  skipped: number;
  /** Discount over all replayed carts, by the promotions in force and by the draft (minor units). */
  discountLive: number;
  discountDraft: number;
  /** Up to five changed carts, biggest change first. */
  examples: { lines: QuotedCart['cart']['lines']; totalLive: number; totalDraft: number }[];
}

const discountOf = (result: { subtotal: number; shipping: number; total: number }) => result.subtotal + result.shipping - result.total;

/**
 * Replays a draft on real carts: each recently quoted cart priced by the
 * promotions in force and by the draft, at `now`, for the shopper facts it
 * was quoted with. Says how many carts change and by how much discount in
 * all, before anything is published.
 *
 * @example
 * const summary = await replayDraft(pricing, draft, await store.recentQuotedCarts(), Date.now());
 */
export async function replayDraft(pricing: PricingContext, draft: PromotionsConfig, carts: readonly QuotedCart[], now: number): Promise<ReplaySummary> {
  const summary: ReplaySummary = { carts: 0, changed: 0, skipped: 0, discountLive: 0, discountDraft: 0, examples: [] };
  const changed: (ReplaySummary['examples'][number] & { by: number })[] = [];
  for (const quoted of carts) {
    const priced = await previewCart(pricing, draft, quoted.cart, { firstPurchase: quoted.firstPurchase, segments: quoted.segments }, now).catch(() => null);
    if (!priced) {
      summary.skipped++;
      continue;
    }
    summary.carts++;
    summary.discountLive += discountOf(priced.live);
    summary.discountDraft += discountOf(priced.draft);
    if (priced.live.total === priced.draft.total) continue;
    summary.changed++;
    changed.push({
      lines: quoted.cart.lines,
      totalLive: priced.live.total,
      totalDraft: priced.draft.total,
      by: Math.abs(priced.live.total - priced.draft.total),
    });
  }
  summary.examples = changed
    .sort((a, b) => b.by - a.by)
    .slice(0, 5)
    .map(({ by: _by, ...example }) => example);
  return summary;
}
