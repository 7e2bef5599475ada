import type { SkippedPart } from '@cartlift/core/contract';
import { type CartLinkRead, readCartLink } from '@cartlift/core';
import type { Catalog } from './catalog.js';
import { HttpError } from './http/errors.js';

/** How the shop treats cart links (`?cartlift-cart=SKU:QTY,…&cartlift-coupon=CODE&cartlift-sig=…`). */
export interface CartLinkOptions {
  /** HMAC-SHA256 key for signed links. Keep it on the server. */
  secret?: string;
  /** Refuse links without a valid signature. Needs `secret`. Default false. */
  required?: boolean;
}

export interface CartLink {
  cart: string;
  coupon?: string | undefined;
  sig?: string | undefined;
}

const encoder = new TextEncoder();

/** What a signature covers: the cart and the coupon, exactly as in the link. */
function signedText(cart: string, coupon: string | undefined): string {
  return `cart=${cart}&coupon=${coupon ?? ''}`;
}

/**
 * Signs a cart link for a merchant's campaign (WebCrypto, so it runs on any runtime).
 *
 * @example
 * const sig = await signCartLink('TEA-LJ-100:2', 'WELCOME10', process.env.CART_LINK_SECRET!);
 * const url = `https://shop.example/?cartlift-cart=TEA-LJ-100:2&cartlift-coupon=WELCOME10&cartlift-sig=${sig}`;
 */
export async function signCartLink(cart: string, coupon: string | undefined, secret: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(signedText(cart, coupon))));
  return [...mac].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function sameText(a: string, b: string): boolean {
  // Constant time in the length of the expected signature.
  let diff = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) diff |= (a.charCodeAt(i) || 0) ^ b.charCodeAt(i);
  return diff === 0;
}

/** A part of a cart link that was not added, and why, as a sentence naming it. */
export type { SkippedPart };

const SKIP_SENTENCES: Record<SkippedPart['reason'], (part: string, maxLines: number) => string> = {
  invalid: (part, _) => `link.cart part ${JSON.stringify(part)} must look like "SKU:QTY" with a quantity this shop sells; it was skipped.`,
  unknown_sku: (part, _) => `link.cart part ${JSON.stringify(part)} names no product this shop sells; it was skipped.`,
  too_many_lines: (part, maxLines) => `link.cart part ${JSON.stringify(part)} is beyond the ${maxLines} lines a cart may hold; it was skipped.`,
};

const skip = (part: string, reason: SkippedPart['reason'], maxLines: number): SkippedPart => ({
  part,
  reason,
  message: SKIP_SENTENCES[reason](part, maxLines),
});

/**
 * Checks a cart link: with a secret, a present signature must match (and is
 * required when `required`); returns the well-formed lines and the codes the
 * link stands for, which replace whatever lines the browser sent with it,
 * and the malformed parts as skipped. A link with no well-formed part is
 * refused naming `link.cart`.
 *
 * @example
 * const { lines, codes, skipped } = await verifyCartLink(body.link, ctx.cartLinks, ctx.limits.maxQuantity);
 */
export async function verifyCartLink(link: CartLink, options: CartLinkOptions, maxQuantity: number) {
  const read = readCartLink(link.cart, maxQuantity);
  if (read.lines.length === 0) {
    throw new HttpError(
      400,
      'invalid_cart_link',
      `link.cart must look like "SKU:QTY,SKU:QTY" with quantities from 1 to ${maxQuantity}; received ${JSON.stringify(link.cart.slice(0, 80))}.`,
      'link.cart',
    );
  }
  if (options.secret && (link.sig || options.required)) {
    const expected = await signCartLink(link.cart, link.coupon, options.secret);
    if (!link.sig || !sameText(link.sig.toLowerCase(), expected)) {
      throw new HttpError(
        400,
        'invalid_cart_link',
        'link.sig must be the HMAC-SHA256 of the cart link this shop signed; the link was changed or not signed.',
        'link.sig',
      );
    }
  } else if (options.required) {
    throw new HttpError(400, 'invalid_cart_link', 'This shop accepts only signed cart links; link.sig is missing.', 'link.sig');
  }
  return {
    lines: read.lines,
    codes: link.coupon ? [link.coupon.trim().toUpperCase()] : [],
    skipped: read.skipped.map(({ part, reason }) => skip(part, reason, 0)),
  };
}

/**
 * Keeps the link's lines this shop sells — products in the catalog, and
 * add-ons offered by a product of the same link — up to `maxLines` distinct
 * skus, and lists the rest as skipped, so one retired product or typo in a
 * campaign link doesn't lose the others. Refuses, naming `link.cart`, when
 * nothing is left to add.
 *
 * @example
 * const { lines, skipped } = await sellableLinkLines(ctx.catalog, link.lines, ctx.limits.maxLines);
 */
export async function sellableLinkLines(
  catalog: Catalog,
  lines: CartLinkRead['lines'],
  maxLines: number,
): Promise<{ lines: CartLinkRead['lines']; skipped: SkippedPart[] }> {
  const products = await catalog.lookup([...new Set(lines.map((line) => line.sku))]);
  const offered = new Set([...products.values()].flatMap((product) => (product.addOns ?? []).map((offer) => offer.sku)));
  const kept: CartLinkRead['lines'] = [];
  const skus = new Set<string>();
  const skipped: SkippedPart[] = [];
  for (const line of lines) {
    const part = `${line.sku}:${line.quantity}`;
    if (!products.has(line.sku) && !offered.has(line.sku)) skipped.push(skip(part, 'unknown_sku', maxLines));
    else if (!skus.has(line.sku) && skus.size >= maxLines) skipped.push(skip(part, 'too_many_lines', maxLines));
    else {
      kept.push(line);
      skus.add(line.sku);
    }
  }
  if (kept.length === 0) {
    throw new HttpError(
      400,
      'invalid_cart_link',
      `link.cart must name at least one product this shop sells; none of ${JSON.stringify(lines.map((l) => l.sku).slice(0, 10))} is in the catalog.`,
      'link.cart',
    );
  }
  return { lines: kept, skipped };
}
