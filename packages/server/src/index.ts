export { createCartliftHandler, type CartliftHandler } from './handler.js';
export type { AnalyticsCounters, AnalyticsOptions, CartliftHandlerOptions } from './options.js';
export { assignVariant, bucket, hash32 } from '@cartlift/core';
export { FUNNEL_STEPS, type FunnelGroup, type FunnelStep } from './analytics/funnel.js';
export { serve, toNodeListener, type FetchHandler, type PassingFetchHandler, type ServeOptions } from './http/node.js';
export { scriptFiles, type ScriptFilesHandler, type ScriptFilesOptions } from './http/script-files.js';
export {
  createCatalog,
  loadCatalogFile,
  localName,
  type Catalog,
  type CatalogSource,
  type Product,
  type AddOnOffer,
  type AddOnOffers,
  type ProductSource,
} from './catalog.js';
export { normalizeEmail } from './email.js';
export type { CustomerIdentity, IdentifyCustomer } from './identify.js';
export { paymentMethodTypes, METHOD_CURRENCIES } from './payment-methods.js';
export type { ShippingOption } from './pricing.js';
export type { Route, RouteHandler } from './router.js';
export { createStripeClient, type StripeOptions } from './stripe/client.js';
export * from './store/index.js';
export { signCartLink, verifyCartLink, type CartLinkOptions } from './cart-links.js';
export { type CodeBatchOptions, checkCodeBatch, codesCsv, uniqueCodes, UNAMBIGUOUS_ALPHABET } from './promotions/unique-codes.js';
export { failAbandonedBatches, generateCodes, type GenerateOptions } from './promotions/code-batches.js';
