import { type CartState, type CartliftInstance, formatMoney, funnelEvent } from '@cartlift/core';
import { promotionName } from '@cartlift/discounts';
import { drawerText as text } from './drawer-text.js';
import { type Locale, pick } from './i18n.js';
import type { AddOnOffer } from '@cartlift/core/contract';

/** An offer with the key of the cart line offering it: the add-on leaves the cart with that line. */
export type OfferFor = AddOnOffer & { parent: string };

/**
 * Offers for the skus in the cart that the shopper hasn't taken yet, each
 * from the first line offering it.
 *
 * @example
 * offersFor(cart, config.addOns) // [{ sku: 'ADDON-WARRANTY-1Y', parent: 'POT-YIXING', ... }]
 */
export function offersFor(cart: CartState, addOns: Record<string, AddOnOffer[]>): OfferFor[] {
  const inCart = new Set(cart.lines.map((l) => l.sku));
  const seen = new Set<string>();
  return cart.lines
    .flatMap((l) => (addOns[l.sku] ?? []).map((o) => ({ ...o, parent: l.key })))
    .filter((o) => !inCart.has(o.sku) && !seen.has(o.sku) && seen.add(o.sku));
}

/** Value-added services (gift wrap, warranty, express shipping), each one tap. */
export function AddOns({
  instance,
  cart,
  addOns,
  locale,
}: {
  instance: CartliftInstance;
  cart: CartState;
  addOns: Record<string, AddOnOffer[]>;
  locale: Locale;
}) {
  const offers = offersFor(cart, addOns);
  if (offers.length === 0) return null;
  const add = (offer: OfferFor) => {
    const name = promotionName(offer.name, locale, cart.currency);
    void instance.cart.add({ sku: offer.sku, name, price: offer.price, parent: offer.parent }).then(
      () =>
        instance.events.emit(
          'upsell_added',
          funnelEvent('upsell_added', cart, [{ item_id: offer.sku, item_name: name, price: offer.price, quantity: 1 }], { kind: offer.kind }),
        ),
      () => {},
    );
  };
  return (
    <section class="add-ons" part="add-ons" aria-label={pick(text.addOns, locale)}>
      <h3>{pick(text.addOns, locale)}</h3>
      <ul>
        {offers.map((offer) => (
          <li key={offer.sku}>
            <span>{promotionName(offer.name, locale, cart.currency)}</span>
            <button type="button" data-sku={offer.sku} onClick={() => add(offer)}>
              {pick(text.addOffer, locale)(formatMoney({ amount: offer.price, currency: cart.currency }, locale))}
              <span class="sr-only"> {promotionName(offer.name, locale, cart.currency)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
