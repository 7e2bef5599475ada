import { type CartLine, type CartliftInstance, formatMoney } from '@cartlift/core';
import { drawerText as text } from './drawer-text.js';
import { type Locale, pick } from './i18n.js';

/**
 * One cart line with quantity controls, up to `maxQuantity`, named `name`
 * (see lineName). Names are untrusted text: rendered as text only.
 */
export function Line({
  line,
  name,
  instance,
  locale,
  currency,
  maxQuantity,
}: {
  line: CartLine;
  name: string;
  instance: CartliftInstance;
  locale: Locale;
  currency: string;
  maxQuantity: number;
}) {
  const label = (key: 'removeItem' | 'increase' | 'decrease' | 'quantity') => pick(text[key], locale)(name);
  const set = (quantity: number) => void instance.cart.setQuantity(line.key, quantity).catch(() => {});
  return (
    <li part="line">
      {line.image && <img src={line.image} alt="" width={56} height={56} loading="lazy" />}
      <div class="info">
        <span class="name">{name}</span>
        {line.variant && <span class="muted">{line.variant}</span>}
        {line.price !== undefined && <span>{formatMoney({ amount: line.price * line.quantity, currency }, locale)}</span>}
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a row of controls named by aria-label; a fieldset would need a visible legend */}
      <div class="qty" role="group" aria-label={label('quantity')}>
        <button type="button" aria-label={label('decrease')} onClick={() => set(line.quantity - 1)}>
          −
        </button>
        <span part="quantity">{line.quantity}</span>
        <button type="button" aria-label={label('increase')} disabled={line.quantity >= maxQuantity} onClick={() => set(line.quantity + 1)}>
          +
        </button>
        <button type="button" class="link" aria-label={label('removeItem')} onClick={() => void instance.cart.remove(line.key).catch(() => {})}>
          {pick(text.remove, locale)}
        </button>
      </div>
    </li>
  );
}
