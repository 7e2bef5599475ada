import { cardBrand, luhnValid } from '../test-cards.js';

/** A client-side validation failure, shaped like Stripe.js's `validation_error`. */
export interface ValidationError {
  type: 'validation_error';
  code: string;
  message: string;
  param: string;
}

export interface CardInput {
  number: string;
  expiry: string;
  cvc: string;
}

export interface CardData {
  number: string;
  exp_month: number;
  exp_year: number;
  cvc: string;
}

/**
 * Digits of a typed card number (spaces and dashes dropped).
 *
 * @example
 * cardDigits('4242 4242-4242 4242') // "4242424242424242"
 */
export function cardDigits(text: string): string {
  return text.replace(/[\s-]/g, '');
}

/**
 * Groups digits for display the way the brand prints them (Amex 4-6-5, others 4-4-4-4).
 *
 * @example
 * formatCardNumber('4242424242424242') // "4242 4242 4242 4242"
 */
export function formatCardNumber(text: string): string {
  const digits = cardDigits(text).replace(/\D/g, '').slice(0, 19);
  const groups = cardBrand(digits) === 'amex' ? [4, 6, 5] : [4, 4, 4, 4, 3];
  const out: string[] = [];
  let at = 0;
  for (const size of groups) {
    if (at >= digits.length) break;
    out.push(digits.slice(at, at + size));
    at += size;
  }
  return out.join(' ');
}

/**
 * Reads "MM / YY" (or MM/YYYY, MMYY) into month and four-digit year.
 *
 * @example
 * parseExpiry('12 / 34') // { month: 12, year: 2034 }
 */
export function parseExpiry(text: string): { month: number; year: number } | null {
  const match = /^\s*(\d{1,2})\s*\/?\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!match) return null;
  const month = Number(match[1]);
  const yearText = match[2] ?? '';
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  return month >= 1 && month <= 12 ? { month, year } : null;
}

/**
 * Validates the card fields like Stripe's Payment Element, returning card data
 * or the first error (with Stripe.js's codes such as `incomplete_number`).
 *
 * @example
 * validateCard({ number: '4242424242424242', expiry: '12/34', cvc: '123' }, new Date('2026-01-01'))
 * // { ok: true, card: { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' } }
 */
export function validateCard(input: CardInput, today: Date): { ok: true; card: CardData } | { ok: false; error: ValidationError } {
  const number = cardDigits(input.number);
  const error = (code: string, message: string, param: string) => ({ ok: false as const, error: { type: 'validation_error' as const, code, message, param } });
  if (number.length === 0 || (number.length < 15 && /^\d*$/.test(number))) return error('incomplete_number', 'Your card number is incomplete.', 'number');
  if (!luhnValid(number)) return error('invalid_number', 'Your card number is invalid.', 'number');
  const expiry = parseExpiry(input.expiry);
  if (!expiry) return error('incomplete_expiry', "Your card's expiration date is incomplete.", 'expiry');
  const thisMonth = today.getFullYear() * 12 + today.getMonth();
  if (expiry.year * 12 + expiry.month - 1 < thisMonth) return error('invalid_expiry_year_past', "Your card's expiration year is in the past.", 'expiry');
  const cvc = input.cvc.trim();
  const cvcLength = cardBrand(number) === 'amex' ? 4 : 3;
  if (!new RegExp(`^\\d{${cvcLength}}$`).test(cvc)) return error('incomplete_cvc', "Your card's security code is incomplete.", 'cvc');
  return { ok: true, card: { number, exp_month: expiry.month, exp_year: expiry.year, cvc } };
}
