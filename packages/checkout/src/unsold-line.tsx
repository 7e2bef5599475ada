import type { CartState, CartliftInstance } from '@cartlift/core';
import { drawerText as text } from './drawer-text.js';
import { type Locale, pick } from './i18n.js';
import { unsoldLine } from './quote-problems.js';
import type { CartliftError } from '@cartlift/core';

/**
 * When the server will not sell a line of the cart (400 unknown_sku: a
 * product gone from the catalog, an add-on whose product left), says so in
 * the shopper's words and offers to remove it, so the cart can be priced
 * and paid again instead of showing the server's sentence.
 */
export function UnsoldLine({
  instance,
  cart,
  error,
  locale,
}: {
  instance: CartliftInstance;
  cart: CartState;
  error: CartliftError | undefined;
  locale: Locale;
}) {
  const line = unsoldLine(error, cart);
  if (!line) return null;
  const name = line.name ?? line.sku;
  return (
    <div class="unsold">
      <p class="error" role="alert">
        {pick(text.unsold, locale)(name)}
      </p>
      <button type="button" onClick={() => void instance.cart.remove(line.key).catch(() => {})}>
        {pick(text.removeItem, locale)(name)}
      </button>
    </div>
  );
}
