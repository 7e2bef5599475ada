import { formatMoney } from '@cartlift/core';
import { type PromotionName, promotionName } from '@cartlift/discounts';
import { drawerText as text } from './drawer-text.js';
import { type Locale, pick } from './i18n.js';
import type { PaymentOutcome } from './pay.js';
import type { ReviewLater } from './review-later.js';
import { useEffect, useState } from 'preact/hooks';

/**
 * The thank-you screen: the order number, what was bought, the amount
 * charged and where the receipt goes, all from the server's order. Names are
 * untrusted text: rendered as text only. With `remind` (the shop mails
 * review links), "Review later" asks for them by email.
 */
export function Paid({
  outcome,
  locale,
  onClose,
  remind,
}: {
  outcome: PaymentOutcome;
  locale: Locale;
  onClose(): void;
  remind?: (() => Promise<{ sent: boolean; reason?: string }>) | undefined;
}) {
  const order = outcome.order;
  // A chunk of its own, fetched only where the shop mails review links: the payment views are at their budget.
  const [Later, setLater] = useState<typeof ReviewLater>();
  useEffect(() => {
    if (remind) import('./review-later.js').then((chunk) => setLater(() => chunk.ReviewLater)).catch(() => {});
  }, [remind === undefined]);
  const money = (amount: number) => formatMoney({ amount, currency: order?.currency ?? outcome.currency.toUpperCase() }, locale);
  return (
    <div class="paid" role="status">
      <p>{pick(text.paidNumber, locale)(order?.orderNumber ?? outcome.paymentIntentId)}</p>
      {order && (
        <ul part="order-items">
          {order.items.map((item) => (
            <li key={`${item.sku}:${item.variant ?? ''}`} class="order-item">
              <span>
                {promotionName(item.name as PromotionName | undefined, locale) || item.sku} × {item.quantity}
              </span>
              <span>{money(item.total)}</span>
            </li>
          ))}
        </ul>
      )}
      <p class="total">
        {pick(text.charged, locale)} <strong>{money(order?.amount ?? outcome.amount)}</strong>
      </p>
      {order?.email && <p>{pick(text.receiptTo, locale)(order.email)}</p>}
      {outcome.status === 'processing' && <p class="muted">{pick(text.processing, locale)}</p>}
      {remind && Later && <Later locale={locale} remind={remind} />}
      <button type="button" class="primary" onClick={onClose}>
        {pick(text.continueShopping, locale)}
      </button>
    </div>
  );
}
