import { assertMinorUnits, CartliftError } from '@cartlift/core';
import { sum } from './allocate-lines.js';
import type { CompiledPromotion } from './promotion-index.js';
import type { CartLineInput, EvaluateInput } from './types.js';

/**
 * One evaluation's facts, with lines in a canonical order so input order never
 * matters; a line's position is its index in `lines_`. Internal, like every
 * record whose properties end in `_`: the build shortens those names.
 */
export interface EvaluationContext {
  input_: EvaluateInput;
  currency_: string;
  lines_: CartLineInput[];
  /** Canonical position -> input position. */
  inputPositions_: number[];
  /** Each line's quantity × unit price. */
  grossByLine_: number[];
  grossTotal_: number;
  shipping_: number;
  /** Every line position, ascending. */
  everyLine_: number[];
}

/** A promotion that passed its static checks, with the cart lines it looks at. */
export interface Candidate {
  promotion_: CompiledPromotion;
  /** Line positions, ascending. */
  lines_: number[];
  /** Gross subtotal of those lines. */
  gross_: number;
  /** 0 product, 1 order, 2 shipping: evaluation order. */
  stage_: number;
}

/** Sorts equal lines next to each other whatever order they came in. */
function canonicalKey(line: CartLineInput): string {
  return `${line.sku}\u0000${line.variant ?? ''}\u0000${line.unitPrice}\u0000${line.quantity}\u0000${(line.tags ?? []).join('\u0001')}`;
}

// Only the checks that keep the money exact (whole minor units, sums below
// 2^53) and the result well defined; the config schema and the server's
// request schemas check everything else before a cart gets here.
function invalidCart(field: string, expected: string, received: unknown): never {
  throw new CartliftError('invalid_cart', `${field} must be ${expected}; received ${String(received)}.`, field);
}

const safeAmount = (amount: number, field: string) => (Number.isSafeInteger(amount) ? amount : invalidCart(field, 'below 2^53 minor units', amount));

/** Checks a line and returns its gross (quantity × unit price). */
function lineGross(line: CartLineInput, index: number): number {
  const at = `lines[${index}]`;
  if (typeof line?.sku !== 'string' || !line.sku) invalidCart(`${at}.sku`, 'a non-empty string', line?.sku);
  const quantity = assertMinorUnits(line.quantity, `${at}.quantity`);
  return safeAmount(quantity * assertMinorUnits(line.unitPrice, `${at}.unitPrice`), `${at} quantity x unitPrice`);
}

export function buildContext(input: EvaluateInput): EvaluationContext {
  const currency = input.currency;
  if (!/^[A-Z]{3}$/.test(currency)) invalidCart('currency', 'an ISO 4217 code such as "CNY"', currency);
  if (!Number.isFinite(input.now)) invalidCart('now', 'epoch milliseconds', input.now);
  const grossByInputLine = input.lines.map(lineGross);
  const keys = input.lines.map(canonicalKey);
  const inputPositions = input.lines.map((_, index) => index).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
  const grossByLine = inputPositions.map((index) => grossByInputLine[index]!);
  return {
    input_: input,
    currency_: currency,
    lines_: inputPositions.map((index) => input.lines[index]!),
    inputPositions_: inputPositions,
    grossByLine_: grossByLine,
    grossTotal_: safeAmount(sum(grossByLine), 'lines total'),
    shipping_: assertMinorUnits(input.shipping?.amount ?? 0, 'shipping.amount'),
    everyLine_: grossByLine.map((_, index) => index),
  };
}
