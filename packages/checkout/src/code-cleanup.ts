import type { CartState, CartliftInstance } from '@cartlift/core';
import { type EvaluateResult, describeReason } from '@cartlift/discounts';
import { useEffect, useState } from 'preact/hooks';
import { drawerText as text } from './drawer-text.js';
import { type Locale, pick } from './i18n.js';
import { finalRefusals, limitedCodes } from './quote-problems.js';
import type { CartliftError } from '@cartlift/core';

/**
 * Takes codes the server refused for good (unknown, expired…) or blamed for
 * a 429 out of the cart once it has said why, so one typo never rides along
 * on later quotes or leaves the drawer without a price (the cart changes, so
 * the drawer quotes again without them). Returns the sentence to show, and
 * its setter (the coupon field clears it when another code is tried).
 *
 * @example
 * const [note, setNote] = useCodeCleanup(instance, cart, quote, error, 'en'); // "Code NOPE10 is not valid."
 */
export function useCodeCleanup(
  instance: CartliftInstance,
  cart: CartState,
  quote: EvaluateResult | undefined,
  error: CartliftError | undefined,
  locale: Locale,
) {
  const [note, setNote] = useState('');
  const drop = (codes: string[], sentence: string) => {
    if (codes.length === 0) return;
    setNote(sentence);
    for (const code of codes) void instance.cart.removeCode(code).catch(() => {});
  };
  useEffect(() => {
    const refused = quote ? finalRefusals(quote, cart.codes ?? []) : [];
    drop(
      refused.map((n) => n.code!),
      refused.map((n) => describeReason(n, locale, quote?.currency)).join(' '),
    );
  }, [quote]);
  useEffect(() => {
    const codes = limitedCodes(error, cart.codes ?? []);
    drop(codes, pick(text.tooManyCodes, locale)(codes.join(', ')));
  }, [error]);
  return [note, setNote] as const;
}
