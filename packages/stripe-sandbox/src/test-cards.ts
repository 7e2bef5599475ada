import type { Outcome } from './types.js';

/**
 * Stripe's documented test cards and test PaymentMethod ids, with the outcome
 * each produces in the sandbox. Numbers not listed behave like Stripe's test
 * mode does with a real card number: declined.
 */
export interface TestCard {
  brand: string;
  funding: string;
  country: string;
  outcome: Outcome;
}

const succeed: Outcome = { kind: 'succeed' };
const declined = (declineCode: string, message: string, code = 'card_declined'): Outcome => ({ kind: 'decline', code, declineCode, message });

export const TEST_CARDS: Record<string, TestCard> = {
  '4242424242424242': { brand: 'visa', funding: 'credit', country: 'US', outcome: succeed },
  '4000056655665556': { brand: 'visa', funding: 'debit', country: 'US', outcome: succeed },
  '5555555555554444': { brand: 'mastercard', funding: 'credit', country: 'US', outcome: succeed },
  '378282246310005': { brand: 'amex', funding: 'credit', country: 'US', outcome: succeed },
  '6200000000000005': { brand: 'unionpay', funding: 'credit', country: 'CN', outcome: succeed },
  '4000000000000002': { brand: 'visa', funding: 'credit', country: 'US', outcome: declined('generic_decline', 'Your card was declined.') },
  '4000000000009995': { brand: 'visa', funding: 'credit', country: 'US', outcome: declined('insufficient_funds', 'Your card has insufficient funds.') },
  '4000000000009987': { brand: 'visa', funding: 'credit', country: 'US', outcome: declined('lost_card', 'Your card was declined.') },
  '4000000000000069': { brand: 'visa', funding: 'credit', country: 'US', outcome: declined('expired_card', 'Your card has expired.', 'expired_card') },
  '4000000000000127': {
    brand: 'visa',
    funding: 'credit',
    country: 'US',
    outcome: declined('incorrect_cvc', "Your card's security code is incorrect.", 'incorrect_cvc'),
  },
  '4000002500003155': { brand: 'visa', funding: 'credit', country: 'US', outcome: { kind: 'authenticate' } },
  '4000000000003220': { brand: 'visa', funding: 'credit', country: 'US', outcome: { kind: 'authenticate' } },
};

/** Stripe's test PaymentMethod ids (`pm_card_visa`, …) mapped to test card numbers. */
export const TEST_PAYMENT_METHODS: Record<string, string> = {
  pm_card_visa: '4242424242424242',
  pm_card_visa_debit: '4000056655665556',
  pm_card_mastercard: '5555555555554444',
  pm_card_amex: '378282246310005',
  pm_card_unionpay: '6200000000000005',
  pm_card_chargeDeclined: '4000000000000002',
  pm_card_visa_chargeDeclined: '4000000000000002',
  pm_card_chargeDeclinedInsufficientFunds: '4000000000009995',
  pm_card_chargeDeclinedLostCard: '4000000000009987',
  pm_card_chargeDeclinedExpiredCard: '4000000000000069',
  pm_card_chargeDeclinedIncorrectCvc: '4000000000000127',
  pm_card_authenticationRequired: '4000002500003155',
  pm_card_threeDSecure2Required: '4000000000003220',
};

/**
 * Luhn check of a card number (digits only).
 *
 * @example
 * luhnValid('4242424242424242') // true
 */
export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * The card brand Stripe would report for a number, from its prefix.
 *
 * @example
 * cardBrand('5555555555554444') // "mastercard"
 */
export function cardBrand(digits: string): string {
  if (/^4/.test(digits)) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(digits)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^62/.test(digits)) return 'unionpay';
  if (/^(6011|65|64[4-9])/.test(digits)) return 'discover';
  if (/^35/.test(digits)) return 'jcb';
  if (/^3(0[0-5]|[68])/.test(digits)) return 'diners';
  return 'unknown';
}
