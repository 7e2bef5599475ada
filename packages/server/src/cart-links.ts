import { parseCartLink } from '@cartlift/core';
import { HttpError } from './http/errors';

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

/**
 * Checks a cart link: with a secret, a present signature must match (and is
 * required when `required`); returns the lines and codes the link stands for,
 * which replace whatever lines the browser sent with it.
 *
 * @example
 * const { lines, codes } = await verifyCartLink(body.link, ctx.cartLinks, ctx.limits.maxQuantity);
 */
export async function verifyCartLink(link: CartLink, options: CartLinkOptions, maxQuantity: number) {
  const lines = parseCartLink(link.cart, maxQuantity);
  if (options.secret && (link.sig || options.required)) {
    const expected = await signCartLink(link.cart, link.coupon, options.secret);
    if (!link.sig || !sameText(link.sig.toLowerCase(), expected)) {
      throw new HttpError(400, 'invalid_cart_link', 'link.sig must be the HMAC-SHA256 of the cart link this shop signed; the link was changed or not signed.', 'link.sig');
    }
  } else if (options.required) {
    throw new HttpError(400, 'invalid_cart_link', 'This shop accepts only signed cart links; link.sig is missing.', 'link.sig');
  }
  return { lines, codes: link.coupon ? [link.coupon.trim().toUpperCase()] : [] };
}
