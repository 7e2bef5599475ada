import { type CartLimits, type CartliftInstance, DEFAULT_LIMITS } from '@cartlift/core';
import type { ConfigResponse } from '@cartlift/core/contract';

/**
 * The bounds the drawer offers: the cart's own (`createCartlift`'s `limits`),
 * lowered to the server's where `/config` says it takes less, so the shopper
 * is never offered a quantity the server would refuse.
 *
 * @example
 * cartBounds(instance, { ...config, limits: { maxQuantity: 10, maxLines: 100 } }).maxQuantity // 10
 */
export function cartBounds(instance: CartliftInstance, config: Pick<ConfigResponse, 'limits'> | undefined): CartLimits {
  const own = instance.options.limits ?? DEFAULT_LIMITS;
  const server = config?.limits ?? own;
  return { maxQuantity: Math.min(own.maxQuantity, server.maxQuantity), maxLines: Math.min(own.maxLines, server.maxLines) };
}
