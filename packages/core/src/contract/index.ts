/**
 * @cartlift/core/contract: the wire contract between the browser and the
 * server, written once. Every endpoint's request and answer, the promotion
 * and quote shapes, one payload per funnel event, and the limits and
 * patterns both sides enforce. Types, plus a few constants and checks: it
 * weighs almost nothing in a bundle.
 *
 * @example
 * import type { QuoteRequest, QuoteResponse } from '@cartlift/core/contract';
 * import { DEFAULT_LIMITS, isSku } from '@cartlift/core/contract';
 */
export type * from './endpoints.js';
export type * from './funnel.js';
export type * from './promotions.js';
export type * from './quote.js';
export * from './limits.js';
