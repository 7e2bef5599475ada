import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardDigits, formatCardNumber, parseExpiry, validateCard } from './card.js';

const today = new Date(2026, 10, 24);

describe('card helpers', () => {
  it('formats numbers by brand grouping', () => {
    expect(formatCardNumber('4242424242424242')).toBe('4242 4242 4242 4242');
    expect(formatCardNumber('378282246310005')).toBe('3782 822463 10005');
    expect(formatCardNumber('4242 42ab')).toBe('4242 42');
  });

  it('formatting never changes the digits (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{0,19}$/), (digits) => {
        expect(cardDigits(formatCardNumber(digits))).toBe(digits);
      }),
    );
  });

  it('parses expiry in the usual shapes', () => {
    expect(parseExpiry('12 / 34')).toEqual({ month: 12, year: 2034 });
    expect(parseExpiry('0130')).toEqual({ month: 1, year: 2030 });
    expect(parseExpiry('7/2031')).toEqual({ month: 7, year: 2031 });
    expect(parseExpiry('13/30')).toBeNull();
    expect(parseExpiry('12/3')).toBeNull();
  });

  it.each([
    [{ number: '', expiry: '12/34', cvc: '123' }, 'incomplete_number'],
    [{ number: '4242 4242', expiry: '12/34', cvc: '123' }, 'incomplete_number'],
    [{ number: '4242424242424241', expiry: '12/34', cvc: '123' }, 'invalid_number'],
    [{ number: '4242424242424242', expiry: '12', cvc: '123' }, 'incomplete_expiry'],
    [{ number: '4242424242424242', expiry: '10/26', cvc: '123' }, 'invalid_expiry_year_past'],
    [{ number: '4242424242424242', expiry: '12/34', cvc: '12' }, 'incomplete_cvc'],
    [{ number: '378282246310005', expiry: '12/34', cvc: '123' }, 'incomplete_cvc'],
  ])('reports %j as %s', (input, code) => {
    const result = validateCard(input, today);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ type: 'validation_error', code });
  });

  it('accepts a complete test card, this month included', () => {
    expect(validateCard({ number: '4242 4242 4242 4242', expiry: '11 / 26', cvc: '123' }, today)).toEqual({
      ok: true,
      card: { number: '4242424242424242', exp_month: 11, exp_year: 2026, cvc: '123' },
    });
  });
});
