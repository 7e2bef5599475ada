export { CartliftError, type CartliftErrorDetails, describe as describeValue } from './errors.js';
export type { Money } from './money.js';
export { allocate, assertCurrency, assertMinorUnits, currencyExponent, money, parseMinorUnits } from './money.js';
export { formatMoney, toDecimalString } from './format.js';
export { isCurrency } from './currencies.js';
export type { AddInput, CartAction, CartLimits, CartLine, CartState } from './cart.js';
export {
  DEFAULT_LIMITS,
  MAX_CODES,
  normalizeCode,
  cartCount,
  cartReducer,
  cartSubtotal,
  checkAction,
  checkAddInput,
  emptyCart,
  lineKey,
  upgradeCart,
} from './cart.js';
export { isCartState } from './cart-guard.js';
export { SKU_MAX_LENGTH, SKU_RULE, isSku } from './sku.js';
export { localizedName } from './localized-name.js';
export type { Emitter } from './emitter.js';
export { createEmitter } from './emitter.js';
export type { CartliftEvents, FunnelEvent, FunnelEventName, FunnelItem } from './events.js';
export { ADD_TO_CART_SOURCES, AR_LAUNCH_MODES, FUNNEL_EVENTS, REVIEW_FILTER_NAMES } from './event-names.js';
export { funnelEvent, toFunnelItems, uuid } from './events.js';
export type { StoragePort } from './storage.js';
export { memoryStorage } from './storage.js';
export { idbStorage } from './idb-storage.js';
export type { SyncPort } from './sync.js';
export { broadcastSync } from './sync.js';
export type { AddOptions, CartStore, CartStoreOptions } from './store.js';
export { createCartStore } from './store.js';
export type { QueuedCall } from './queue.js';
export { replayQueue } from './queue.js';
export type { CartliftInstance, CartliftOptions, CartliftPlugin } from './cartlift.js';
export { createCartlift } from './cartlift.js';
export { assignVariant, bucket, BUCKETS, hash32 } from './experiments.js';
export type { CartLinkRead, CartLinkSkip } from './cart-link.js';
export { parseCartLink, readCartLink } from './cart-link.js';
