import type { Promotion, PromotionsConfig } from './types.js';

/**
 * The part of a config the browser may see, for the instant cart preview:
 * enabled automatic promotions without their usage limits. Code promotions
 * (and single-use code ones, `uniqueCodes`) are left out entirely, so no
 * secret code ever reaches a page; the server's quote applies them.
 *
 * @example
 * const preview = evaluate({ ...cart, promotions: publicPromotions(config).promotions });
 */
export function publicPromotions(config: PromotionsConfig): PromotionsConfig {
  const promotions = config.promotions
    .filter((promotion) => !promotion.code && !promotion.uniqueCodes && promotion.enabled !== false)
    .map((promotion): Promotion => {
      const { limits: _limits, ...rest } = promotion;
      return rest;
    });
  return { version: config.version, promotions };
}
