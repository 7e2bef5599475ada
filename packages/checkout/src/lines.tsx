import type { CartLine, CartliftInstance } from '@cartlift/core';
import { drawerText as text } from './drawer-text.js';
import { type Locale, pick } from './i18n.js';
import { linePrice } from './line-display.js';

/**
 * One cart line, named `name` (see lineName), with its unit price (for more
 * than one) and line total. A product has quantity controls up to
 * `maxQuantity`; an add-on taken for another line (it has a `parent`) is a
 * ticked switch instead, indented under its product: offers carry no quantity
 * of their own, so it has no stepper. Names are untrusted text: rendered as text only.
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
  const remove = () => instance.cart.remove(line.key);
  const price = line.price !== undefined && linePrice({ price: line.price, quantity: line.quantity }, currency, locale);
  const id = `cartlift-line-${line.key}`;
  // Unticked, the add-on leaves and its offer's "Add" button takes its place: focus goes there, not back to the top.
  const untick = (event: Event) => {
    const root = (event.currentTarget as Node).getRootNode() as ParentNode;
    remove().then(
      () => requestAnimationFrame(() => root.querySelector<HTMLElement>(`[data-sku="${CSS.escape(line.sku)}"]`)?.focus()),
      () => {},
    );
  };
  return (
    <li part="line" class={line.parent && 'add-on'}>
      {line.parent ? (
        <input type="checkbox" id={id} checked onChange={untick} />
      ) : (
        line.image && <img src={line.image} alt="" width={56} height={56} loading="lazy" />
      )}
      <div class="info">
        {line.parent ? (
          <label for={id}>
            {name}
            {line.quantity > 1 && ` × ${line.quantity}`}
          </label>
        ) : (
          <span class="name">{name}</span>
        )}
        {line.variant && <span class="muted">{line.variant}</span>}
        {price && (
          // One row for both, so a quantity change moves nothing below it.
          <span>
            {price.each && <span class="muted">{price.each} </span>}
            {price.total}
          </span>
        )}
      </div>
      {!line.parent && (
        // biome-ignore lint/a11y/useSemanticElements: a row of controls named by aria-label; a fieldset would need a visible legend
        <div class="qty" role="group" aria-label={label('quantity')}>
          <button type="button" aria-label={label('decrease')} onClick={() => set(line.quantity - 1)}>
            −
          </button>
          <span part="quantity">{line.quantity}</span>
          <button type="button" aria-label={label('increase')} disabled={line.quantity >= maxQuantity} onClick={() => set(line.quantity + 1)}>
            +
          </button>
          <button type="button" class="link" aria-label={label('removeItem')} onClick={() => void remove().catch(() => {})}>
            {pick(text.remove, locale)}
          </button>
        </div>
      )}
    </li>
  );
}
