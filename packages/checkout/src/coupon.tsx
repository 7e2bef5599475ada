import { type CartState, type CartliftInstance, formatMoney, funnelEvent, toFunnelItems } from '@cartlift/core';
import { type EvaluateResult, describeReason } from '@cartlift/discounts';
import { useEffect, useState } from 'preact/hooks';
import { drawerText as text } from './drawer-text.js';
import { type Locale, pick } from './i18n.js';
import { isFinalRefusal } from './quote-problems.js';

/** Why the server refused `code`, as a sentence (and whether for good), or undefined when it applied. */
function refusal(quote: EvaluateResult, code: string, locale: Locale): [string, boolean] | undefined {
  if (quote.applied.some((a) => a.code === code)) return undefined;
  const entry = quote.notApplied.find((n) => n.code === code);
  return entry && [describeReason(entry, locale, quote.currency), isFinalRefusal(entry)];
}

export interface CouponProps {
  instance: CartliftInstance;
  cart: CartState;
  quote?: EvaluateResult | undefined;
  locale: Locale;
  /** Why codes just left the cart (useCodeCleanup), shown in the alert region. */
  note: string;
  clearNote(): void;
}

/**
 * The coupon field: apply, remove, and the server's reason when refused.
 * Reports coupon_applied / coupon_denied once the server has decided.
 */
export function Coupon({ instance, cart, quote, locale, note, clearNote }: CouponProps) {
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  // The server's refusal, for screen readers: the visible reason sits in the list below, outside any live region.
  const [refused, setRefused] = useState('');
  const [deciding, setDeciding] = useState<string>();
  const codes = cart.codes ?? [];

  useEffect(() => {
    if (!deciding || !quote || !codes.includes(deciding)) return;
    const [reason, final] = refusal(quote, deciding, locale) ?? [];
    const applied = quote.applied.some((a) => a.code === deciding);
    if (!applied && !reason) return; // this quote predates the code
    const items = toFunnelItems(cart.lines);
    if (applied) instance.events.emit('coupon_applied', funnelEvent('coupon_applied', cart, items, { coupon: deciding }));
    else instance.events.emit('coupon_denied', funnelEvent('coupon_denied', cart, items, { coupon: deciding, reason }));
    // A final refusal is said by the note, as the code leaves the cart.
    setRefused(final ? '' : (reason ?? ''));
    setDeciding(undefined);
  }, [quote, deciding]);

  const apply = (event: Event) => {
    event.preventDefault();
    try {
      const code = value.trim().toUpperCase();
      void instance.cart.addCode(code).catch(() => {});
      setDeciding(code);
      setValue('');
      setError('');
      setRefused('');
      clearNote();
    } catch (_e) {
      setError(pick(text.couponInvalid, locale));
    }
  };

  return (
    <div class="coupon" part="coupon">
      <form onSubmit={apply} noValidate>
        <label for="cartlift-coupon">{pick(text.coupon, locale)}</label>
        <div class="row">
          <input
            id="cartlift-coupon"
            name="coupon"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            maxLength={64}
            value={value}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'cartlift-coupon-error' : undefined}
            onInput={(e) => setValue(e.currentTarget.value)}
          />
          <button type="submit" disabled={!value.trim()}>
            {pick(text.apply, locale)}
          </button>
        </div>
        <div role="alert">
          {error && (
            <p id="cartlift-coupon-error" class="error">
              {error}
            </p>
          )}
          {note && <p class="error">{note}</p>}
          <span class="sr-only">{refused}</span>
        </div>
      </form>
      {codes.length > 0 && (
        <ul class="codes">
          {codes.map((code) => {
            const reason = quote && refusal(quote, code, locale)?.[0];
            // What it takes off, formatted like the totals: "WELCOME10 −$4.50".
            const saving = quote?.applied.find((a) => a.code === code);
            return (
              <li key={code}>
                <span class={reason ? 'refused' : 'applied'}>
                  {code}
                  {saving && <span class="discount"> −{formatMoney({ amount: saving.amount, currency: quote!.currency }, locale)}</span>}
                </span>
                {reason && <span class="error"> — {reason}</span>}
                <button
                  type="button"
                  class="link"
                  aria-label={pick(text.removeCode, locale)(code)}
                  onClick={() => void instance.cart.removeCode(code).catch(() => {})}
                >
                  {pick(text.remove, locale)}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
