import { type Money, formatMoney } from '@cartlift/core';
import { type EvaluateResult, type Promotion, type Unlock, describeUnlock, promotionName } from '@cartlift/discounts';
import { drawerText as text } from './drawer-text.js';
import { type Locale, pick } from './i18n.js';

const fmt = (amount: number, currency: string, locale: Locale) => formatMoney({ amount, currency } as Money, locale);

/** The first-purchase offer of the config, if any (首单立减). */
export function firstPurchaseOffer(promotions: Promotion[]): Promotion | undefined {
  return promotions.find((p) => p.conditions?.firstPurchase && p.enabled !== false);
}

/** The nearest thing the shopper could unlock by spending more. */
type SpendMore = Extract<Unlock, { kind: 'spend_more' }>;
function nextUnlock(result: EvaluateResult): SpendMore | undefined {
  const unlocks = [...result.applied.map((a) => a.unlock), ...result.notApplied.map((n) => n.unlock)].filter(
    (u): u is SpendMore => u?.kind === 'spend_more' && u.amount > 0,
  );
  return unlocks.sort((a, b) => a.amount - b.amount)[0];
}

/** Banner, progress toward the next threshold, and the price breakdown. */
export function Summary({ result, estimate, locale, firstPurchase }: { result: EvaluateResult; estimate: boolean; locale: Locale; firstPurchase?: Promotion }) {
  const c = result.currency;
  const unlock = nextUnlock(result);
  const firstApplied = firstPurchase && result.applied.some((a) => a.promotionId === firstPurchase.id);
  const firstRefused = firstPurchase && result.notApplied.some((n) => n.promotionId === firstPurchase.id && n.reason.code === 'first_purchase');
  return (
    <section class="summary" aria-label={pick(text.summary, locale)}>
      {firstPurchase && !firstRefused && (
        <p class="banner" part="first-purchase">
          {firstApplied ? '✓ ' : ''}
          {promotionName(firstPurchase.name, locale)}
        </p>
      )}
      {unlock && (
        <div class="progress" part="progress">
          <p>{describeUnlock(unlock, locale)}</p>
          <div class="bar" aria-hidden="true">
            <div style={{ width: `${Math.round((100 * result.subtotal) / (result.subtotal + unlock.amount))}%` }} />
          </div>
        </div>
      )}
      <dl>
        <div>
          <dt>{pick(text.subtotal, locale)}</dt>
          <dd>{fmt(result.subtotal, c, locale)}</dd>
        </div>
        {result.applied.map((a) => (
          <div key={a.promotionId} class="discount">
            <dt>{promotionName(a.name, locale)}</dt>
            <dd>−{fmt(a.amount, c, locale)}</dd>
          </div>
        ))}
        {result.shipping > 0 || result.shippingDiscount > 0 ? (
          <div>
            <dt>{pick(text.shipping, locale)}</dt>
            <dd>{result.shippingTotal === 0 ? pick(text.free, locale) : fmt(result.shippingTotal, c, locale)}</dd>
          </div>
        ) : null}
        <div class="total">
          <dt>{pick(estimate ? text.estimatedTotal : text.total, locale)}</dt>
          <dd>{fmt(result.total, c, locale)}</dd>
        </div>
      </dl>
    </section>
  );
}
