import { type Money, formatMoney } from '@cartlift/core';
import { type EvaluateResult, type Promotion, type Unlock, describeUnlock, promotionName } from '@cartlift/discounts';
import { drawerText as text } from './drawer-text.js';
import { type Locale, pick } from './i18n.js';

const fmt = (amount: number, currency: string, locale: Locale) => formatMoney({ amount, currency } as Money, locale);

/**
 * A row of the breakdown. The amount is keyed by its text: a new amount is a
 * new box, not the old right-aligned one moving sideways as its width
 * changes, which the browser would count as a layout shift.
 */
function Row({ name, amount, cls }: { name: string; amount: string; cls?: string }) {
  return (
    <div class={cls}>
      <dt>{name}</dt>
      <dd key={amount}>{amount}</dd>
    </div>
  );
}

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

/**
 * Banner, progress toward the next threshold, and the price breakdown. While
 * the server's price is `pending` every row stays where it is (the drawer
 * shows the last quote meanwhile) and a code being decided holds a row of its
 * own, so the total never jumps.
 */
export function Summary({
  result,
  estimate,
  locale,
  firstPurchase,
  codes = [],
  pending = false,
}: {
  result: EvaluateResult;
  estimate: boolean;
  locale: Locale;
  firstPurchase?: Promotion;
  codes?: readonly string[];
  pending?: boolean;
}) {
  const c = result.currency;
  // Positional rows (index keys): a row whose text changes keeps its box, so nothing below it moves.
  // A code the shown quote neither applied nor refused is being priced: it holds a row meanwhile.
  const decided = [...result.applied, ...result.notApplied].map((entry) => entry.code);
  const discounts: [name: string, amount: string][] = [
    ...result.applied.map((a): [string, string] => [promotionName(a.name, locale, c), `−${fmt(a.amount, c, locale)}`]),
    ...codes.filter((code) => !decided.includes(code)).map((code): [string, string] => [code, '…']),
  ];
  const unlock = nextUnlock(result);
  const firstApplied = firstPurchase && result.applied.some((a) => a.promotionId === firstPurchase.id);
  const firstRefused = firstPurchase && result.notApplied.some((n) => n.promotionId === firstPurchase.id && n.reason.code === 'first_purchase');
  return (
    <section class="summary" aria-label={pick(text.summary, locale)} aria-busy={pending ? 'true' : undefined}>
      {firstPurchase && !firstRefused && (
        <p class="banner" part="first-purchase">
          {firstApplied ? '✓ ' : ''}
          {promotionName(firstPurchase.name, locale, c)}
        </p>
      )}
      {unlock && (
        <div class="progress" part="progress">
          <p>{describeUnlock(unlock, locale)}</p>
          <div class="bar" aria-hidden="true">
            <div style={{ width: `${Math.round((100 * (unlock.threshold - unlock.amount)) / unlock.threshold)}%` }} />
          </div>
        </div>
      )}
      <dl>
        <Row name={pick(text.subtotal, locale)} amount={fmt(result.subtotal, c, locale)} />
        {discounts.map(([name, amount], index) => (
          <Row key={index} cls="discount" name={name} amount={amount} />
        ))}
        {result.shipping > 0 || result.shippingDiscount > 0 ? (
          <Row name={pick(text.shipping, locale)} amount={result.shippingTotal === 0 ? pick(text.free, locale) : fmt(result.shippingTotal, c, locale)} />
        ) : null}
        <Row cls="total" name={pick(estimate ? text.estimatedTotal : text.total, locale)} amount={fmt(result.total, c, locale)} />
      </dl>
    </section>
  );
}
