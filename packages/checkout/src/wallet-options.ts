import type { AddressRequest, ConfigResponse, QuoteRequest } from '@cartlift/core/contract';
import { promotionName } from '@cartlift/discounts';
import type { ClickResolveDetails, StripeExpressCheckoutElementConfirmEvent } from '@stripe/stripe-js';
import { drawerText } from './drawer-text.js';
import { type Locale, pick } from './i18n.js';
import type { ShopperProfile } from './profile.js';

/**
 * What the wallet sheet collects: always the email; the shipping address and
 * phone too when no saved profile has an address. Wallets that collect an address need a
 * shipping rate: the shop's default option, else a free one.
 *
 * @example
 * event.resolve(walletOptions(await loadProfile(storage), config.shippingOptions, 'en'));
 */
export function walletOptions(profile: ShopperProfile | undefined, shippingOptions: ConfigResponse['shippingOptions'], locale: Locale): ClickResolveDetails {
  if (profile?.address) return { emailRequired: true };
  // Only the default option, as the sheet and the quotes use: another rate picked in the wallet
  // would change the amount after the wallet showed it (no shippingratechange re-pricing yet).
  const option = shippingOptions?.[0];
  const rates = option
    ? [{ id: option.id, amount: option.amount, displayName: promotionName(option.name, locale) || option.id }]
    : [{ id: 'shipping', amount: 0, displayName: pick(drawerText.shipping, locale) }];
  // The phone too: a Chinese address needs it (couriers call), and the wallet hands it over without a question.
  return { emailRequired: true, phoneNumberRequired: true, shippingAddressRequired: true, shippingRates: rates };
}

/**
 * The address and rate the wallet collected, as `/checkout` takes them
 * (Stripe sends null for empty address lines); undefined when it collected none.
 *
 * @example
 * walletShipping(confirmEvent) // { name: 'Li Wei', address: { line1: '1 West Lake Road', city: 'Hangzhou', postal_code: '310000', country: 'CN' }, optionId: 'standard' }
 */
export function walletShipping(event: Pick<StripeExpressCheckoutElementConfirmEvent, 'shippingAddress' | 'shippingRate'>): QuoteRequest['shipping'] {
  const given = event.shippingAddress;
  if (!given) return undefined;
  const { line1, line2, city, state, postal_code, country } = given.address;
  // A wallet may leave a line empty: left out, the server's answer names it if the country requires it, as for a typed address.
  const address: AddressRequest = {
    line1: line1 ?? '',
    country,
    ...(line2 ? { line2 } : {}),
    ...(city ? { city } : {}),
    ...(state ? { state } : {}),
    ...(postal_code ? { postal_code } : {}),
  };
  return { name: given.name, address, ...(event.shippingRate ? { optionId: event.shippingRate.id } : {}) };
}
