import type { ShippingOption } from '@cartlift/core/contract';
import type { EvaluateInput, EvaluateResult, PromotionsConfig } from '@cartlift/discounts';
import { evaluate } from '@cartlift/discounts';
import type { Catalog, Product } from './catalog.js';
import { asUsedUp, overBudget, spentBudgets, withoutBudgets } from './budgets.js';
import { normalizeEmail } from './email.js';
import type { CustomerIdentity } from './identify.js';
import { HttpError } from './http/errors.js';
import { matchSingleUseCodes } from './promotions/single-use-codes.js';
import type { Store } from './store/types.js';

export type { ShippingOption };

export interface PricingContext {
  currency: string;
  catalog: Catalog;
  promotions: PromotionsConfig;
  shippingOptions: readonly ShippingOption[];
  store: Store;
  channel?: string | undefined;
}

/** The pricing inputs of a handler, with its opened store. */
export function pricingContext(ctx: Omit<PricingContext, 'store'>, store: Store): PricingContext {
  return { currency: ctx.currency, catalog: ctx.catalog, promotions: ctx.promotions, shippingOptions: ctx.shippingOptions, store, channel: ctx.channel };
}

export interface CartRequest {
  lines: Array<{ sku: string; variant?: string | undefined; quantity: number }>;
  codes?: string[] | undefined;
  shipping?: { optionId?: string | undefined } | undefined;
  currency?: string | undefined;
}

export interface CustomerFacts {
  emailNormalized: string | null;
  stripeCustomerId: string | null;
  firstPurchase: boolean;
  /** Segment tags from `identifyCustomer` (none for guests). */
  segments: string[];
  /** The Stripe Customer `identifyCustomer` named, if any (its first purchase is held under that id too). */
  identifiedCustomer: string | null;
}

/**
 * Looks every line up in the catalog. Prices come only from the catalog (the
 * request schema has already dropped any price the browser sent). Add-on
 * skus are priced from the offer of a product in the same cart.
 */
export async function resolveLines(ctx: PricingContext, cart: CartRequest): Promise<EvaluateInput['lines']> {
  if (cart.currency !== undefined && cart.currency !== ctx.currency) {
    throw new HttpError(
      400,
      'unsupported_currency',
      `currency must be "${ctx.currency}", the store's currency; received ${JSON.stringify(cart.currency)}.`,
      'currency',
    );
  }
  const products = await ctx.catalog.lookup([...new Set(cart.lines.map((line) => line.sku))]);
  const offers = new Map<string, number>();
  for (const product of products.values()) for (const offer of product.addOns ?? []) if (!offers.has(offer.sku)) offers.set(offer.sku, offer.price);
  return cart.lines.map((line, index) => {
    const field = `lines[${index}].sku`;
    const product: Product | undefined = products.get(line.sku);
    if (product) {
      if (product.currency !== ctx.currency) {
        throw new HttpError(
          400,
          'currency_mismatch',
          `${field} ${JSON.stringify(line.sku)} is sold in ${product.currency}, but this store charges in ${ctx.currency}.`,
          field,
        );
      }
      return { sku: line.sku, ...(line.variant ? { variant: line.variant } : {}), quantity: line.quantity, unitPrice: product.price, tags: product.tags ?? [] };
    }
    const offerPrice = offers.get(line.sku);
    if (offerPrice !== undefined) return { sku: line.sku, quantity: line.quantity, unitPrice: offerPrice, tags: ['add-on'] };
    throw new HttpError(
      400,
      'unknown_sku',
      `${field} must be a product in the catalog (or an add-on offered by a product in the cart); received ${JSON.stringify(line.sku)}.`,
      field,
    );
  });
}

/**
 * Decides what the server knows about the shopper: first purchase means no
 * paid order in the ledger for the normalised email, nor for the Stripe
 * customer remembered for it, nor for the one `identifyCustomer` named.
 * Guests are recognised by email alone; segments come only from the hook.
 *
 * @example
 * const facts = await customerFacts(store, 'li.wei@example.com', { segments: ['vip'] })
 */
export async function customerFacts(store: Store, email: string | undefined, identity: CustomerIdentity | null = null): Promise<CustomerFacts> {
  const segments = identity?.segments ?? [];
  const known = identity?.stripeCustomerId ?? null;
  if (!email) {
    const paid = known ? await store.hasPaidOrder({ stripeCustomerId: known }) : false;
    return { emailNormalized: null, stripeCustomerId: known, firstPurchase: !paid, segments, identifiedCustomer: known };
  }
  const emailNormalized = normalizeEmail(email);
  const ledger = await store.customerLedger(emailNormalized);
  const paid = ledger.paid || (known !== null && known !== ledger.stripeCustomerId && (await store.hasPaidOrder({ stripeCustomerId: known })));
  return { emailNormalized, stripeCustomerId: known ?? ledger.stripeCustomerId, firstPurchase: !paid, segments, identifiedCustomer: known };
}

/**
 * The redemption id under which a checkout holds the shopper's first
 * purchase. Promotion ids cannot start with "@", so it never meets one.
 */
export const FIRST_PURCHASE_HOLD = '@first-purchase';
/** The same hold keyed by the Stripe Customer `identifyCustomer` named (one member, many emails). */
export const FIRST_PURCHASE_CUSTOMER_HOLD = '@first-purchase-customer';

