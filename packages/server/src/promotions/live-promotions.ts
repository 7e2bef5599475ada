import type { PromotionsConfig } from '@cartlift/discounts';
import { parsePromotionsConfig } from '@cartlift/discounts/schema';
import type { HandlerContext } from '../options.js';

/** What keeps a process's promotions current with the published versions. */
export interface LivePromotions {
  /** Brings `ctx.promotions` up to the latest published version when a look is due. */
  refresh(): Promise<void>;
}

/**
 * Promotions managed in the store: the configured file becomes version 1 the
 * first time (an import), then every process looks for a newer published
 * version at most once per `checkEveryMs` of its own clock, as requests come,
 * so a publish reaches every process within that time. A store that can't be
 * reached keeps the promotions in hand (logged), never fails the request.
 *
 * @example
 * const live = livePromotions(ctx, fileConfig);
 * await live.refresh(); // before a route reads ctx.promotions
 */
export function livePromotions(ctx: HandlerContext, file: PromotionsConfig, { checkEveryMs = 1000 } = {}): LivePromotions {
  let nextLook = 0;
  let looking: Promise<void> | undefined;

  async function look(): Promise<void> {
    const store = await ctx.store();
    const latest =
      ctx.promotionsVersion === 0
        ? await store.importPromotions({ config: file, now: ctx.now() })
        : await store.latestPromotionVersion({ newerThan: ctx.promotionsVersion });
    if (!latest || latest.version === ctx.promotionsVersion) return;
    // Validated when published; parsed again so a row edited by hand can never reach pricing.
    ctx.promotions = parsePromotionsConfig(latest.config);
    ctx.promotionsVersion = latest.version;
  }

  return {
    refresh() {
      if (performance.now() < nextLook) return looking ?? Promise.resolve();
      nextLook = performance.now() + checkEveryMs;
      looking = look()
        .catch((error: unknown) =>
          ctx.logger.error(`[cartlift] promotions stay at version ${ctx.promotionsVersion}: the published versions could not be read.`, error),
        )
        .finally(() => {
          looking = undefined;
        });
      return looking;
    },
  };
}