/** True when some promotion is for first orders only. */
export function hasFirstPurchaseOffers(config: PromotionsConfig): boolean {
  return config.promotions.some((promotion) => promotion.conditions?.firstPurchase === true);
}

/**
 * Ids whose holds need counting and settling: promotions with a usage limit
 * or a budget, those with single-use codes (a code is held like a redemption),
 * and the first-purchase hold when some promotion is for first orders only.
 */
export function limitedPromotionIds(config: PromotionsConfig): string[] {
  const ids = config.promotions
    .filter(({ limits, uniqueCodes }) => limits?.total != null || limits?.perCustomer != null || limits?.budget != null || uniqueCodes === true)
    .map((promotion) => promotion.id);
  return hasFirstPurchaseOffers(config) ? [...ids, FIRST_PURCHASE_HOLD] : ids;
}

function shippingFor(ctx: PricingContext, cart: CartRequest): EvaluateInput['shipping'] {
  if (ctx.shippingOptions.length === 0) return undefined;
  const wanted = cart.shipping?.optionId;
  const option = wanted === undefined ? ctx.shippingOptions[0]! : ctx.shippingOptions.find((o) => o.id === wanted);
  if (!option) {
    const ids = ctx.shippingOptions.map((o) => JSON.stringify(o.id)).join(', ');
    throw new HttpError(400, 'unknown_shipping_option', `shipping.optionId must be one of ${ids}; received ${JSON.stringify(wanted)}.`, 'shipping.optionId');
  }
  return { amount: option.amount, optionId: option.id };
}

/** The single-use codes that can't be used, first among the reasons a promotion did not apply. */
function withRefusedCodes(result: EvaluateResult, refused: EvaluateResult['notApplied']): EvaluateResult {
  return refused.length ? { ...result, notApplied: [...refused, ...result.notApplied] } : result;
}

/**
 * Prices a cart with the promotions engine and server-decided facts.
 * `exhausted` (promotions) and `lostCodes` (single-use codes) let checkout
 * re-run after losing a reservation race. Single-use codes are matched to
 * their promotions first (promotions/single-use-codes.ts); the ones that
 * can't be used are reported in `notApplied` like a used-up promotion. A
 * promotion whose budget can't cover its discount in this cart is priced as
 * used up, and the cart priced again without it.
 *
 * @example
 * const result = await priceCart(ctx, body, facts, { now: Date.now() })
 */
export async function priceCart(
  ctx: PricingContext,
  cart: CartRequest,
  facts: CustomerFacts,
  { now, excludeCheckoutId, exhausted = [], lostCodes = [] }: { now: number; excludeCheckoutId?: string; exhausted?: string[]; lostCodes?: string[] },
): Promise<EvaluateResult> {
  const lines = await resolveLines(ctx, cart);
  const singleUse = await matchSingleUseCodes(ctx.store, ctx.promotions, cart.codes ?? [], { checkoutId: excludeCheckoutId, lost: lostCodes });
  const usage = await ctx.store.promotionUsage(limitedPromotionIds(ctx.promotions), facts.emailNormalized, now, excludeCheckoutId);
  // Another open checkout of this shopper holds their first purchase (or this one just lost it).
  let firstPurchaseHeld = (usage[FIRST_PURCHASE_HOLD]?.usedByCustomer ?? 0) > 0 || exhausted.some((id) => id.startsWith(FIRST_PURCHASE_HOLD));
  delete usage[FIRST_PURCHASE_HOLD];
  if (!firstPurchaseHeld && facts.firstPurchase && facts.identifiedCustomer && hasFirstPurchaseOffers(ctx.promotions)) {
    const held = await ctx.store.promotionUsage([FIRST_PURCHASE_CUSTOMER_HOLD], facts.identifiedCustomer, now, excludeCheckoutId);
    firstPurchaseHeld = (held[FIRST_PURCHASE_CUSTOMER_HOLD]?.usedByCustomer ?? 0) > 0;
  }
  // Lost the race for the last redemption (or the budget), or the budget is spent: present the promotion as used up.
  const usedUp = new Set([...exhausted.filter((id) => !id.startsWith(FIRST_PURCHASE_HOLD)), ...spentBudgets(ctx.promotions, usage)]);
  const shipping = shippingFor(ctx, cart);
  const input: Omit<EvaluateInput, 'promotions' | 'usage'> = {
    currency: ctx.currency,
    lines,
    ...(shipping ? { shipping } : {}),
    customer: {
      firstPurchase: facts.firstPurchase && !firstPurchaseHeld,
      segments: facts.segments,
      ...(facts.emailNormalized ? { id: facts.emailNormalized } : {}),
    },
    codes: singleUse.codes,
    now,
    ...(ctx.channel ? { channel: ctx.channel } : {}),
  };
  // The promotions as this cart's single-use codes make them; budgets are the file's own.
  const matched = { ...ctx.promotions, promotions: singleUse.promotions };
  // Each round drops at least one applied promotion, so this ends.
  for (;;) {
    const result = evaluate({ ...input, ...asUsedUp(matched, usage, [...usedUp]) });
    const over = overBudget(ctx.promotions, usage, result.applied);
    if (over.length === 0) return withRefusedCodes(withoutBudgets(result), singleUse.refused);
    for (const id of over) usedUp.add(id);
  }
}
